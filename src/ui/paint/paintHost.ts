/**
 * What the paint worker runs (and the page, where a canvas cannot be handed to a worker): one
 * FrameBook fed with the frames the page received, and the two renderers that read it, the edge
 * dots and the charts. Needs nothing of the DOM.
 */
import { FrameBook } from '../frames/frameStore';
import { ChartsRenderer } from './chartsRenderer';
import { DotsRenderer } from './dotsRenderer';
import type { ChartsOut, PaintMsg } from './protocol';

export class PaintHost {
  readonly book = new FrameBook();
  readonly dots: DotsRenderer;
  readonly charts: ChartsRenderer;

  constructor(frame: (cb: (t: number) => void) => number, send: (o: ChartsOut) => void) {
    this.dots = new DotsRenderer(frame);
    this.charts = new ChartsRenderer(frame, send, this.book);
  }

  handle(m: PaintMsg): void {
    switch (m.to) {
      case 'dots':
        this.dots.handle(m.msg);
        break;
      case 'charts':
        this.charts.handle(m.msg);
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
