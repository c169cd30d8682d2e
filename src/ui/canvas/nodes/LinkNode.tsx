import { F } from '../../../engine/index';
import { count } from '../../format';
import type { ConfigOf } from '../../store/graph';
import { gaugeNode } from './GaugeNode';
import { guardHealth } from './live';

/** A network link: items held (travelling or waiting at the far end) against its limit. */
export const LinkNode = gaugeNode({
  kind: 'link',
  counters: [
    { key: 'delivered', label: 'Delivered', value: (f) => count(f.snap[f.b + F.completed]!) },
    { key: 'full', label: 'Full (503)', tone: 'bad', value: (f) => count(f.snap[f.b + F.rejected]!) },
  ],
  read: (f) => {
    const held = f.snap[f.b + F.level]!;
    const limit = f.snap[f.b + F.capacity]!;
    return { fill: limit > 0 ? held / limit : 0, text: `${count(held)} / ${count(limit)} held`, health: guardHealth(f, limit > 0 && held >= 0.8 * limit) };
  },
  subtitle: (c: ConfigOf<'link'>) => `~${c.delayMs} ms ± ${c.jitterMs}`,
  initial: (d) => `0 / ${d.limit} held`,
});
