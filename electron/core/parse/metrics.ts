// The headline numbers of a profile. Sites render each metric as a label and a value in separate elements, so a
// copy can produce them glued ("h-index117", "12papers", "AI Score42"), spaced ("h-index 117", "12 papers"), on two
// lines in either order ("h-index" then "117", or "117" then "h-index"), or several on one line separated by " · ".
import type { ProfileMetrics } from '../model.js';
import { emptyMetrics } from './sources/fields.js';
import type { SourceMetrics } from './sources/types.js';
import { parseMetricNumber } from './numbers.js';

type MetricKey = keyof ProfileMetrics;

const LABEL = `(h[- ]?index|papers?|publications?|citations?|cited by|novelty(?: score)?|ai[- ]?score)`;
const VALUE = String.raw`(\d(?:[\d.,' ’]*\d)?(?: ?[km])?(?: ?%)?)`;
const LABEL_VALUE = new RegExp(String.raw`^${LABEL} ?[:=]? ?\(?${VALUE}\)?$`, 'i');
const VALUE_LABEL = new RegExp(`^${VALUE} ?${LABEL}$`, 'i');
const BARE_LABEL = new RegExp(`^${LABEL}:?$`, 'i');
const BARE_VALUE = new RegExp(`^${VALUE}$`, 'i');
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

type Pairing = [indexes: [number, number], key: MetricKey, token: string];

/** A bare label or bare value line of a run, and whether a blank line separates it from the item before it. */
interface RunItem {
  index: number;
  label: MetricKey | null;
  value: string | null;
  afterBlank: boolean;
}

/** A percentage can only be the novelty score; the counts are never percentages. */
function fitsLabel(key: MetricKey, token: string): boolean {
  return token.includes('%') ? key === 'novelty' : valueFor(key, token) !== null;
}

/**
 * How much a page's layout says `label` and `value` (adjacent in the run) belong together: a pair always beats no
 * pair, a pair inside one block (no blank line between) beats one across blocks, a percentage beside "Novelty" beats
 * a plain number there, and only when nothing else decides, label-then-value beats value-then-label.
 */
function pairWeight(first: RunItem, second: RunItem): number {
  const [label, value] = first.label !== null ? [first, second] : [second, first];
  if (label.label === null || value.value === null || !fitsLabel(label.label, value.value)) return 0;
  const isPercentage = value.value.includes('%');
  return 100 + (second.afterBlank ? 0 : 20) + (isPercentage ? 10 : 0) + (label === first ? 1 : 0);
}

/**
 * Pairs a run of consecutive bare label / bare value lines. Each label takes the value just above or just below it,
 * whichever the page's own layout says: the pairing of the whole run that pairs the most lines, then keeps the most
 * pairs inside blank-line blocks, wins (a dynamic program over the run: linear). So a page that prints some metrics
 * label-first and others value-first ("h-index", "117", "12", "Papers") pairs every one, and a stray number
 * ("Following", "120", "h-index", "117") does not shift every pair by one.
 */
function pairRun(run: readonly RunItem[]): Pairing[] {
  // best[k]: the weight of the best pairing of run[0, k); took[k]: whether it pairs run[k-2] with run[k-1].
  const best = new Array<number>(run.length + 1).fill(0);
  const took = new Array<boolean>(run.length + 1).fill(false);
  for (let k = 2; k <= run.length; k++) {
    const weight = pairWeight(run[k - 2] as RunItem, run[k - 1] as RunItem);
    best[k] = best[k - 1] as number;
    if (weight > 0 && (best[k - 2] as number) + weight > (best[k] as number)) {
      best[k] = (best[k - 2] as number) + weight;
      took[k] = true;
    }
  }
  const out: Pairing[] = [];
  for (let k = run.length; k >= 2; ) {
    if (!took[k]) {
      k--;
      continue;
    }
    const a = run[k - 2] as RunItem;
    const b = run[k - 1] as RunItem;
    const [label, value] = a.label !== null ? [a, b] : [b, a];
    out.push([[a.index, b.index], label.label as MetricKey, value.value as string]);
    k -= 2;
  }
  return out.reverse();
}

const MAX_LISTED_VALUES = 3;

function conflictWarning(key: MetricKey, kept: number, otherValues: readonly number[]): string {
  const listed = otherValues.slice(0, MAX_LISTED_VALUES).join(', ');
  const more = otherValues.length > MAX_LISTED_VALUES ? ` and ${otherValues.length - MAX_LISTED_VALUES} more` : '';
  const count = otherValues.length === 1 ? 'two values' : `${otherValues.length + 1} values`;
  return `Page shows ${count} for the ${NAMES[key]} (${kept} and ${listed}${more}); kept ${kept}.`;
}

export interface MetricsScan {
  metrics: SourceMetrics;
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
  const metrics = emptyMetrics();
  const consumed = new Set<number>();
  // Other values seen per metric: reported once per metric, however many lines repeat it (a paste can hold
  // thousands of metric-like lines).
  const others = new Map<MetricKey, Set<number>>();
  const record = (key: MetricKey, value: number): void => {
    const previous = metrics[key];
    if (previous === null) metrics[key] = value;
    else if (previous !== value) {
      const seen = others.get(key) ?? new Set<number>();
      seen.add(value);
      others.set(key, seen);
    }
  };

  // Non-blank lines, classified. Bare labels and bare values are collected into runs and paired afterwards.
  let run: RunItem[] = [];
  let afterBlank = false;
  const flushRun = (): void => {
    for (const [i, key, token] of pairRun(run)) {
      const value = valueFor(key, token);
      if (value !== null) {
        record(key, value);
        consumed.add(i[0]).add(i[1]);
      }
    }
    run = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') {
      afterBlank = true;
      continue;
    }
    const blankAbove = afterBlank;
    afterBlank = false;
    if (line.length <= MAX_METRIC_LINE * 4) {
      const pairs = line.split(PART_SEPARATOR).map(parsePair);
      if (pairs.every((p) => p !== null)) {
        flushRun();
        for (const p of pairs) if (p) record(p.key, p.value);
        consumed.add(i);
        continue;
      }
      const label = bareLabel(line);
      if (label !== null) {
        run.push({ index: i, label, value: null, afterBlank: blankAbove });
        continue;
      }
      if (isBareValue(line)) {
        run.push({ index: i, label: null, value: line, afterBlank: blankAbove });
        continue;
      }
    }
    flushRun();
  }
  flushRun();
  const warnings: string[] = [];
  for (const [key, values] of others) warnings.push(conflictWarning(key, metrics[key] as number, [...values]));
  return { metrics, consumed, warnings };
}
