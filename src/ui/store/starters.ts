/**
 * What a node from the palette starts with (each part's `starter`, src/ui/parts): values that show
 * the part doing its job in a workshop within seconds. The libraries' own defaults are sized for
 * production (Resilience4j's breaker waits 100 calls and a minute; Netflix's limits start at 20):
 * the inspector hints say so.
 */
import { byKind } from '../parts/index';

export const STARTERS = byKind((p) => p.starter);
