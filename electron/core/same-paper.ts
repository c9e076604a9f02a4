// When two listings are the same paper, and how their data is combined. One rule for every place that dedupes:
// the parser within one paste, and the store against the library (and, later, every other import source).
import type { ParsedPaper } from './model.js';

/**
 * Listings with the same title key are one paper when their years are at most this far apart: a preprint and its
 * proceedings version are usually a year apart, while a title reused years later ("Attention Is All You Need"
 * workshops, yearly reports with a fixed name) is a different paper. Sources that carry identifiers (DOI, arXiv
 * id) match on those first and fall back to this rule.
 */
export const SAME_PAPER_MAX_YEARS_APART = 1;

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Roughly days since year 0 (31-day months): only compared, and defined for any YYYY-MM-DD, even "2024-02-30". */
function dayNumber(date: string): number {
  return yearOf(date) * 372 + Number(date.slice(5, 7)) * 31 + Number(date.slice(8, 10));
}

/** Whether a listing dated `a` and one dated `b`, with the same title key, are one paper. */
export function isSamePaperDate(a: string, b: string): boolean {
  return Math.abs(yearOf(a) - yearOf(b)) <= SAME_PAPER_MAX_YEARS_APART;
}

/**
 * Of `candidates` (all with the listing's title key), the one the listing dated `date` is: within the year
 * window, the closest in days; on a tie the first. undefined when none is (the listing is a different paper).
 */
export function findSamePaper<T>(candidates: Iterable<T>, date: string, dateOf: (candidate: T) => string): T | undefined {
  const nearest = findNearest(candidates, date, dateOf);
  return nearest !== undefined && isSamePaperDate(dateOf(nearest), date) ? nearest : undefined;
}

/** Of `candidates`, the one whose date is closest to `date` (the first on a tie); undefined when there are none. */
export function findNearest<T>(candidates: Iterable<T>, date: string, dateOf: (candidate: T) => string): T | undefined {
  let best: T | undefined;
  let bestDays = Infinity;
  for (const candidate of candidates) {
    const days = Math.abs(dayNumber(dateOf(candidate)) - dayNumber(date));
    if (days < bestDays) {
      best = candidate;
      bestDays = days;
    }
  }
  return best;
}

/** What the preview and the import summary say when two listings became one paper. */
export function mergedNotice(title: string, keptDate: string, mergedDate: string): string {
  if (keptDate === mergedDate) return `"${title}" (${keptDate}) is listed twice; kept as one paper.`;
  const [first, second] = keptDate < mergedDate ? [keptDate, mergedDate] : [mergedDate, keptDate];
  return `"${title}" ${first} and ${second} are one paper: same title, dates within ${SAME_PAPER_MAX_YEARS_APART} year (kept ${keptDate}).`;
}

/** What they say when the same title is kept as two papers because the years are too far apart. */
export function keptApartNotice(title: string, dateA: string, dateB: string): string {
  const [first, second] = dateA < dateB ? [dateA, dateB] : [dateB, dateA];
  return (
    `"${title}" ${first} and ${second} have the same title but are more than ${SAME_PAPER_MAX_YEARS_APART} year ` +
    'apart: kept as two papers.'
  );
}

/**
 * The fields of `incoming` that are better than what `base` has: an abstract where there was none, a complete
 * or longer author list, organisations or a category where there were none. Title, date, id, key and addedAt
 * are never changed. Returns null when nothing improves.
 */
export function improvePaper<T extends ParsedPaper>(base: T, incoming: ParsedPaper): T | null {
  let next: T | null = null;
  const edit = (): T => (next ??= { ...base });
  if (base.abstract.trim() === '' && incoming.abstract.trim() !== '') edit().abstract = incoming.abstract;
  const completes = base.authorsTruncated && !incoming.authorsTruncated && incoming.authors.length >= base.authors.length;
  if (completes || incoming.authors.length > base.authors.length) {
    edit().authors = [...incoming.authors];
    edit().authorsTruncated = incoming.authorsTruncated;
  }
  if (base.orgs.length === 0 && incoming.orgs.length > 0) edit().orgs = [...incoming.orgs];
  if (base.category === null && incoming.category !== null) edit().category = incoming.category;
  return next;
}
