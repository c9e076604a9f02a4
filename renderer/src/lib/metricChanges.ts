// What changed between one snapshot of a researcher's metrics and the previous one of the same source (sources count
// differently, so a snapshot is only ever compared with its own source's), and between a re-import's page and the
// stored metrics (the preview's "h-index 41 → 43 (+2)"). Pure, so it is table-tested.
import type { SourceMetrics } from '../../../electron/core/api.js';
import type { MetricsSnapshot } from '../../../electron/core/model.js';
import { metricLabel, shownMetrics } from './metrics.js';

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

/** One metric of a re-import's preview: its value now, and the stored one when the profile had this source before. */
export interface MetricComparison {
  key: string;
  label: string;
  after: number | null;
  /** Undefined when there is nothing to compare with (a new profile, or the first import from this source). */
  before?: number | null;
  /** after − before when both are known; null otherwise. */
  change: number | null;
}

/**
 * The preview's metrics compared with the stored ones of the same source, in display order: every figure the page
 * shows, then any the library had that the page no longer shows (after = null).
 */
export function compareMetrics(previous: SourceMetrics | null, next: SourceMetrics): MetricComparison[] {
  const shownNow = shownMetrics(next);
  if (previous === null) return shownNow.map(({ key, label, value }) => ({ key, label, after: value, change: null }));
  const gone = shownMetrics(previous).filter(({ key }) => !shownNow.some((entry) => entry.key === key));
  const keys = [...shownNow.map((entry) => entry.key), ...gone.map((entry) => entry.key)];
  return keys.map((key) => {
    const before = numberOrNull(previous[key]);
    const after = numberOrNull(next[key]);
    return { key, label: metricLabel(key, next[key] === undefined ? previous : next), after, before, change: before !== null && after !== null ? after - before : null };
  });
}

/** "+2", "−3" (a minus sign), "±0". */
export function signedChange(change: number): string {
  const size = Math.abs(change).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return change > 0 ? `+${size}` : change < 0 ? `−${size}` : '±0';
}
