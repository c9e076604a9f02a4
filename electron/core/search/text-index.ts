// The free-text index: an inverted index with compact postings, and MiniSearch's radix tree (SearchableMap)
// as the term dictionary for prefix and typo-tolerant expansion.
//
// Why not MiniSearch's own index: at 10k papers its per-posting scoring (a Map entry and match objects per
// document per term per field) cost 40–80 ms for common words and 6 s to build. Here a posting is two
// numbers (slot, packed field info), scoring writes into typed arrays, and a query's cost is the length of
// the posting lists it touches — never a scan of the papers.
//
// Slots: each indexed version of a paper gets a fresh slot; re-indexing marks the old slot dead, and
// postings are compacted once enough slots are dead. That keeps an edit at "tokenize one paper" cost.
import SearchableMap from 'minisearch/SearchableMap';
import type { TextField, TermRule } from './plan.js';
import { TEXT_FIELDS } from './plan.js';
import { tokenizeTerms } from './tokenize.js';

/** Field boosts: who wrote it and what it is called matter most; the user's own words next; abstract last. */
export const FIELD_BOOST: Record<TextField, number> = { title: 4, authors: 4, tags: 2.5, note: 2, orgs: 1.5, abstract: 1 };

const FIELD_BIT: Record<TextField, number> = { title: 1, authors: 2, orgs: 4, abstract: 8, tags: 16, note: 32 };
const ALL_FIELDS = 63;
const TF_SHIFT = 6;
const TF_MAX = 15;

/**
 * Score of one posting, indexed by its packed info (field mask | abstract term frequency << 6): the sum of
 * the boosts of the fields holding the term, the abstract's saturating with repetition (BM25-style k=1.2).
 */
const FIELD_SCORE = (() => {
  const table = new Float64Array(64 << 4);
  for (let tf = 0; tf <= TF_MAX; tf++) {
    for (let mask = 0; mask < 64; mask++) {
      let s = 0;
      for (const f of TEXT_FIELDS) {
        if ((mask & FIELD_BIT[f]) === 0) continue;
        s += f === 'abstract' ? (FIELD_BOOST.abstract * 2.2 * Math.max(tf, 1)) / (Math.max(tf, 1) + 1.2) : FIELD_BOOST[f];
      }
      table[mask | (tf << TF_SHIFT)] = s;
    }
  }
  return table;
})();

/** Weight of a match by kind: exact 1; a prefix by how much of the word it covers; a typo by distance. */
function prefixQuality(queryLength: number, wordLength: number): number {
  return 0.45 + 0.4 * (queryLength / wordLength);
}
const FUZZY_QUALITY = [1, 0.4, 0.25];

interface Postings {
  slots: number[];
  info: number[];
}

export interface TextHits {
  /** Document numbers, best first. */
  nums: number[];
  scores: number[];
}

export class TextIndex {
  private readonly termIds = new Map<string, number>();
  private readonly dictionary = new SearchableMap<number>();
  private readonly postings: Postings[] = [];
  /** slot → document number, or -1 once the slot is dead. */
  private slotNum: Int32Array = new Int32Array(1024);
  private slotCount = 0;
  private deadSlots = 0;
  private liveDocs = 0;
  // Per-query scratch, indexed by slot; `mark` holds the round in which the slot last matched a rule.
  private mark: Int32Array = new Int32Array(0);
  private best: Float64Array = new Float64Array(0);
  private total: Float64Array = new Float64Array(0);
  private round = 0;
  /** Scratch for add(): packed info per term id for the document being indexed; zeroed after use. */
  private localInfo: Int32Array = new Int32Array(4096);

  /** Indexes a document's fields; returns its slot (keep it to discard this version later). */
  add(num: number, fields: Record<TextField, string>): number {
    const slot = this.slotCount++;
    if (slot >= this.slotNum.length) {
      const grown = new Int32Array(this.slotNum.length * 2);
      grown.set(this.slotNum);
      this.slotNum = grown;
    }
    this.slotNum[slot] = num;
    this.liveDocs++;
    // Accumulate per term id in a reusable typed array (one hash lookup per token, no per-doc Map).
    const touched: number[] = [];
    for (const field of TEXT_FIELDS) {
      const text = fields[field];
      if (text === '') continue;
      const bit = FIELD_BIT[field];
      const isAbstract = field === 'abstract';
      for (const term of tokenizeTerms(text)) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.postings.length;
          this.termIds.set(term, id);
          this.dictionary.set(term, id);
          this.postings.push({ slots: [], info: [] });
          if (id >= this.localInfo.length) {
            const grown = new Int32Array(this.localInfo.length * 2);
            grown.set(this.localInfo);
            this.localInfo = grown;
          }
        }
        let info = this.localInfo[id] as number;
        if (info === 0) touched.push(id);
        info |= bit;
        if (isAbstract && info >> TF_SHIFT < TF_MAX) info += 1 << TF_SHIFT;
        this.localInfo[id] = info;
      }
    }
    for (const id of touched) {
      const p = this.postings[id] as Postings;
      p.slots.push(slot);
      p.info.push(this.localInfo[id] as number);
      this.localInfo[id] = 0;
    }
    return slot;
  }

  discard(slot: number): void {
    if (this.slotNum[slot] === -1 || slot >= this.slotCount) return;
    this.slotNum[slot] = -1;
    this.deadSlots++;
    this.liveDocs--;
    if (this.deadSlots > 1000 && this.deadSlots * 4 > this.slotCount) this.compact();
  }

  /** Documents containing the exact word in any field (for `-word`). */
  exactNums(term: string): number[] {
    const id = this.termIds.get(term);
    const p = id === undefined ? undefined : this.postings[id];
    if (p === undefined) return [];
    const out: number[] = [];
    for (const slot of p.slots) {
      const num = this.slotNum[slot] ?? -1;
      if (num >= 0) out.push(num);
    }
    return out;
  }

  /**
   * Documents where EVERY rule matches some field, scored: per rule the best (quality × idf × field score)
   * over its expansions, summed over rules. `allowed` narrows by filters before any scoring.
   */
  search(rules: readonly TermRule[], allowed: ((num: number) => boolean) | null): TextHits {
    const plans = rules.map((rule) => this.expand(rule));
    // Cheapest rule first: later rules only touch slots that survived, and an unmatched rule ends it all.
    plans.sort((a, b) => a.cost - b.cost);
    if (plans.length === 0 || plans.some((p) => p.terms.length === 0)) return { nums: [], scores: [] };
    this.ensureScratch();
    const { slotNum, mark, best, total } = this;
    let matched: number[] = [];
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[k];
      if (plan === undefined) break;
      const prevRound = this.round;
      const round = ++this.round;
      const next: number[] = [];
      for (const { id, quality } of plan.terms) {
        const p = this.postings[id];
        if (p === undefined) continue;
        const weight = quality * Math.log(1 + this.liveDocs / (p.slots.length + 0.5));
        const { slots, info } = p;
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i] as number;
          const m = mark[slot] as number;
          if (k === 0) {
            if (m !== round) {
              const num = slotNum[slot] as number;
              if (num < 0 || (allowed !== null && !allowed(num))) continue;
            }
          } else if (m !== prevRound && m !== round) continue;
          const packed = info[i] as number;
          const fieldMask = packed & plan.fieldMask;
          if (fieldMask === 0) continue;
          const s = weight * (FIELD_SCORE[(packed & ~ALL_FIELDS) | fieldMask] as number);
          if (m !== round) {
            mark[slot] = round;
            best[slot] = s;
            if (k === 0) total[slot] = 0;
            next.push(slot);
          } else if (s > (best[slot] as number)) {
            best[slot] = s;
          }
        }
      }
      for (const slot of next) total[slot] = (total[slot] as number) + (best[slot] as number);
      matched = next;
      if (matched.length === 0) break;
    }
    return this.sorted(matched);
  }

  private expand(rule: TermRule): { terms: Array<{ id: number; quality: number }>; cost: number; fieldMask: number } {
    const found = new Map<number, number>();
    const offer = (id: number, quality: number): void => {
      if (quality > (found.get(id) ?? 0)) found.set(id, quality);
    };
    const exact = this.termIds.get(rule.term);
    if (exact !== undefined) offer(exact, 1);
    if (rule.prefix) {
      for (const [word, id] of this.dictionary.atPrefix(rule.term)) offer(id, prefixQuality(rule.term.length, word.length));
    }
    if (rule.fuzzy > 0) {
      for (const [, [id, distance]] of this.dictionary.fuzzyGet(rule.term, rule.fuzzy)) offer(id, FUZZY_QUALITY[distance] ?? 0.2);
    }
    let cost = 0;
    const terms: Array<{ id: number; quality: number }> = [];
    for (const [id, quality] of found) {
      terms.push({ id, quality });
      cost += this.postings[id]?.slots.length ?? 0;
    }
    const fieldMask = rule.fields === null ? ALL_FIELDS : rule.fields.reduce((m, f) => m | FIELD_BIT[f], 0);
    return { terms, cost, fieldMask };
  }

  // Sorting tens of thousands of hits with a comparator is slow; instead pack (quantised score, document
  // number) into one float64 — 32 + 20 bits fit the 53-bit mantissa — and use the native numeric sort.
  // Equal scores then keep insertion order (lower number first). Beyond 2^20 numbers, fall back.
  private sorted(slots: number[]): TextHits {
    const n = slots.length;
    const nums: number[] = [];
    const scores: number[] = [];
    let max = 0;
    let maxNum = 0;
    for (const slot of slots) {
      max = Math.max(max, this.total[slot] as number);
      maxNum = Math.max(maxNum, this.slotNum[slot] as number);
    }
    const scale = 2 ** 20;
    if (maxNum >= scale || max <= 0) {
      const order = slots.map((slot) => ({ num: this.slotNum[slot] as number, score: this.total[slot] as number }));
      order.sort((a, b) => b.score - a.score || a.num - b.num);
      for (const o of order) {
        nums.push(o.num);
        scores.push(o.score);
      }
      return { nums, scores };
    }
    const q = (2 ** 32 - 1) / max;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const slot = slots[i] as number;
      keys[i] = Math.floor((this.total[slot] as number) * q) * scale + (scale - 1 - (this.slotNum[slot] as number));
    }
    keys.sort();
    for (let i = n - 1; i >= 0; i--) {
      const key = keys[i] as number;
      nums.push(scale - 1 - (key % scale));
      scores.push(Math.floor(key / scale) / q);
    }
    return { nums, scores };
  }

  private ensureScratch(): void {
    if (this.mark.length >= this.slotCount) return;
    const size = Math.max(this.slotCount, this.mark.length * 2, 1024);
    const mark = new Int32Array(size);
    mark.set(this.mark);
    this.mark = mark;
    this.best = new Float64Array(size);
    this.total = new Float64Array(size);
  }

  /** Drops dead slots from every posting list. Amortised: runs after a quarter of the slots died. */
  private compact(): void {
    for (const p of this.postings) {
      let w = 0;
      for (let r = 0; r < p.slots.length; r++) {
        const slot = p.slots[r] as number;
        if ((this.slotNum[slot] as number) < 0) continue;
        p.slots[w] = slot;
        p.info[w] = p.info[r] as number;
        w++;
      }
      p.slots.length = w;
      p.info.length = w;
    }
    this.deadSlots = 0;
    // Slot numbers are not reused, so scratch arrays only grow; terms with empty postings stay in the
    // dictionary (they expand to nothing) until a rebuild.
  }
}
