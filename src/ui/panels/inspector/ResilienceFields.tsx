/**
 * The inspector fields of the parts that say "not now" and of the client, in one chunk loaded the
 * first time such a node is selected (the app opens without them: see the bundle budget).
 */
import type { NodeConfig } from '../../../engine/index';
import { BreakerFields } from './BreakerFields';
import { BulkheadFields } from './BulkheadFields';
import { ClientFields } from './ClientFields';
import { ConcurrencyLimitFields } from './ConcurrencyLimitFields';
import { LoadBalancerFields } from './LoadBalancerFields';
import { LoadShedderFields } from './LoadShedderFields';
import { RateLimiterFields } from './RateLimiterFields';
import { FanOutFields, SharedRowFields } from './TailFields';

export default function ResilienceFields({ cfg }: { cfg: NodeConfig }) {
  switch (cfg.type) {
    case 'client':
      return <ClientFields cfg={cfg} />;
    case 'rate-limiter':
      return <RateLimiterFields cfg={cfg} />;
    case 'circuit-breaker':
      return <BreakerFields cfg={cfg} />;
    case 'bulkhead':
      return <BulkheadFields cfg={cfg} />;
    case 'load-balancer':
      return <LoadBalancerFields cfg={cfg} />;
    case 'load-shedder':
      return <LoadShedderFields cfg={cfg} />;
    case 'concurrency-limiter':
      return <ConcurrencyLimitFields cfg={cfg} />;
    case 'fan-out':
      return <FanOutFields cfg={cfg} />;
    case 'shared-row':
      return <SharedRowFields cfg={cfg} />;
    default:
      return null;
  }
}
