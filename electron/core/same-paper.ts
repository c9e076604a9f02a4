// When two listings are the same paper. One rule for every place that dedupes: the parser within one paste, and the
// store's planner within an import and against the library, whatever the sources: the same DOI; else the same arXiv
// id; else the same title key with years at most one apart; else a title cut short with "…" (Google Scholar) whose
// key starts the other's, years at most one apart.
import { normalizeKey, titleKey } from './text.js';

/**
 * Listings with the same title key are one paper when their years are at most this far apart: a preprint and its
 * proceedings version are usually a year apart, while a title reused years later ("Attention Is All You Need"
 * workshops, yearly reports with a fixed name) is a different paper. An unknown year matches any.
 */
export const SAME_PAPER_MAX_YEARS_APART = 1;

/** Why an incoming listing is a paper already seen, strongest first; the preview shows it. */
export const MATCH_REASONS = ['same DOI', 'same arXiv id', 'same title', 'same title, shortened'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** A cut title matches a longer one only when what is left of it is this long: "Deep learning …" matches nothing. */
export const MIN_CUT_KEY_WORDS = 4;
export const MIN_CUT_KEY_CHARS = 20;

/** What matching looks at. */
export interface PaperIdentity {
  /** titleKey of the title ("…" and punctuation are not part of it). */
  key: string;
  year: number | null;
  /** Bare lower-case DOI. */
  doi: string | null;
  /** Bare arXiv id; taken from an arXiv DOI (10.48550/arXiv.…) when the listing gives only that. */
  arxivId: string | null;
  /** The title was cut short with "…": its key may be the start of the full title's. */
  titleCut: boolean;
}

/** The fields of a listing or a stored paper that matching reads. */
export interface IdentityFields {
  title: string;
  year: number | null;
  doi: string | null;
  arxivId: string | null;
  titleCut?: boolean;
}

const CUT_TITLE = /(?:…|\s\.\.\.)$/u;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/;

/** Whether a title as printed was cut short ("…" at its end, as Google Scholar cuts long titles). */
export function isCutTitle(title: string): boolean {
  return CUT_TITLE.test(title.trimEnd());
}

export function identityOf(paper: IdentityFields, key: string = titleKey(paper.title)): PaperIdentity {
  return {
    key,
    year: paper.year,
    doi: paper.doi,
    arxivId: paper.arxivId ?? arxivIdOfDoi(paper.doi),
    titleCut: paper.titleCut === true || isCutTitle(paper.title),
  };
}

function arxivIdOfDoi(doi: string | null): string | null {
  return doi === null ? null : (ARXIV_DOI.exec(doi)?.[1] ?? null);
}

/**
 * A DOI that names the work itself: an arXiv DOI (10.48550) names the preprint, which a journal version with its own
 * DOI is still the same paper as, so only the arXiv id is compared for it.
 */
function workDoi(identity: PaperIdentity): string | null {
  return identity.doi !== null && !ARXIV_DOI.test(identity.doi) ? identity.doi : null;
}

export function yearsClose(a: number | null, b: number | null): boolean {
  return a === null || b === null || Math.abs(a - b) <= SAME_PAPER_MAX_YEARS_APART;
}

/** Whether `cut` (the key of a title cut with "…") is long enough to match, and starts `full`. */
function isShortenedFrom(cut: string, full: string): boolean {
  if (cut.length < MIN_CUT_KEY_CHARS || full.length <= cut.length || !full.startsWith(cut)) return false;
  return cut.split(' ', MIN_CUT_KEY_WORDS).length >= MIN_CUT_KEY_WORDS;
}

/**
 * Why `a` and `b` are one paper, or null when they are not. Identifiers decide first: two listings with different
 * DOIs (or different arXiv ids) are never one paper, whatever their titles.
 */
export function matchReason(a: PaperIdentity, b: PaperIdentity): MatchReason | null {
  if (a.doi !== null && a.doi === b.doi) return 'same DOI';
  const doiA = workDoi(a);
  const doiB = workDoi(b);
  if (doiA !== null && doiB !== null) return null; // both named works, and not the same one
  if (a.arxivId !== null && b.arxivId !== null) return a.arxivId === b.arxivId ? 'same arXiv id' : null;
  if (!yearsClose(a.year, b.year)) return null;
  if (a.key === b.key) return 'same title';
  if ((a.titleCut && isShortenedFrom(a.key, b.key)) || (b.titleCut && isShortenedFrom(b.key, a.key))) return 'same title, shortened';
  return null;
}

/**
 * The words a title key is looked up by for "shortened" matches: its first three (a cut key has at least four, so its
 * first three are whole words).
 */
export function keyPrefix(key: string): string {
  return key.split(' ', MIN_CUT_KEY_WORDS - 1).join(' ');
}

/** Roughly days since year 0 (31-day months), a partial date at the start of its period; null for "". */
function dayNumber(date: string): number | null {
  if (date.length < 4) return null;
  return Number(date.slice(0, 4)) * 372 + (Number(date.slice(5, 7)) || 1) * 31 + (Number(date.slice(8, 10)) || 1);
}

/**
 * How far apart two dates are, for choosing between candidates: none for dates that agree at the precision both give
 * ("2023" and "2023-07-06"); an unknown date is farther than any known one.
 */
function dateDistance(a: string, b: string): number {
  if (a !== '' && b !== '' && (a.startsWith(b) || b.startsWith(a))) return 0;
  const x = dayNumber(a);
  const y = dayNumber(b);
  return x === null || y === null ? Number.MAX_SAFE_INTEGER : Math.abs(x - y);
}

/** The family names of an author list, folded ("Tomás Ibarra", "T Ibarra" → "ibarra"): what two listings share. */
function familyNames(authors: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const author of authors) {
    const words = normalizeKey(author).split(' ');
    const family = words[words.length - 1];
    if (family) names.add(family);
  }
  return names;
}

function sharedAuthors(a: ReadonlySet<string>, authors: readonly string[]): number {
  let shared = 0;
  for (const family of familyNames(authors)) if (a.has(family)) shared++;
  return shared;
}

export interface Match<T> {
  candidate: T;
  reason: MatchReason;
}

/** What the chooser reads of a candidate. */
export interface SeenPaper {
  identity: PaperIdentity;
  /** ISO at any precision; "" when unknown. */
  date: string;
  authors: readonly string[];
}

/**
 * Of `candidates`, the paper `incoming` (dated `date`, "" when unknown, by `authors`) is: the strongest reason wins (a
 * shared DOI over a shared title); among equal reasons, the one sharing more authors' family names (two stored papers
 * with one title and year), then the closest date; on a tie the first. undefined when none is the same paper.
 */
export function findSamePaper<T>(
  incoming: PaperIdentity,
  date: string,
  authors: readonly string[],
  candidates: Iterable<T>,
  describe: (candidate: T) => SeenPaper,
): Match<T> | undefined {
  let best: Match<T> | undefined;
  let bestScore: number[] = [];
  let families: Set<string> | null = null;
  for (const candidate of candidates) {
    const seen = describe(candidate);
    const reason = matchReason(incoming, seen.identity);
    if (reason === null) continue;
    families ??= familyNames(authors);
    // Lexicographic, smaller is better: the reason, fewer shared authors last, the distance in days.
    const score = [MATCH_REASONS.indexOf(reason), -sharedAuthors(families, seen.authors), dateDistance(date, seen.date)];
    if (best === undefined || isBetter(score, bestScore)) {
      best = { candidate, reason };
      bestScore = score;
    }
  }
  return best;
}

function isBetter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}

/**
 * Of `candidates` with the same title key as a listing that matched none of them, the one closest in date: the
 * listing is kept apart from it because their years are too far apart (keptApartNotice says so).
 */
export function findKeptApart<T>(incoming: PaperIdentity, date: string, candidates: Iterable<T>, describe: (candidate: T) => SeenPaper): T | undefined {
  let nearest: T | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const seen = describe(candidate);
    if (seen.identity.key !== incoming.key || yearsClose(seen.identity.year, incoming.year)) continue;
    const distance = dateDistance(date, seen.date);
    if (distance < bestDistance) {
      nearest = candidate;
      bestDistance = distance;
    }
  }
  return nearest;
}

/** Whether two dates of one paper say different things ("2024" and "2024-07-31" do not; "2023-05-31" and "2024-01-10" do). */
export function datesDiffer(a: string, b: string): boolean {
  return a !== '' && b !== '' && !a.startsWith(b) && !b.startsWith(a);
}

/**
 * What the preview and the import summary say when two listings became one paper: listed twice (dates that agree), or
 * dated differently and why they are one paper all the same.
 */
export function mergedNotice(title: string, keptDate: string, mergedDate: string, reason: MatchReason = 'same title'): string {
  if (!datesDiffer(keptDate, mergedDate)) return `"${title}" (${keptDate || 'undated'}) is listed twice; kept as one paper.`;
  const [first, second] = keptDate < mergedDate ? [keptDate, mergedDate] : [mergedDate, keptDate];
  const why = reason.startsWith('same title') ? `${reason}, dates within ${SAME_PAPER_MAX_YEARS_APART} year` : reason;
  return `"${title}" ${first} and ${second} are one paper: ${why} (kept ${keptDate}).`;
}

/** What they say when the same title is kept as two papers because the years are too far apart. */
export function keptApartNotice(title: string, dateA: string, dateB: string): string {
  const [first, second] = dateA < dateB ? [dateA, dateB] : [dateB, dateA];
  return (
    `"${title}" ${first} and ${second} have the same title but are more than ${SAME_PAPER_MAX_YEARS_APART} year ` +
    'apart: kept as two papers.'
  );
}
