// Possible duplicates: pairs of papers that an import kept apart but that look like one paper. Pure (no store, no
// engine): the caller passes the papers it shows (merged and trashed ones left out) and the pairs the user said are
// not duplicates. Never compares every pair: papers are bucketed by DOI, by title key, and for near-identical titles
// by exact pieces of the key (see similarTitlePairs), so the work follows the candidates, not n².
import { DUPLICATE_REASONS } from './api.js';
import type { DuplicateReason } from './api.js';
import { normalizeDoi } from './parse/sources/fields.js';
import { SAME_PAPER_MAX_YEARS_APART } from './same-paper.js';
import { titleKey } from './text.js';

export interface DuplicateCandidate {
  id: string;
  title: string;
  /** ISO at the precision known ("2024-07-31", "2024"); "" when unknown. */
  date: string;
  doi: string | null;
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

/** Title keys shorter than this are never "similar": "deep learning" and "deep leaning" may be two papers. */
export const MIN_SIMILAR_KEY_CHARS = 16;

/** Edits (insert, delete, replace one character) allowed between two title keys, by the shorter key's length. */
export function maxTitleEdits(keyLength: number): number {
  if (keyLength < MIN_SIMILAR_KEY_CHARS) return 0;
  return keyLength < 40 ? 1 : 2;
}

interface Paper {
  id: string;
  key: string;
  /** The key's characters (code points), what edit distances count. */
  chars: string[];
  year: number | null;
  doi: string | null;
  /** The numbers in the title, in order: titles that differ in them ("Part 1", "Part 2") are different papers. */
  numbers: string;
}

const ARXIV_DOI = /^10\.48550\//;

function prepare(candidate: DuplicateCandidate): Paper {
  const key = titleKey(candidate.title);
  const year = /^\d{4}/.test(candidate.date) ? Number(candidate.date.slice(0, 4)) : null;
  return { id: candidate.id, key, chars: [...key], year, doi: bareDoi(candidate.doi), numbers: (key.match(/\d+/g) ?? []).join(' ') };
}

/** The DOI as compared: the stored one is already bare; anything else (a URL, upper case) is made so. */
function bareDoi(doi: string | null): string | null {
  if (doi === null || doi.trim() === '') return null;
  return normalizeDoi(doi) ?? doi.trim().toLowerCase();
}

/** Both name a different published work (an arXiv DOI names only the preprint, as in same-paper.ts). */
function differentWorks(a: Paper, b: Paper): boolean {
  return a.doi !== null && b.doi !== null && a.doi !== b.doi && !ARXIV_DOI.test(a.doi) && !ARXIV_DOI.test(b.doi);
}

/** Levenshtein distance of two code point arrays, or max + 1 as soon as it must exceed `max`. */
export function levenshteinWithin(a: readonly string[], b: readonly string[], max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** A bucket's members in a fixed order, the first MAX_BUCKET of them when it is larger (and a note saying so). */
function capped(members: Paper[], what: string, notes: string[]): Paper[] {
  const sorted = [...members].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (sorted.length <= MAX_BUCKET) return sorted;
  notes.push(`${plural(sorted.length, 'paper')} share ${what}: only ${MAX_BUCKET} of them were compared.`);
  return sorted.slice(0, MAX_BUCKET);
}

function groupBy(papers: readonly Paper[], keyOf: (p: Paper) => string | null): Map<string, Paper[]> {
  const groups = new Map<string, Paper[]>();
  for (const p of papers) {
    const key = keyOf(p);
    if (key === null || key === '') continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [p]);
    else group.push(p);
  }
  return groups;
}

/**
 * Where the key of a title of `length` code points is cut into pieces: one more piece than the edits it allows, so
 * that a key within that many edits of it holds at least one piece untouched, moved by at most that many places.
 */
function pieceStarts(length: number): number[] {
  const pieces = maxTitleEdits(length) + 1;
  const base = Math.floor(length / pieces);
  const starts: number[] = [];
  for (let i = 0, at = 0; i < pieces; i++) {
    starts.push(at);
    at += base + (i >= pieces - (length % pieces) ? 1 : 0);
  }
  starts.push(length);
  return starts;
}

/** A distinct title key, with the papers that have it (at most MAX_BUCKET of them). */
interface KeyGroup {
  key: string;
  chars: string[];
  numbers: string;
  members: Paper[];
}

/**
 * Lists of keys sharing one piece longer than this are not read: a piece that thousands of titles share ("proceedings
 * of the") would make the search quadratic. Said in `capped` when it happens; real libraries stay far below it.
 */
export const MAX_PIECE_LIST = 1000;

/**
 * Pairs of distinct title keys within the allowed edits, by the pigeonhole principle (as in PassJoin): every key of
 * at least MIN_SIMILAR_KEY_CHARS is cut into one more piece than the edits it allows (pieceStarts), and indexed by
 * (numbers in it, length, piece number, piece text); a key within that many edits of another holds one of its
 * pieces untouched, moved by at most that many places. So each key looks up, for every length within two of its
 * own, the substrings of itself at those places. Exact (every pair within the allowed edits is a candidate) unless
 * a list is over MAX_PIECE_LIST; the edit distance is computed for the candidates only. Keys, not papers: a title
 * shared by many papers is compared once.
 */
function similarKeys(groups: readonly KeyGroup[], notes: string[], visit: (a: KeyGroup, b: KeyGroup, distance: number) => void): void {
  const index = new Map<string, number[]>();
  const eligible = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.chars.length >= MIN_SIMILAR_KEY_CHARS);
  const lookupKey = (g: KeyGroup, length: number, piece: number, from: number, size: number): string => `${g.numbers}|${length}|${piece}|${g.chars.slice(from, from + size).join('')}`;
  for (const { g, i } of eligible) {
    const starts = pieceStarts(g.chars.length);
    for (let k = 0; k + 1 < starts.length; k++) {
      const key = lookupKey(g, g.chars.length, k, starts[k] as number, (starts[k + 1] as number) - (starts[k] as number));
      const list = index.get(key);
      if (list === undefined) index.set(key, [i]);
      else list.push(i);
    }
  }
  for (const [key, list] of index) {
    if (list.length > MAX_PIECE_LIST) notes.push(`${plural(list.length, 'title')} share the piece "${key.slice(key.lastIndexOf('|') + 1)}": they were not compared for typos through it.`);
  }
  const seen = new Set<number>();
  for (const { g, i } of eligible) {
    seen.clear();
    const n = g.chars.length;
    for (let length = Math.max(MIN_SIMILAR_KEY_CHARS, n - 2); length <= n + 2; length++) {
      const edits = maxTitleEdits(Math.min(length, n));
      if (Math.abs(length - n) > edits) continue;
      const starts = pieceStarts(length);
      for (let k = 0; k + 1 < starts.length; k++) {
        const start = starts[k] as number;
        const size = (starts[k + 1] as number) - start;
        for (let shift = -edits; shift <= edits; shift++) {
          const from = start + shift;
          if (from < 0 || from + size > n) continue;
          const list = index.get(lookupKey(g, length, k, from, size));
          if (list === undefined || list.length > MAX_PIECE_LIST) continue;
          for (const j of list) {
            // Each pair once: from its later key.
            if (j >= i || seen.has(j)) continue;
            seen.add(j);
            const other = groups[j] as KeyGroup;
            const distance = levenshteinWithin(other.chars, g.chars, edits);
            if (distance <= edits) visit(other, g, distance);
          }
        }
      }
    }
  }
}

const REASON_RANK = new Map(DUPLICATE_REASONS.map((reason, rank) => [reason, rank]));
/** When a pair qualifies twice, the surer reason names it. */
const STRENGTH: Record<DuplicateReason, number> = { 'same-doi': 3, 'same-title-other-date': 2, 'similar-title': 1 };

export function findDuplicatePairs(candidates: Iterable<DuplicateCandidate>, options: DuplicateOptions): DuplicateResult {
  const papers = Array.from(candidates, prepare);
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

  for (const [doi, group] of groupBy(papers, (p) => p.doi)) {
    const members = capped(group, `the DOI ${doi}`, notes);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) propose(members[i] as Paper, members[j] as Paper, 'same-doi', `Same DOI ${doi}`);
    }
  }

  const keyGroups: KeyGroup[] = [];
  for (const [key, group] of groupBy(papers, (p) => p.key)) {
    const members = capped(group, `the title "${key}"`, notes);
    const first = members[0] as Paper;
    keyGroups.push({ key, chars: first.chars, numbers: first.numbers, members });
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

  similarKeys(keyGroups, notes, (g, h, distance) => {
    for (const x of g.members) {
      for (const y of h.members) if (!differentWorks(x, y)) propose(x, y, 'similar-title', `Titles differ by ${plural(distance, 'character')}`);
    }
  });

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
