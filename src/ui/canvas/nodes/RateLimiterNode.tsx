import { F } from '../../../engine/index';
import { count } from '../../format';
import { gaugeNode } from './GaugeNode';
import { guardHealth, level } from './live';

/** A token bucket: its level as a bar (tokens of burst), and the requests it answered 429. */
export const RateLimiterNode = gaugeNode({
  kind: 'rate-limiter',
  counters: [
    { key: 'passed', label: 'Passed', value: (f) => count(f.snap[f.b + F.accepted]!) },
    { key: 'limited', label: '429s', tone: 'bad', value: (f) => count(f.snap[f.b + F.rejected]!) },
  ],
  read: (f) => {
    const tokens = f.snap[f.b + F.gauge]!;
    const burst = f.snap[f.b + F.capacity]!;
    return { fill: burst > 0 ? tokens / burst : 0, text: `${level(tokens)} / ${count(burst)} tokens`, health: guardHealth(f, tokens < 1) };
  },
  subtitle: (d) => `${d.rate}/s · burst ${d.burst}`,
  initial: (d) => `${d.burst} / ${d.burst} tokens`,
});
