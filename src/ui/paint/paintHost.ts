/**
 * What the paint worker runs (and the page, where a canvas cannot be handed to a worker): one
 * FrameBook fed with the frames the page received, and the renderers: the edge dots and the charts,
 * which read it, and the nodes' live values, which the page posts. Needs nothing of the DOM.
 */
import { FrameBook } from '../frames/frameStore';
import { ChartsRenderer } from './chartsRenderer';
import { DotsRenderer } from './dotsRenderer';
import { NodesRenderer } from './nodesRenderer';
import type { ChartsOut, PaintMsg } from './protocol';

export class PaintHost {
  readonly book = new FrameBook();
  readonly dots: DotsRenderer;
  readonly charts: ChartsRenderer;
  readonly nodes: NodesRenderer;

  constructor(frame: (cb: (t: number) => void) => number, send: (o: ChartsOut) => void) {
    this.dots = new DotsRenderer(frame);
    this.charts = new ChartsRenderer(frame, send, this.book);
    this.nodes = new NodesRenderer(frame);
  }

  handle(m: PaintMsg): void {
    switch (m.to) {
      case 'dots':
        this.dots.handle(m.msg);
        // The nodes' canvas lies over the same pane, over the same node boxes.
        if (m.msg.type === 'view') this.nodes.view(m.msg.view);
        else if (m.msg.type === 'geometry') this.nodes.geometry(m.msg.ids, m.msg.boxes);
        break;
      case 'charts':
        this.charts.handle(m.msg);
        break;
      case 'nodes':
        this.nodes.handle(m.msg);
        break;
      case 'frames':
        if (m.frame) this.book.push(m.frame);
        else this.book.clear();
        this.dots.frames(this.book.get());
        this.charts.frames();
        break;
    }
  }
}
