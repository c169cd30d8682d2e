/** `vite preview` of the production build on a port of its own, stopped with the bench. */
import { spawn, type ChildProcess } from 'node:child_process';

export async function preview(root: string, port: number): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so stop() ends npx and vite together
  });
  const url = `http://localhost:${port}/`;
  const stop = (): void => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode} (port ${port} taken?)`);
    try {
      const r = await fetch(url);
      if (r.ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`vite preview did not answer on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
