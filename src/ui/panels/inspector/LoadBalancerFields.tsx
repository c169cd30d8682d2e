import type { ConfigOf } from '../../store/graph';
import { applyParam } from './applyParam';
import { SelectParam } from './fields';
import { RHINT } from './resilienceHints';

type Strategy = ConfigOf<'load-balancer'>['strategy'];
const STRATEGIES: { value: Strategy; label: string }[] = [
  { value: 'round-robin', label: 'round robin' },
  { value: 'least-outstanding', label: 'least outstanding' },
  { value: 'p2c', label: 'two choices (p2c)' },
];

export function LoadBalancerFields({ cfg }: { cfg: ConfigOf<'load-balancer'> }) {
  return (
    <>
      <p className="bp-derived">{RHINT.replicas}</p>
      <SelectParam label="Strategy" hint={RHINT.strategy} value={cfg.strategy} options={STRATEGIES} onChange={(strategy) => applyParam(cfg.id, { strategy })} />
    </>
  );
}
