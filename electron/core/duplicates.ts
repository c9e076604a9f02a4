// Possible duplicates: pairs of papers that an import kept apart but that look like one paper. Pure (no store, no
// engine): the caller passes the papers it shows (merged and trashed ones left out) and the pairs the user said are
// not duplicates. Never compares every pair: papers are bucketed by DOI, by title key, and for near-identical titles
// by exact pieces of the key (similar-keys.ts), so the work follows the candidates, not n². Measured at 100,000
// papers in `npm run bench` (search tools section).
import { DUPLICATE_REASONS } from './api.js';
import type { DuplicateReason } from './api.js';
import { normalizeDoi } from './parse/sources/fields.js';
import { SAME_PAPER_MAX_YEARS_APART } from './same-paper.js';
import { fastTitleKey, similarKeyPairs } from './similar-keys.js';

export interface DuplicateCandidate {
  id: string;
  title: string;
  /** ISO at the precision known ("2024-07-31", "2024"); "" when unknown. */
  date: string;
  doi: string | null;
  /** titleKey(title), when the caller has it: a stored paper's `key` (so a record can be passed as it is). */
  key?: string;
}

export interface DuplicateOptions {
  /** Pairs never proposed ("Not a duplicate"); called with the two ids in either order. */
  isExcluded(a: string, b: string): boolean;
  /** How many pairs to return (all by default); `total` counts them all. */
  limit?: number;
}

export interface FoundPair {
  a: string;
  b: string;
  reason: DuplicateReason;
  /** The reason in words: "Titles differ by 2 characters", "Same DOI 10.1145/…", "Same title, 2019 and 2023". */
  detail: string;
}

export interface DuplicateResult {
  total: number;
  pairs: FoundPair[];
  /** Buckets too large to compare in full ("3,000 papers share the DOI …"), in words. */
  capped: string[];
}

/**
 * Papers sharing a DOI or a title key beyond this are compared only among the first this many (by id): thousands of
 * papers with one DOI are a data problem (a proceedings DOI given to every paper in it), not thousands of duplicates.
 */
export const MAX_BUCKET = 50;

interface Paper {
  id: string;
  key: string;
  year: number | null;
  doi: string | null;
}

const ARXIV_DOI = /^10\.48550\//;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function prepare(candidate: DuplicateCandidate): Paper {
  const { date } = candidate;
  const year = date.length >= 4 && isDigit(date.charCodeAt(0)) && isDigit(date.charCodeAt(1)) && isDigit(date.charCodeAt(2)) && isDigit(date.charCodeAt(3)) ? Number(date.slice(0, 4)) : null;
  return { id: candidate.id, key: candidate.key ?? fastTitleKey(candidate.title), year, doi: bareDoi(candidate.doi) };
}

/** The numbers in a title key, in order: titles that differ in them ("Part 1", "Part 2") are different papers. */
function numbersIn(key: string): string {
  let numbers = '';
  for (let i = 0; i < key.length; i++) {
    if (!isDigit(key.charCodeAt(i))) continue;
    const start = i;
    while (i + 1 < key.length && isDigit(key.charCodeAt(i + 1))) i++;
    numbers += (numbers === '' ? '' : ' ') + key.slice(start, i + 1);
  }
  return numbers;
}

/** A small hash of a string, to keep keys with other numbers apart in the typo index. */
function hashOf(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** The DOI as compared: the stored one is already bare; anything else (a URL, upper case) is made so. */
function bareDoi(doi: string | null): string | null {
  if (doi === null || doi.trim() === '') return null;
  if (doi.startsWith('10.') && doi === doi.toLowerCase() && doi.trim() === doi) return doi;
  return normalizeDoi(doi) ?? doi.trim().toLowerCase();
}

/** Both name a different published work (an arXiv DOI names only the preprint, as in same-paper.ts). */
function differentWorks(a: Paper, b: Paper): boolean {
  return a.doi !== null && b.doi !== null && a.doi !== b.doi && !ARXIV_DOI.test(a.doi) && !ARXIV_DOI.test(b.doi);
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** A bucket's members in a fixed order, the first MAX_BUCKET of them when it is larger (and a note saying so). */
function capped(members: Paper[], what: string, notes: string[]): Paper[] {
  const sorted = [...members].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (sorted.length <= MAX_BUCKET) return sorted;
  notes.push(`${plural(sorted.length, 'paper')} share ${what}: only ${MAX_BUCKET} of them were compared.`);
  return sorted.slice(0, MAX_BUCKET);
}

/** Adds a paper to its group; a paper alone under its key is kept as itself (100,000 one-element arrays cost more than the rest). */
function addTo(groups: Map<string, Paper | Paper[]>, key: string | null, p: Paper): void {
  if (key === null || key === '') return;
  const group = groups.get(key);
  if (group === undefined) groups.set(key, p);
  else if (Array.isArray(group)) group.push(p);
  else groups.set(key, [group, p]);
}

const REASON_RANK = new Map(DUPLICATE_REASONS.map((reason, rank) => [reason, rank]));
/** When a pair qualifies twice, the surer reason names it. */
const STRENGTH: Record<DuplicateReason, number> = { 'same-doi': 3, 'same-title-other-date': 2, 'similar-title': 1 };

export function findDuplicatePairs(candidates: Iterable<DuplicateCandidate>, options: DuplicateOptions): DuplicateResult {
  // Papers by DOI and by title key, in one pass.
  const byDoi = new Map<string, Paper | Paper[]>();
  const byKey = new Map<string, Paper | Paper[]>();
  for (const candidate of candidates) {
    const p = prepare(candidate);
    addTo(byDoi, p.doi, p);
    addTo(byKey, p.key, p);
  }
  const notes: string[] = [];
  const found = new Map<string, FoundPair & { first: Paper }>();
  const propose = (x: Paper, y: Paper, reason: DuplicateReason, detail: string): void => {
    if (x.id === y.id) return;
    const [first, second] = x.key < y.key || (x.key === y.key && x.id < y.id) ? [x, y] : [y, x];
    const pairKey = `${first.id}\n${second.id}`;
    const known = found.get(pairKey);
    if (known !== undefined && STRENGTH[known.reason] >= STRENGTH[reason]) return;
    if (options.isExcluded(first.id, second.id)) return;
    found.set(pairKey, { a: first.id, b: second.id, reason, detail, first });
  };

  for (const [doi, group] of byDoi) {
    if (!Array.isArray(group)) continue;
    const members = capped(group, `the DOI ${doi}`, notes);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) propose(members[i] as Paper, members[j] as Paper, 'same-doi', `Same DOI ${doi}`);
    }
  }

  const keys: string[] = [];
  const membersOf: Array<Paper | Paper[]> = [];
  for (const [key, group] of byKey) {
    keys.push(key);
    if (!Array.isArray(group)) {
      membersOf.push(group);
      continue;
    }
    const members = capped(group, `the title "${key}"`, notes);
    membersOf.push(members);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = members[i] as Paper;
        const y = members[j] as Paper;
        if (differentWorks(x, y)) continue;
        if (x.year !== null && y.year !== null && Math.abs(x.year - y.year) > SAME_PAPER_MAX_YEARS_APART) {
          const [early, late] = x.year < y.year ? [x.year, y.year] : [y.year, x.year];
          propose(x, y, 'same-title-other-date', `Same title, ${early} and ${late}`);
        } else {
          // An import would have merged these; they are apart because of an edit or an older import.
          propose(x, y, 'similar-title', 'Same title');
        }
      }
    }
  }

  // Near-identical titles, compared once per distinct key; keys with other numbers in them are never candidates.
  const numbers = keys.map(numbersIn);
  similarKeyPairs(
    keys,
    Int32Array.from(numbers, hashOf),
    (i, j, distance) => {
      if (numbers[i] !== numbers[j]) return;
      const list = (g: Paper | Paper[]): Paper[] => (Array.isArray(g) ? g : [g]);
      for (const x of list(membersOf[i] as Paper | Paper[])) {
        for (const y of list(membersOf[j] as Paper | Paper[])) if (!differentWorks(x, y)) propose(x, y, 'similar-title', `Titles differ by ${plural(distance, 'character')}`);
      }
    },
    (count, piece) => notes.push(`${plural(count, 'title')} share the words "${piece.trim()}": they were not compared for typos through them.`),
  );

  const pairs = [...found.values()].sort(
    (x, y) =>
      (REASON_RANK.get(x.reason) as number) - (REASON_RANK.get(y.reason) as number) ||
      (x.first.key < y.first.key ? -1 : x.first.key > y.first.key ? 1 : 0) ||
      (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) ||
      (x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  const limit = options.limit ?? pairs.length;
  return { total: pairs.length, pairs: pairs.slice(0, limit).map(({ a, b, reason, detail }) => ({ a, b, reason, detail })), capped: notes };
}
