// Scoring: the documents where every rule of a query matches, each scored by the sum over rules of the best
// (term weight × field score) among the rule's terms. Rules run cheapest first; each later round keeps only the
// slots the previous rounds kept, so an unmatched rule ends the query and long lists cost only their survivors.
import type { Plan } from './expand.js';
import { ALL_FIELDS, FIELD_SCORE } from './field-scores.js';
import type { Block, Postings } from './postings.js';
import { readFloat64, readInt32, readUint16 } from './typed-arrays.js';

/** Result of a text search: matched slots with their scores in the index's scratch arrays. */
export interface TextMatches {
  /** Matched slots (unordered), a view of the index's scratch: slots and scores are valid until the next search. */
  slots: Int32Array;
  /** Largest score and document number among the matches (0 when none), for ranked(). */
  maxScore?: number;
  maxNum?: number;
}

/** Thresholds of the two shortcuts (tests lower them, or set them to Infinity for the plain scan). */
export interface Shortcuts {
  /** A field-limited rule reads a field-filtered copy of the block once it has this many postings. */
  fieldBlockMinCost: number;
  /** A later round gallops through a posting list longer than this many times the surviving candidates. */
  gallopRatio: number;
}

/** What one search reads besides its plans: postings, who each slot is, and the filters' mask. */
export interface SearchInput {
  postings: Postings;
  /** slot → document number, -1 for a dead slot. */
  slotNum: Int32Array;
  /** By document number: 1 = may match; null = every document. */
  allowed: Uint8Array | null;
  shortcuts: Shortcuts;
}

/** Per-query scratch indexed by slot, reused from query to query; a slot's `mark` is the last round it matched in. */
export class Scorer {
  private mark: Int32Array = new Int32Array(0);
  /** A later round's best per slot. */
  private best: Float64Array = new Float64Array(0);
  /** Sum over the rounds so far; the final score after the last. */
  private total: Float64Array = new Float64Array(0);
  /** The slots the current round kept, [0, count). */
  private matches: Int32Array = new Int32Array(0);
  private count = 0;
  private round = 0;
  /** Sorted candidates of a galloping round. */
  private candidates: Int32Array = new Int32Array(0);

  // The round being scored (see scoreRange).
  private first = true;
  private previousRound = 0;
  private fieldMask = ALL_FIELDS;
  private scores: Float64Array = this.total;
  private slotNum: Int32Array = new Int32Array(0);
  private allowed: Uint8Array | null = null;
  private shortcuts: Shortcuts = { fieldBlockMinCost: Infinity, gallopRatio: Infinity };

  /** Score of a matched slot after the last search. */
  scoreOf(slot: number): number {
    return readFloat64(this.total, slot);
  }

  /** Final scores by slot (valid for the slots of the last search's matches). */
  get scoresBySlot(): Float64Array {
    return this.total;
  }

  /**
   * Both shortcuts touch exactly the postings the plain scan would act on (same hits, same float sums in the same
   * order, so the same scores):
   *  - a later round whose posting list dwarfs the surviving candidates ("knowledge distillation fo": 56
   *    candidates, 468k postings of fo*) finds the candidates in the list by galloping search;
   *  - a rule limited to some fields (a one-letter prefix: title, authors, tags) with many postings reads a copy
   *    of the block holding only postings in those fields.
   */
  search(unsorted: readonly Plan[], input: SearchInput, slotCount: number): TextMatches {
    // Cheapest rule first: later rules only touch slots that survived, and an unmatched rule ends it all.
    const plans = [...unsorted].sort((a, b) => a.cost - b.cost);
    if (plans.length === 0 || plans.some((p) => p.terms.length === 0)) return { slots: new Int32Array(0) };
    this.ensureScratch(slotCount);
    this.slotNum = input.slotNum;
    this.allowed = input.allowed;
    this.shortcuts = input.shortcuts;
    this.count = 0;
    for (let k = 0; k < plans.length && (k === 0 || this.count > 0); k++) {
      const plan = plans[k];
      if (plan === undefined) break;
      this.scoreRound(plan, input.postings, k === 0);
      // Round 0 scored straight into `total`; a later round's best is added now, the last one's just below.
      if (k > 0 && k < plans.length - 1) this.addBestToTotal();
    }
    const { total, best, matches, slotNum, count } = this;
    const addLast = plans.length > 1;
    let maxScore = 0;
    let maxNum = 0;
    for (let i = 0; i < count; i++) {
      const slot = readInt32(matches, i);
      let t = readFloat64(total, slot);
      if (addLast) {
        t += readFloat64(best, slot);
        total[slot] = t;
      }
      if (t > maxScore) maxScore = t;
      const num = readInt32(slotNum, slot);
      if (num > maxNum) maxNum = num;
    }
    this.allowed = null;
    // A view, not a copy (57k hits were a 230 KB allocation per query): valid until the next search.
    return { slots: matches.subarray(0, count), maxScore, maxNum };
  }

  /**
   * One rule: round 0 keeps every live, allowed slot with a posting of the rule in its fields; a later round
   * keeps those of the previous round's slots. Long lists in a later round are searched for the candidates
   * rather than read whole.
   */
  private scoreRound(plan: Plan, postings: Postings, first: boolean): void {
    const candidates = this.count;
    this.previousRound = this.round;
    this.round++;
    this.first = first;
    this.fieldMask = plan.fieldMask;
    this.scores = first ? this.total : this.best;
    this.count = 0;
    const block = postings.blockFor(plan.fieldMask, plan.cost >= this.shortcuts.fieldBlockMinCost);
    const blockTerms = postings.blockTermCount;
    // The candidates, sorted by slot, for galloping; copied out because this round rewrites `matches`.
    let sorted: Int32Array | null = null;
    for (const term of plan.terms) {
      if (term.id < blockTerms) {
        const from = readInt32(block.offsets, term.id);
        const to = readInt32(block.offsets, term.id + 1);
        if (!first && to - from > this.shortcuts.gallopRatio * candidates) {
          sorted ??= this.sortedCandidates(candidates);
          this.gallop(block, from, to, sorted, term.weight);
        } else {
          this.scoreRange(block.slots, block.info, from, to, term.weight);
        }
      }
      if (term.delta !== undefined) this.scoreRange(term.delta.slots, term.delta.info, 0, term.delta.length, term.weight);
    }
  }

  /**
   * The hot loop, and the only place a posting is scored: postings [from, to) of one term with weight `weight`.
   * A slot enters the round at its first posting in the rule's fields — in round 0 if it is live and allowed, in
   * a later round if the previous round kept it — and keeps the best score the rule's terms give it.
   */
  private scoreRange(slots: Int32Array, info: Uint16Array, from: number, to: number, weight: number): void {
    const { mark, scores, matches, slotNum, allowed, round, previousRound, first, fieldMask } = this;
    // Imported bindings are re-read on every use (they are live): locals let the loop keep them in registers.
    const fieldScore = FIELD_SCORE;
    const frequencyBits = ~ALL_FIELDS;
    let count = this.count;
    for (let p = from; p < to; p++) {
      const slot = readInt32(slots, p);
      const m = readInt32(mark, slot);
      if (m !== round) {
        if (first) {
          const num = readInt32(slotNum, slot);
          if (num < 0 || (allowed !== null && allowed[num] !== 1)) continue;
        } else if (m !== previousRound) {
          continue;
        }
      }
      const packed = readUint16(info, p);
      const fields = packed & fieldMask;
      if (fields === 0) continue;
      const s = weight * readFloat64(fieldScore, (packed & frequencyBits) | fields);
      if (m !== round) {
        mark[slot] = round;
        scores[slot] = s;
        matches[count++] = slot;
      } else if (s > readFloat64(scores, slot)) {
        scores[slot] = s;
      }
    }
    this.count = count;
  }

  /** Scores the postings of block range [from, to) whose slot is a candidate (both ascend: a merge by search). */
  private gallop(block: Block, from: number, to: number, candidates: Int32Array, weight: number): void {
    let p = from;
    for (let c = 0; c < candidates.length && p < to; c++) {
      const slot = readInt32(candidates, c);
      p = seek(block.slots, p, to, slot);
      if (p >= to) break;
      if (readInt32(block.slots, p) !== slot) continue;
      this.scoreRange(block.slots, block.info, p, p + 1, weight);
      p++;
    }
  }

  private addBestToTotal(): void {
    const { total, best, matches } = this;
    for (let i = 0; i < this.count; i++) {
      const slot = readInt32(matches, i);
      total[slot] = readFloat64(total, slot) + readFloat64(best, slot);
    }
  }

  private sortedCandidates(n: number): Int32Array {
    if (this.candidates.length < n) this.candidates = new Int32Array(Math.max(n, this.candidates.length * 2, 1024));
    const sorted = this.candidates.subarray(0, n);
    sorted.set(this.matches.subarray(0, n));
    return sorted.sort();
  }

  private ensureScratch(slotCount: number): void {
    if (this.mark.length >= slotCount) return;
    const size = Math.max(slotCount, this.mark.length * 2, 1024);
    const mark = new Int32Array(size);
    mark.set(this.mark);
    this.mark = mark;
    this.best = new Float64Array(size);
    this.total = new Float64Array(size);
    this.matches = new Int32Array(size);
  }
}

/**
 * First position in [from, to) whose slot is ≥ `slot` (to when none), for ascending `slots`: exponential steps
 * from `from`, then a binary search in the last step.
 */
function seek(slots: Int32Array, from: number, to: number, slot: number): number {
  let lo = from;
  if (lo >= to || readInt32(slots, lo) >= slot) return lo;
  let step = 1;
  let hi = lo + 1;
  while (hi < to && readInt32(slots, hi) < slot) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > to) hi = to;
  // slots[lo] < slot; the first position ≥ slot is in (lo, hi].
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (readInt32(slots, mid) < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
