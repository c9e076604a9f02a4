// Which title keys are within a typo or two of each other, without comparing every pair: a pigeonhole index of
// pieces of the keys (as in PassJoin), hashed so that a lookup allocates nothing. Used by the duplicates finder.
import { titleKey } from './text.js';

/** Title keys shorter than this are never "similar": "deep learning" and "deep leaning" may be two papers. */
export const MIN_SIMILAR_KEY_CHARS = 16;

/** Keys longer than this (no real title) are left out of the typo search. */
const MAX_SIMILAR_KEY_CHARS = 4000;

/**
 * Edits (insert, delete or replace one UTF-16 unit) allowed between two title keys, by the shorter key's length:
 * one for a mid-length title, two from 40 characters.
 */
export function maxTitleEdits(keyLength: number): number {
  if (keyLength < MIN_SIMILAR_KEY_CHARS) return 0;
  return keyLength < 40 ? 1 : 2;
}

/**
 * A list of keys sharing one piece (same place, same title length, same numbers) is not read once longer than this:
 * a piece thousands of titles share would make the search quadratic. Up to it, a crowded piece costs at most
 * 200²/2 edit distances. Reported to the caller; real libraries rarely reach it.
 */
export const MAX_PIECE_LIST = 200;

let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/** Levenshtein distance of two strings (UTF-16 units), or max + 1 as soon as it must exceed `max`. */
export function levenshteinWithin(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (c === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return Math.min(prev[m] as number, max + 1);
}

/**
 * titleKey, with a fast path for plain ASCII titles (most of them): lower-cased letters and digits, every run of
 * anything else one space, trimmed — what normalizeKey gives for ASCII, without NFKD and Unicode regexes.
 */
export function fastTitleKey(title: string): string {
  if (!ASCII.test(title)) return titleKey(title);
  const key = title.toLowerCase().replace(NOT_ALPHANUMERIC, ' ').trim();
  return key === '' ? titleKey(title) : key;
}

const ASCII = /^[\x00-\x7f]*$/;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/**
 * How a key of `length` units is cut into pieces: one more piece than the edits it allows, so that a key within that
 * many edits of it holds at least one piece untouched, moved by at most that many places. The last `length % pieces`
 * pieces are one unit longer. Computed, not stored: the search asks for them ~75 times per key.
 */
function pieceCount(length: number): number {
  return maxTitleEdits(length) + 1;
}

function pieceStart(length: number, pieces: number, k: number): number {
  const longFrom = pieces - (length % pieces);
  return k * Math.floor(length / pieces) + Math.max(0, k - longFrom);
}

function pieceSize(length: number, pieces: number, k: number): number {
  return Math.floor(length / pieces) + (k >= pieces - (length % pieces) ? 1 : 0);
}

const BASE = 0x01000193;
let powers = new Int32Array([1]);

function powerOf(k: number): number {
  if (k >= powers.length) {
    const next = new Int32Array(Math.max(k + 1, powers.length * 2));
    next.set(powers);
    for (let i = powers.length; i < next.length; i++) next[i] = Math.imul(next[i - 1] as number, BASE);
    powers = next;
  }
  return powers[k] as number;
}

let prefix = new Int32Array(256);

/** Polynomial hashes (mod 2^32) of every prefix of `key` into the shared scratch: a substring's hash is two reads. */
function hashPrefixes(key: string): void {
  for (let i = 0; i < key.length; i++) prefix[i + 1] = (Math.imul(prefix[i] as number, BASE) + key.charCodeAt(i)) | 0;
}

/**
 * The index entry of a piece of the key in `prefix`: its hash mixed with the key's group, length and piece number,
 * kept to 30 bits so that Map keys stay small integers (no boxed doubles: at 100k keys those were most of the time,
 * in GC). Collisions only add candidates, which the edit distance rejects.
 */
function entryOf(from: number, size: number, group: number, length: number, piece: number): number {
  // powers holds every size here: similarKeyPairs grows it to the longest key first.
  const pieceHash = ((prefix[from + size] as number) - Math.imul(prefix[from] as number, powers[size] as number)) | 0;
  const mixed = Math.imul(pieceHash ^ Math.imul(group, 0x9e3779b1) ^ Math.imul(length * 4 + piece, 0x27d4eb2d), 0x85ebca6b);
  return (mixed ^ (mixed >>> 15)) >>> 2;
}

/**
 * Piece entry → bucket number, open addressing over typed arrays: the search makes ~12 lookups per key, and a Map of
 * numbers was most of its time at 100,000 keys. Entries are already well mixed (entryOf), so the low bits index. Sized
 * once for every entry the search will add (growing it, rehashing 300,000 entries, cost more than the lookups).
 */
class BucketTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  /**
   * One bit per entry hash, about 16 per entry (256 KB at 100,000 keys: it stays in cache, the table does not).
   * Almost every lookup misses, and the bit says so without touching the table.
   */
  private readonly seen: Int32Array;

  constructor(capacity: number) {
    let slots = 1 << 10;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Int32Array(slots);
    this.values = new Int32Array(slots);
    this.seen = new Int32Array(slots >>> 2);
  }

  get(entry: number): number {
    const bit = entry & ((this.seen.length << 5) - 1);
    if (((this.seen[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1;
    const mask = this.keys.length - 1;
    for (let slot = entry & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot] as number;
      if (k === 0) return -1;
      if (k === entry + 1) return this.values[slot] as number;
    }
  }

  /** The entry's bucket; when it has none yet, `next` becomes its bucket (at most `capacity` entries are added). */
  getOrAdd(entry: number, next: number): number {
    const bit = entry & ((this.seen.length << 5) - 1);
    this.seen[bit >>> 5] = (this.seen[bit >>> 5] as number) | (1 << (bit & 31));
    const mask = this.keys.length - 1;
    let slot = entry & mask;
    for (let k = this.keys[slot] as number; k !== 0; k = this.keys[slot] as number) {
      if (k === entry + 1) return this.values[slot] as number;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = entry + 1;
    this.values[slot] = next;
    return next;
  }
}

/**
 * Where an untouched piece can start in a longer-or-equal key, relative to where it starts in the indexed key: for
 * piece k of τ + 1, with the keys' length difference Δ ≥ 0, within [max(−k, Δ − (τ − k)), min(k, Δ + (τ − k))]
 * (PassJoin's multi-match-aware window: some piece is untouched with that shift). 5 substrings per length instead of
 * the naive 15 at τ = 2.
 */
function shiftWindow(k: number, edits: number, delta: number): [number, number] {
  return [Math.max(-k, delta - (edits - k)), Math.min(k, delta + (edits - k))];
}

/** The indexes of the keys the typo search looks at, shortest first, then by index (a counting sort by length). */
function byLength(keys: readonly string[]): Int32Array {
  const starts = new Int32Array(MAX_SIMILAR_KEY_CHARS + 2);
  for (const key of keys) if (key.length >= MIN_SIMILAR_KEY_CHARS && key.length <= MAX_SIMILAR_KEY_CHARS) starts[key.length + 1] = (starts[key.length + 1] as number) + 1;
  for (let l = 1; l < starts.length; l++) starts[l] = (starts[l] as number) + (starts[l - 1] as number);
  const order = new Int32Array(starts[starts.length - 1] as number);
  for (let i = 0; i < keys.length; i++) {
    const length = (keys[i] as string).length;
    if (length >= MIN_SIMILAR_KEY_CHARS && length <= MAX_SIMILAR_KEY_CHARS) {
      order[starts[length] as number] = i;
      starts[length] = (starts[length] as number) + 1;
    }
  }
  return order;
}

/**
 * Every pair of keys within maxTitleEdits of the shorter one, that are in the same `groups` (e.g. the numbers in the
 * titles), with their distance; each pair once. Keys are taken shortest first: each looks up, for every length
 * within the allowed edits below or at its own, the substrings of itself that an untouched piece of an indexed key
 * could be (shiftWindow), then is indexed by its own pieces (pieceCount). Exact — every pair within the allowed edits
 * is a candidate; hash collisions only add candidates, which the edit distance then rejects — unless a piece's list
 * is over MAX_PIECE_LIST: then it is skipped, and `onCrowded` told at the end.
 */
export function similarKeyPairs(
  keys: readonly string[],
  groups: ArrayLike<number>,
  visit: (i: number, j: number, distance: number) => void,
  onCrowded: (keysSharingPiece: number, piece: string) => void,
): void {
  const order = byLength(keys);
  const longest = order.length === 0 ? 0 : (keys[order[order.length - 1] as number] as string).length;
  powerOf(longest);
  if (prefix.length <= longest) prefix = new Int32Array(longest + 1);
  // Lists as linked items: bucket (one per distinct entry) → its last item → the item before… (no array per list).
  // Each key adds pieceCount ≤ 3 items, and at most as many buckets.
  const capacity = order.length * 3;
  const bucketOf = new BucketTable(capacity);
  const itemKey = new Int32Array(capacity);
  const itemNext = new Int32Array(capacity);
  const bucketLast = new Int32Array(capacity);
  const bucketSize = new Int32Array(capacity);
  const bucketFirstKey = new Int32Array(capacity);
  let buckets = 0;
  let items = 0;
  // seenBy[j] = i + 1 once key j was a candidate of key i.
  const seenBy = new Int32Array(keys.length);
  for (const i of order) {
    const key = keys[i] as string;
    const group = groups[i] as number;
    const n = key.length;
    hashPrefixes(key);
    for (let length = Math.max(MIN_SIMILAR_KEY_CHARS, n - 2); length <= n; length++) {
      const edits = maxTitleEdits(length);
      if (n - length > edits) continue;
      const pieces = pieceCount(length);
      for (let k = 0; k < pieces; k++) {
        const start = pieceStart(length, pieces, k);
        const size = pieceSize(length, pieces, k);
        const [low, high] = shiftWindow(k, edits, n - length);
        for (let shift = low; shift <= high; shift++) {
          const from = start + shift;
          if (from < 0 || from + size > n) continue;
          const bucket = bucketOf.get(entryOf(from, size, group, length, k));
          if (bucket === -1 || (bucketSize[bucket] as number) > MAX_PIECE_LIST) continue;
          for (let item = bucketLast[bucket] as number; item !== -1; item = itemNext[item] as number) {
            const j = itemKey[item] as number;
            if (seenBy[j] === i + 1) continue;
            seenBy[j] = i + 1;
            const distance = levenshteinWithin(keys[j] as string, key, edits);
            if (distance <= edits) visit(j, i, distance);
          }
        }
      }
    }
    const pieces = pieceCount(n);
    for (let k = 0; k < pieces; k++) {
      const bucket = bucketOf.getOrAdd(entryOf(pieceStart(n, pieces, k), pieceSize(n, pieces, k), group, n, k), buckets);
      if (bucket === buckets) {
        buckets++;
        bucketLast[bucket] = -1;
        bucketFirstKey[bucket] = i;
      }
      itemKey[items] = i;
      itemNext[items] = bucketLast[bucket] as number;
      bucketLast[bucket] = items++;
      bucketSize[bucket] = (bucketSize[bucket] as number) + 1;
    }
  }
  bucketSize.subarray(0, buckets).forEach((size, bucket) => {
    if (size <= MAX_PIECE_LIST) return;
    // Which piece it was: the words at the piece's place in the first key of the list.
    const key = keys[bucketFirstKey[bucket] as number] as string;
    const pieces = pieceCount(key.length);
    const k = [...Array(pieces).keys()].find((p) => bucketOf.get(entryOfKey(key, p, groups[bucketFirstKey[bucket] as number] as number)) === bucket) ?? 0;
    onCrowded(size, key.slice(pieceStart(key.length, pieces, k), pieceStart(key.length, pieces, k) + pieceSize(key.length, pieces, k)));
  });
}

function entryOfKey(key: string, k: number, group: number): number {
  // Called after the search, whose scratch covers every key.
  hashPrefixes(key);
  const pieces = pieceCount(key.length);
  return entryOf(pieceStart(key.length, pieces, k), pieceSize(key.length, pieces, k), group, key.length, k);
}
