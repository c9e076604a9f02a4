// Top-k: the best k matches of a search, best first, ties by lower document number. Selection keeps a bounded
// min-heap of packed keys, so 50k hits cost one pass, not a sort.
import type { TextMatches } from './scorer.js';
import { readFloat64, readInt32 } from './typed-arrays.js';

export interface Ranked {
  nums: number[];
  scores: number[];
}

/** Document numbers stay below this to be packed beside a quantised score in one float64 (32 + 20 bits). */
const NUM_SCALE = 2 ** 20;

/** The best `k` of `matches` (all when k ≥ matches), from the scores and document numbers by slot. */
export function topK(matches: TextMatches, k: number, scoreBySlot: Float64Array, slotNum: Int32Array): Ranked {
  const slots = matches.slots;
  let max = matches.maxScore ?? 0;
  let maxNum = matches.maxNum ?? 0;
  if (matches.maxScore === undefined || matches.maxNum === undefined) {
    for (const slot of slots) {
      max = Math.max(max, readFloat64(scoreBySlot, slot));
      maxNum = Math.max(maxNum, readInt32(slotNum, slot));
    }
  }
  if (maxNum >= NUM_SCALE || max <= 0) return bySorting(slots, k, scoreBySlot, slotNum);
  // Pack (quantised score, inverted document number) into one float64 so that a larger key is a better hit and
  // equal scores prefer the lower number.
  const q = (2 ** 32 - 1) / max;
  const keyOf = (slot: number): number => Math.floor(readFloat64(scoreBySlot, slot) * q) * NUM_SCALE + (NUM_SCALE - 1 - readInt32(slotNum, slot));
  const keys = k >= slots.length / 4 ? largestBySort(slots, k, keyOf) : largestByHeap(slots, k, keyOf);
  const ranked: Ranked = { nums: [], scores: [] };
  for (const key of keys) {
    ranked.nums.push(NUM_SCALE - 1 - (key % NUM_SCALE));
    ranked.scores.push(Math.floor(key / NUM_SCALE) / q);
  }
  return ranked;
}

/** The plain way, for numbers too large to pack or no positive score. */
function bySorting(slots: Int32Array, k: number, scoreBySlot: Float64Array, slotNum: Int32Array): Ranked {
  const order = Array.from(slots, (slot) => ({ num: readInt32(slotNum, slot), score: readFloat64(scoreBySlot, slot) }));
  order.sort((a, b) => b.score - a.score || a.num - b.num);
  const head = order.slice(0, k);
  return { nums: head.map((o) => o.num), scores: head.map((o) => o.score) };
}

/** The k largest keys, largest first, by sorting them all (when k is a good part of them). */
function largestBySort(slots: Int32Array, k: number, keyOf: (slot: number) => number): Float64Array {
  const n = slots.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = keyOf(readInt32(slots, i));
  keys.sort();
  return keys.slice(Math.max(0, n - k)).reverse();
}

/** The k largest keys, largest first, through a min-heap of k. */
function largestByHeap(slots: Int32Array, k: number, keyOf: (slot: number) => number): Float64Array {
  const heap = new Float64Array(k);
  let size = 0;
  for (const slot of slots) {
    const key = keyOf(slot);
    if (size < k) {
      let c = size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        const above = readFloat64(heap, parent);
        if (above <= key) break;
        heap[c] = above;
        c = parent;
      }
      heap[c] = key;
    } else if (key > readFloat64(heap, 0)) {
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= k) break;
        const r = l + 1;
        const m = r < k && readFloat64(heap, r) < readFloat64(heap, l) ? r : l;
        const below = readFloat64(heap, m);
        if (below >= key) break;
        heap[c] = below;
        c = m;
      }
      heap[c] = key;
    }
  }
  return heap.slice(0, size).sort().reverse();
}
