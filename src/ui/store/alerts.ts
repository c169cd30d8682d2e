/**
 * Alert rules as the design carries them (scenario `alerts`): adding one validated against the
 * whole scenario, and dropping the rules of nodes that are deleted (a rule on a missing node would
 * make the design invalid).
 */
import type { Scenario, ScenarioIssue } from '../../engine/core';
import { validation } from '../validation';

export type AlertRule = NonNullable<Scenario['alerts']>[number];
export type AlertRuleInput = Omit<AlertRule, 'forMs' | 'windowMs'> & Partial<Pick<AlertRule, 'forMs' | 'windowMs'>>;

/** The rules left once `gone` nodes are deleted; undefined when none are left. */
export function alertsWithout(alerts: Scenario['alerts'], gone: ReadonlySet<string>): Scenario['alerts'] {
  if (!alerts) return undefined;
  const kept = alerts.filter((a) => a.node === undefined || !gone.has(a.node));
  return kept.length > 0 ? kept : undefined;
}

/** The scenario's rules with `rule` added, or the problems (field paths as a file would get them). */
export function withAlert(s: Scenario, rule: AlertRuleInput): { ok: true; alerts: AlertRule[] } | { ok: false; issues: ScenarioIssue[] } {
  const p = validation().parseScenario({ ...s, alerts: [...(s.alerts ?? []), rule] });
  if (!p.ok) return { ok: false, issues: p.issues };
  return { ok: true, alerts: p.value.alerts ?? [] };
}
