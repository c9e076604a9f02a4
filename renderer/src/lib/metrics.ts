// A profile's metrics as the UI names them: the headline five every source has a slot for (null when it does not
// show one), then a source's own figures (Google Scholar's i10-index and its "since" column, Semantic Scholar's
// highly influential citations), each with its label, in one order.
import type { SourceMetrics } from '../../../electron/core/api.js';
import { formatNumber } from './format.js';

interface MetricInfo {
  label: string;
  suffix?: string;
}

/** Display order and labels; a figure not listed here follows them, its key spelled out. */
const KNOWN_METRICS: Record<string, MetricInfo> = {
  hIndex: { label: 'h-index' },
  papers: { label: 'Papers' },
  citations: { label: 'Citations' },
  novelty: { label: 'Novelty', suffix: '%' },
  aiScore: { label: 'AI score' },
  i10Index: { label: 'i10-index' },
  highlyInfluentialCitations: { label: 'Highly influential citations' },
  citationsSince: { label: 'Citations since' },
  hIndexSince: { label: 'h-index since' },
  i10IndexSince: { label: 'i10-index since' },
};

/** The headline metrics every source has a slot for, in their order. */
export const HEADLINE_METRICS = ['hIndex', 'papers', 'citations', 'novelty', 'aiScore'] as const;

/** Not a figure: the year Google Scholar's "since" column starts, which labels those figures. */
const SINCE_YEAR = 'sinceYear';

export interface MetricEntry {
  key: string;
  label: string;
  value: number | null;
}

const order = (key: string) => {
  const index = Object.keys(KNOWN_METRICS).indexOf(key);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
};

/** "highlyInfluentialCitations" → "Highly influential citations". */
const spelledOut = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function metricLabel(key: string, metrics?: SourceMetrics): string {
  const label = KNOWN_METRICS[key]?.label ?? spelledOut(key);
  const since = metrics?.[SINCE_YEAR];
  return key.endsWith('Since') && typeof since === 'number' ? `${label} ${since}` : label;
}

/** Every figure in `metrics` that has a value, labelled, in display order. */
export function shownMetrics(metrics: SourceMetrics): MetricEntry[] {
  return Object.keys(metrics)
    .filter((key) => key !== SINCE_YEAR && metrics[key] !== null && metrics[key] !== undefined)
    .sort((a, b) => order(a) - order(b))
    .map((key) => ({ key, label: metricLabel(key, metrics), value: metrics[key] ?? null }));
}

/**
 * The keys that have a value in any of `all`, in display order: the columns of a table of them. Google Scholar's
 * "since <year>" column (the same figures, recent only) is left to the preview, so the profile's tables stay narrow.
 */
export function metricKeysOf(all: readonly SourceMetrics[]): string[] {
  const keys = new Set(all.flatMap((metrics) => shownMetrics(metrics).map((entry) => entry.key)));
  return [...keys].filter((key) => !key.endsWith('Since')).sort((a, b) => order(a) - order(b));
}

/** "9,233", "45%", "—" for none. */
export function formatMetric(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value)}${KNOWN_METRICS[key]?.suffix ?? ''}`;
}
