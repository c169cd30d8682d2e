/**
 * Records the run as a WebM video for slides: each animation frame, the run as RunFrame draws it
 * (graph, numbers, charts) on an offscreen canvas that MediaRecorder records, for at most 60 s of
 * wall time. A bar at the top of the page says it is recording, for how long, and stops it; the
 * video is then downloaded. A paused run starts playing when the recording starts.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { frameStore } from '../frames/frameStore';
import { sim } from '../simClient';
import { downloadBlob } from '../share/download';
import { designKeeper } from '../share/keeper';
import { scenarioFileName } from '../share/scenarioFile';
import { runStore } from '../store/runStore';
import { scenarioStore } from '../store/appStore';
import { viewStore } from '../store/viewStore';
import { noticeStore } from '../store/noticeStore';
import { RunFrame, VIDEO_H, VIDEO_W, type FrameParts, type Scene } from './runFrame';
import './recording.css';

export const MAX_RECORDING_S = 60;
const FPS = 30;

/** The first WebM type this browser records, or null. */
function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

function sceneNow(): Scene {
  const st = scenarioStore.getState();
  return {
    name: st.meta.name,
    nodes: st.nodes.map((n) => ({ id: n.id, type: n.type as Scene['nodes'][number]['type'], label: n.data.label ?? n.id, x: n.position.x, y: n.position.y })),
    edges: st.edges.map((e) => ({ from: e.source, to: e.target })),
  };
}

let active: { stop: () => void } | null = null;

/** Starts recording (once: a second call while recording does nothing). */
export function startRecording(parts: FrameParts): void {
  if (active) return;
  const type = webmType();
  if (!type) {
    noticeStore.getState().showAlert('This browser cannot record video from a canvas (no WebM MediaRecorder). The charts’ PNG and CSV exports still work.');
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = VIDEO_W;
  canvas.height = VIDEO_H;
  const ctx = canvas.getContext('2d')!;
  let scene = sceneNow();
  let frame = new RunFrame(scene, frameStore.get(), viewStore.getState().chartWindowS, parts);
  // The design may change while recording (a node dragged, a part added): drawn as it is now.
  const offScene = scenarioStore.subscribe((next, prev) => {
    if (next.nodes === prev.nodes && next.edges === prev.edges && next.meta === prev.meta) return;
    scene = sceneNow();
    frame = new RunFrame(scene, frameStore.get(), viewStore.getState().chartWindowS, parts);
  });
  frame.draw(ctx, frameStore.get());
  const stream = canvas.captureStream(FPS);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => void (e.data.size > 0 && chunks.push(e.data));
  let raf = 0;
  const paint = () => {
    frame.draw(ctx, frameStore.get());
    raf = requestAnimationFrame(paint);
  };
  raf = requestAnimationFrame(paint);

  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const startedAt = performance.now();
  const atSim = frameStore.get().status.simMs;
  const limit = window.setTimeout(() => stop(), MAX_RECORDING_S * 1000);

  function stop(): void {
    if (recorder.state === 'inactive') return;
    window.clearTimeout(limit);
    recorder.stop();
  }
  recorder.onstop = () => {
    cancelAnimationFrame(raf);
    offScene();
    for (const t of stream.getTracks()) t.stop();
    root.unmount();
    host.remove();
    active = null;
    const name = scenarioFileName(designKeeper.current()).replace(/\.json$/, '');
    const fromS = Math.floor(atSim / 1000);
    const toS = Math.floor(frameStore.get().status.simMs / 1000);
    downloadBlob(new Blob(chunks, { type: 'video/webm' }), `${name}-${fromS}s-${toS}s.webm`);
  };
  active = { stop };
  recorder.start(1000);
  if (!runStore.getState().playing) void sim.play();
  root.render(<RecordingBar startedAt={startedAt} onStop={stop} />);
}

function RecordingBar({ startedAt, onStop }: { startedAt: number; onStop: () => void }) {
  const [seconds, setSeconds] = useState(0);
  // A wall clock for the person (how long the video is so far), not the simulation's data.
  useEffect(() => {
    const t = window.setInterval(() => setSeconds(Math.floor((performance.now() - startedAt) / 1000)), 250);
    return () => window.clearInterval(t);
  }, [startedAt]);
  return (
    <div className="bp-recording" role="status" aria-label="Recording">
      <span className="bp-recording__dot" aria-hidden="true" />
      <span>
        Recording the run: {seconds} s of at most {MAX_RECORDING_S} s
      </span>
      <button type="button" className="bp-btn bp-btn--primary" onClick={onStop}>
        Stop and save
      </button>
    </div>
  );
}
