// The dictionary: the vocabulary sorted by code unit, for prefix ranges (binary search, then a contiguous run) and
// typo matches (edit distance over the sorted list, DP rows shared along common prefixes, pruning every term under
// a prefix already too far: a trie walk without a trie). Terms new since the last sort are scanned linearly until
// there are enough of them to sort again.
import { editDistanceWithin } from '../plan.js';
import { readInt32, readUint8 } from './typed-arrays.js';
import type { Vocabulary } from './vocabulary.js';

/** Unsorted terms a query may scan linearly before the dictionary is sorted again. */
const MAX_UNSORTED = 2000;
/** Terms sorted per step with the native comparator-less sort, before the pairwise merges. */
const SORT_RUN = 4096;

export interface DictionaryArrays {
  /** Term ids in sorted order (of the terms that existed at the last sort). */
  sortedIds: Int32Array;
  /** lcp[i] = length of the common prefix of sorted terms i-1 and i (capped at 255). */
  sortedLcp: Uint8Array;
}

export class Dictionary {
  private sortedTerms: string[] = [];
  private sortedIds: Int32Array = new Int32Array(0);
  private sortedLcp: Uint8Array = new Uint8Array(0);
  /** Term lengths by sorted position, made on the first prefix query after a sort. */
  private lengths: Int32Array | null = null;

  constructor(private readonly vocabulary: Vocabulary) {}

  static restore(vocabulary: Vocabulary, arrays: DictionaryArrays): Dictionary {
    const dictionary = new Dictionary(vocabulary);
    dictionary.sortedIds = arrays.sortedIds;
    dictionary.sortedLcp = arrays.sortedLcp;
    dictionary.sortedTerms = Array.from(arrays.sortedIds, (id) => vocabulary.term(id));
    return dictionary;
  }

  arrays(): DictionaryArrays {
    return { sortedIds: this.sortedIds, sortedLcp: this.sortedLcp };
  }

  /** Terms the last sort covered: ids from here to the vocabulary's size are unsorted. */
  get sortedCount(): number {
    return this.sortedIds.length;
  }

  /** Sorts again once too many terms are unsorted (edits keep adding words). */
  maybeResort(): void {
    if (this.vocabulary.size - this.sortedCount > MAX_UNSORTED) this.sortNow();
  }

  sortNow(): void {
    const steps = this.sortSteps();
    while (steps.next().done !== true);
  }

  /**
   * Sorts the vocabulary by code units in resumable steps: runs of SORT_RUN terms with the native sort (several
   * times faster than a JS comparator), then pairwise merges. A 300k-term vocabulary sorted in one go held the
   * event loop for ~0.4 s. Terms created meanwhile stay unsorted.
   */
  *sortSteps(): Generator<void> {
    const terms = this.vocabulary.allTerms();
    const n = terms.length;
    let runs: string[][] = [];
    for (let i = 0; i < n; i += SORT_RUN) {
      // Up to n: terms created while this runs stay unsorted.
      runs.push(terms.slice(i, Math.min(i + SORT_RUN, n)).sort());
      yield;
    }
    while (runs.length > 1) {
      const merged: string[][] = [];
      for (let r = 0; r < runs.length; r += 2) {
        const a = runs[r] ?? [];
        const b = runs[r + 1];
        if (b === undefined) merged.push(a);
        else merged.push(yield* mergeSteps(a, b));
        yield;
      }
      runs = merged;
    }
    const sorted = runs[0] ?? [];
    const ids = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      ids[i] = this.vocabulary.lookup(sorted[i] ?? '');
      if ((i & 8191) === 8191) yield;
    }
    const lcp = new Uint8Array(sorted.length);
    for (let i = 1; i < sorted.length; i++) {
      lcp[i] = commonPrefixLength(sorted[i - 1] ?? '', sorted[i] ?? '', 255);
      if ((i & 16383) === 0) yield;
    }
    this.sortedIds = ids;
    this.sortedTerms = sorted;
    this.sortedLcp = lcp;
    this.lengths = null;
  }

  /** Every term that starts with `prefix` (the prefix itself too when it is a term). */
  forPrefix(prefix: string, visit: (id: number, word: string) => void): void {
    this.maybeResort();
    const sorted = this.sortedTerms;
    for (let i = this.lowerBound(prefix); i < sorted.length; i++) {
      const word = sorted[i] ?? '';
      if (!word.startsWith(prefix)) break;
      visit(readInt32(this.sortedIds, i), word);
    }
    this.forUnsorted((id, word) => {
      if (word.startsWith(prefix)) visit(id, word);
    });
  }

  /** Sorted positions [from, to) of the terms starting with `prefix`; see idAt and lengthAt. */
  prefixRange(prefix: string): { from: number; to: number } {
    const from = this.lowerBound(prefix);
    return { from, to: this.prefixEnd(prefix, from) };
  }

  idAt(position: number): number {
    return readInt32(this.sortedIds, position);
  }

  /** Length of the term at a sorted position (read without touching 100k strings per prefix query). */
  lengthAt(position: number): number {
    this.lengths ??= Int32Array.from(this.sortedTerms, (term) => term.length);
    return readInt32(this.lengths, position);
  }

  /** The terms created since the last sort, by id. */
  forUnsorted(visit: (id: number, word: string) => void): void {
    for (let id = this.sortedCount; id < this.vocabulary.size; id++) visit(id, this.vocabulary.term(id));
  }

  /**
   * Every term within edit distance `max` of `query` (Levenshtein plus adjacent swaps, as editDistanceWithin).
   * DP rows are shared along common prefixes of consecutive sorted terms and computed only in the diagonal band
   * |d - j| ≤ max (cells outside it exceed max anyway); once a row's minimum exceeds max, every term under that
   * prefix is skipped.
   */
  forFuzzy(query: string, max: number, visit: (id: number, distance: number) => void): void {
    this.maybeResort();
    const m = query.length;
    const width = m + 2;
    const INF = max + 1;
    const qc = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) qc[j + 1] = query.charCodeAt(j);
    // rows[d * width + j]: distance between the first d chars of the term and the first j of the query.
    let rows = new Int32Array(width * 64).fill(INF);
    for (let j = 0; j <= m; j++) rows[j] = Math.min(j, INF);
    const sorted = this.sortedTerms;
    const lcp = this.sortedLcp;
    const n = sorted.length;
    let valid = 0; // rows 0..valid are correct for the previous term visited
    let i = 0;
    while (i < n) {
      const term = sorted[i] ?? '';
      const len = term.length;
      // Common prefix with the previous term visited: lcp[i] (after a skip, the skipped terms all shared more
      // than the pruned prefix, so the first one that does not gives the right value too).
      let d = Math.min(readUint8(lcp, i), valid, len);
      if ((len + 1) * width > rows.length) {
        const grown = new Int32Array((len + 1) * width * 2).fill(INF);
        grown.set(rows);
        rows = grown;
      }
      let pruned = -1;
      for (; d < len; d++) {
        const c = term.charCodeAt(d);
        const base = d * width;
        const next = base + width;
        const row = d + 1;
        const lo = Math.max(1, row - max);
        const hi = Math.min(m, row + max);
        rows[next] = Math.min(row, INF);
        rows[next + lo - 1] = lo === 1 ? Math.min(row, INF) : INF;
        let rowMin = row;
        const before = d > 0 ? term.charCodeAt(d - 1) : -1;
        for (let j = lo; j <= hi; j++) {
          const cost = qc[j] === c ? 0 : 1;
          let v = readInt32(rows, base + j - 1) + cost;
          const up = readInt32(rows, base + j) + 1;
          if (up < v) v = up;
          const left = readInt32(rows, next + j - 1) + 1;
          if (left < v) v = left;
          // Two adjacent letters swapped count as one edit (as editDistanceWithin in plan.ts): from two rows
          // back, which shares this term's prefix, so it is valid whenever this row is.
          if (j > 1 && c === qc[j - 1] && before === qc[j]) {
            const swap = readInt32(rows, base - width + j - 2) + 1;
            if (swap < v) v = swap;
          }
          if (v > INF) v = INF;
          rows[next + j] = v;
          if (v < rowMin) rowMin = v;
        }
        if (hi + 1 <= m) rows[next + hi + 1] = INF;
        if (rowMin > max) {
          pruned = row;
          break;
        }
      }
      if (pruned >= 0) {
        // Every term under this prefix is at least as far: skip them all (a byte compare each).
        valid = pruned;
        i++;
        while (i < n && readUint8(lcp, i) >= pruned) i++;
        continue;
      }
      valid = len;
      if (Math.abs(len - m) <= max) {
        const distance = readInt32(rows, len * width + m);
        if (distance <= max) visit(readInt32(this.sortedIds, i), distance);
      }
      i++;
    }
    this.forUnsorted((id, word) => {
      const distance = editDistanceWithin(query, word, max);
      if (distance <= max) visit(id, distance);
    });
  }

  /** First sorted position whose term is not below `key`. */
  private lowerBound(key: string): number {
    const sorted = this.sortedTerms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First sorted position at or after `from` whose term does not start with `prefix` (the range is contiguous). */
  private prefixEnd(prefix: string, from: number): number {
    const sorted = this.sortedTerms;
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? '').startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Merges two sorted runs, yielding every 16k terms. */
function* mergeSteps(a: readonly string[], b: readonly string[]): Generator<void, string[]> {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? '';
    const y = b[j] ?? '';
    if (x <= y) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
    if ((k & 16383) === 0) yield;
  }
  while (i < a.length) out[k++] = a[i++] ?? '';
  while (j < b.length) out[k++] = b[j++] ?? '';
  return out;
}

function commonPrefixLength(a: string, b: string, cap: number): number {
  const limit = Math.min(a.length, b.length, cap);
  let k = 0;
  while (k < limit && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}
