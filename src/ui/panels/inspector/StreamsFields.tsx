/** The inspector fields of the topic and the consumer group, in a chunk of their own. */
import { moments, type ConsumerGroupConfig, type TopicConfig } from '../../../engine/index';
import { rate } from '../../format';
import { useScenario } from '../../store/appStore';
import type { ScenarioState } from '../../store/scenarioStore';
import { applyParam } from './applyParam';
import { CheckboxParam, SelectParam, TextParam } from './fields';
import { TimeFields } from './ServiceFields';
import { DISTS, switchDist } from './dists';
import { STHINT } from './streamsHints';
import { numberOrText } from './useParamDraft';

const num = (field: string) => (t: string) => ({ [field]: numberOrText(t) });

export function TopicFields({ cfg }: { cfg: TopicConfig }) {
  const id = cfg.id;
  return (
    <>
      <TextParam nodeId={id} label="Partitions" inputMode="numeric" hint={STHINT.partitions} shown={String(cfg.partitions)} toPatch={num('partitions')} />
      <SelectParam
        label="Partitioning"
        hint={STHINT.partitioning}
        value={cfg.partitioning}
        options={[
          { value: 'key', label: 'by key (hash mod partitions)' },
          { value: 'round-robin', label: 'round-robin' },
        ]}
        onChange={(partitioning) => applyParam(id, { partitioning })}
      />
      {cfg.partitioning === 'key' && (
        <>
          <TextParam nodeId={id} label="Keys" inputMode="numeric" hint={STHINT.keys} shown={String(cfg.keys)} toPatch={num('keys')} />
          <TextParam nodeId={id} label="Hot key share" unit="0–1" hint={STHINT.hotKeyShare} shown={String(cfg.hotKeyShare)} toPatch={num('hotKeyShare')} />
        </>
      )}
      <TextParam nodeId={id} label="Retention" unit="ms" hint={STHINT.retention} shown={String(cfg.retentionMs)} toPatch={num('retentionMs')} />
    </>
  );
}

/** Partitions of the topic this group reads, from the design. */
const partitionsRead = (groupId: string) => (s: ScenarioState) => {
  const topic = s.edges.find((e) => e.target === groupId)?.source;
  const cfg = s.nodes.find((n) => n.id === topic)?.data;
  return cfg && cfg.type === 'topic' ? cfg.partitions : null;
};

export function GroupFields({ cfg }: { cfg: ConsumerGroupConfig }) {
  const id = cfg.id;
  const partitions = useScenario(partitionsRead(id));
  const mean = moments(cfg.processingTime).mean;
  const working = partitions === null ? cfg.consumers : Math.min(cfg.consumers, partitions);
  const most = mean > 0 ? (working * 1000) / mean : Infinity;
  const batchMs = cfg.maxPollRecords * mean;
  return (
    <>
      <p className="bp-derived">
        {partitions === null ? (
          'Wire a topic into it: a group reads one topic.'
        ) : (
          <>
            Reads at most about <strong>{Number.isFinite(most) ? rate(most) : 'unlimited items/s'}</strong>: {working} busy consumer{working === 1 ? '' : 's'} on {partitions}{' '}
            partition{partitions === 1 ? '' : 's'}
            {cfg.consumers > partitions ? `, ${cfg.consumers - partitions} idle (one per partition at most)` : ''}.
          </>
        )}
      </p>
      {batchMs > cfg.maxPollIntervalMs && (
        <p className="bp-derived bp-derived--warn">
          A full batch takes about {Math.round(batchMs)} ms, longer than the poll interval: a consumer with a backlog will be kicked out of the group again and again.
        </p>
      )}
      <TextParam nodeId={id} label="Consumers" inputMode="numeric" hint={STHINT.consumers} shown={String(cfg.consumers)} toPatch={num('consumers')} />
      <SelectParam
        label="Processing time"
        hint={STHINT.processingTime}
        value={cfg.processingTime.dist}
        options={DISTS}
        onChange={(d) => applyParam(id, { processingTime: switchDist(cfg.processingTime, d) })}
      />
      <TimeFields key={cfg.processingTime.dist} id={id} st={cfg.processingTime} param="processingTime" />
      <TextParam nodeId={id} label="Max poll records" inputMode="numeric" hint={STHINT.maxPollRecords} shown={String(cfg.maxPollRecords)} toPatch={num('maxPollRecords')} />
      <TextParam nodeId={id} label="Max poll interval" unit="ms" hint={STHINT.maxPollInterval} shown={String(cfg.maxPollIntervalMs)} toPatch={num('maxPollIntervalMs')} />
      <SelectParam
        label="Rebalance protocol"
        hint={STHINT.rebalance}
        value={cfg.rebalance}
        options={[
          { value: 'eager', label: 'eager: stop the world' },
          { value: 'cooperative', label: 'cooperative: only moved partitions pause' },
        ]}
        onChange={(rebalance) => applyParam(id, { rebalance })}
      />
      <TextParam nodeId={id} label="Rebalance time" unit="ms" hint={STHINT.rebalanceMs} shown={String(cfg.rebalanceMs)} toPatch={num('rebalanceMs')} />
      <CheckboxParam label="Auto-commit" hint={STHINT.autoCommit} checked={cfg.enableAutoCommit} onChange={(v) => applyParam(id, { enableAutoCommit: v })} />
      {cfg.enableAutoCommit && (
        <TextParam nodeId={id} label="Auto-commit interval" unit="ms" hint={STHINT.autoCommitInterval} shown={String(cfg.autoCommitIntervalMs)} toPatch={num('autoCommitIntervalMs')} />
      )}
      <SelectParam
        label="Offset reset"
        hint={STHINT.offsetReset}
        value={cfg.autoOffsetReset}
        options={[
          { value: 'latest', label: 'latest: jump to the end' },
          { value: 'earliest', label: 'earliest: oldest record left' },
        ]}
        onChange={(autoOffsetReset) => applyParam(id, { autoOffsetReset })}
      />
      <TextParam nodeId={id} label="Error rate" unit="0–1" hint={STHINT.errorRate} shown={String(cfg.errorRate)} toPatch={num('errorRate')} />
      <TextParam nodeId={id} label="Poison rate" unit="0–1" hint={STHINT.poisonRate} shown={String(cfg.poisonRate)} toPatch={num('poisonRate')} />
      <TextParam nodeId={id} label="Max retries" inputMode="numeric" hint={STHINT.maxRetries} shown={String(cfg.maxRetries)} toPatch={num('maxRetries')} />
      <CheckboxParam label="Idempotent" hint={STHINT.idempotent} checked={cfg.idempotent} onChange={(v) => applyParam(id, { idempotent: v })} />
      <p className="bp-inspector__guide">{STHINT.deadLetter}</p>
    </>
  );
}
