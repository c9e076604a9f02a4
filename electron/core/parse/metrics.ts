// The headline numbers of a profile. Sites render each metric as a label and a value in separate elements, so a
// copy can produce them glued ("h-index117", "12papers", "AI Score42"), spaced ("h-index 117", "12 papers"), on two
// lines in either order ("h-index" then "117", or "117" then "h-index"), or several on one line separated by " · ".
import type { ProfileMetrics } from '../model.js';
import { parseMetricNumber } from './numbers.js';

type MetricKey = keyof ProfileMetrics;

const LABEL = String.raw`(h[- ]?index|papers?|publications?|citations?|cited by|novelty(?: score)?|ai[- ]?score)`;
const VALUE = String.raw`(\d(?:[\d.,' ’]*\d)?(?: ?[km])?(?: ?%)?)`;
const LABEL_VALUE = new RegExp(String.raw`^${LABEL} ?[:=]? ?\(?${VALUE}\)?$`, 'i');
const VALUE_LABEL = new RegExp(String.raw`^${VALUE} ?${LABEL}$`, 'i');
const BARE_LABEL = new RegExp(String.raw`^${LABEL}:?$`, 'i');
const BARE_VALUE = new RegExp(String.raw`^${VALUE}$`, 'i');
const PART_SEPARATOR = / [·•|] /;
// Metric lines are short; the cap keeps every regex above working on bounded input.
const MAX_METRIC_LINE = 60;

const NAMES: Record<MetricKey, string> = {
  hIndex: 'h-index',
  papers: 'paper count',
  citations: 'citation count',
  novelty: 'novelty',
  aiScore: 'AI score',
};

function keyOf(label: string): MetricKey {
  const l = label.toLowerCase();
  if (l.startsWith('h')) return 'hIndex';
  if (l.startsWith('pap') || l.startsWith('pub')) return 'papers';
  if (l.startsWith('cit')) return 'citations';
  if (l.startsWith('nov')) return 'novelty';
  return 'aiScore';
}

function valueFor(key: MetricKey, token: string): number | null {
  return parseMetricNumber(token, key === 'hIndex' || key === 'papers' || key === 'citations');
}

/** A whole line (or " · "-separated part) that is a complete label+value pair. */
function parsePair(text: string): { key: MetricKey; value: number } | null {
  if (text.length > MAX_METRIC_LINE) return null;
  let m = LABEL_VALUE.exec(text);
  let label: string | undefined;
  let token: string | undefined;
  if (m) {
    label = m[1];
    token = m[2];
  } else if ((m = VALUE_LABEL.exec(text))) {
    token = m[1];
    label = m[2];
  }
  if (label === undefined || token === undefined) return null;
  const key = keyOf(label);
  const value = valueFor(key, token);
  return value === null ? null : { key, value };
}

function bareLabel(text: string): MetricKey | null {
  if (text.length > MAX_METRIC_LINE) return null;
  const m = BARE_LABEL.exec(text);
  return m?.[1] === undefined ? null : keyOf(m[1]);
}

function isBareValue(text: string): boolean {
  return text.length <= MAX_METRIC_LINE && BARE_VALUE.test(text);
}

export interface MetricsScan {
  metrics: ProfileMetrics;
  /** Indexes (into the given lines) that were read as metrics, so they are not taken for a name or category. */
  consumed: Set<number>;
  warnings: string[];
}

/**
 * Reads metrics from the lines before the first paper. Blank lines are skipped when pairing a label line with
 * its value line. The first value seen for a metric wins: the page usually repeats the paper count as a section
 * header ("12 Papers"), and a differing repeat produces a warning instead of silently overwriting.
 */
export function scanMetrics(lines: readonly string[]): MetricsScan {
  const metrics: ProfileMetrics = { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null };
  const consumed = new Set<number>();
  const warnings: string[] = [];
  const record = (key: MetricKey, value: number): void => {
    const previous = metrics[key];
    if (previous === null) metrics[key] = value;
    else if (previous !== value) {
      warnings.push(`Page shows two values for the ${NAMES[key]} (${previous} and ${value}); kept ${previous}.`);
    }
  };

  const idx: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i] !== '') idx.push(i);

  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    const line = lines[i] as string;
    if (line.length > MAX_METRIC_LINE * 4) continue;

    const parts = line.split(PART_SEPARATOR);
    const pairs = parts.map(parsePair);
    if (pairs.every((p) => p !== null)) {
      for (const p of pairs) if (p) record(p.key, p.value);
      consumed.add(i);
      continue;
    }

    const nextI = idx[k + 1];
    const next = nextI === undefined ? undefined : lines[nextI];
    if (next === undefined || nextI === undefined) continue;
    const label = bareLabel(line);
    if (label !== null && isBareValue(next)) {
      const value = valueFor(label, next);
      if (value !== null) {
        record(label, value);
        consumed.add(i).add(nextI);
        k++;
      }
      continue;
    }
    const nextLabel = bareLabel(next);
    if (nextLabel !== null && isBareValue(line)) {
      // "117" then "h-index": only when that label is not itself followed by its own value ("Following", "120",
      // "h-index", "117" must pair h-index with 117, not 120).
      const afterI = idx[k + 2];
      if (afterI !== undefined && isBareValue(lines[afterI] as string)) continue;
      const value = valueFor(nextLabel, line);
      if (value !== null) {
        record(nextLabel, value);
        consumed.add(i).add(nextI);
        k++;
      }
    }
  }
  return { metrics, consumed, warnings };
}
