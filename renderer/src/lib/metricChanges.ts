// What changed between one snapshot of a researcher's metrics and the previous one of the same source (sources count
// differently, so a snapshot is only ever compared with its own source's). Pure, so it is table-tested.
import type { MetricsSnapshot } from '../../../electron/core/model.js';

export interface MetricDelta {
  key: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either side is unknown. */
  change: number | null;
}

export interface SnapshotChange {
  at: string;
  source: MetricsSnapshot['source'];
  /** One per key, in the keys' order, for the metrics that differ (or appeared, or went missing). */
  deltas: MetricDelta[];
}

/** Newest first: each snapshot that changed something, against the previous snapshot of its source. */
export function snapshotChanges(history: readonly MetricsSnapshot[], keys: readonly string[]): SnapshotChange[] {
  const previous = new Map<string, MetricsSnapshot>();
  const changes: SnapshotChange[] = [];
  for (const snapshot of [...history].sort((a, b) => a.at.localeCompare(b.at))) {
    const before = previous.get(snapshot.source);
    previous.set(snapshot.source, snapshot);
    if (!before) continue;
    const deltas = keys.flatMap((key): MetricDelta[] => {
      const from = numberOrNull(before.metrics[key]);
      const to = numberOrNull(snapshot.metrics[key]);
      if (from === to) return [];
      return [{ key, before: from, after: to, change: from !== null && to !== null ? to - from : null }];
    });
    if (deltas.length > 0) changes.push({ at: snapshot.at, source: snapshot.source, deltas });
  }
  return changes.reverse();
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** "▲ 120", "▼ 3", "new", "gone" (a change's mark and size, as the table and the import preview say it). */
export function describeChange(delta: MetricDelta): string {
  if (delta.change === null) return delta.before === null ? 'new' : 'gone';
  const size = Math.abs(delta.change).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return delta.change > 0 ? `▲ ${size}` : `▼ ${size}`;
}
