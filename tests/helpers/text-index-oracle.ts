// Test oracle: the text index as it was before issue 12 split it, a verbatim copy of
// electron/core/search/text-index.ts at 515f0fc (imports re-pointed). text-index-equivalence.test.ts compares against it.
// The free-text index: an inverted index with compact postings and a sorted term dictionary for prefix and
// typo-tolerant expansion.
//
// Build (the hot path at 100k papers: ~25M tokens): each field is scanned once by char code — ASCII text is
// lower-cased and split on the fly, hashed as it is read, and looked up in an open-addressing table of term
// ids that compares char codes against the stored term, so a token that is already known allocates nothing.
// Text that is not ASCII (accents, CJK) is folded with the shared tokenizer first, so index, query and
// highlighter still agree on what a word is. A document's postings go to flat growable typed arrays (term
// id, packed field info); `finish()` counting-sorts them into one CSR block (offsets per term, slot and
// info arrays) and sorts the vocabulary once for the dictionary.
//
// After finish(), adding a document (an edit) appends to small per-term delta lists; search reads the CSR
// range then the delta. Slots: each indexed version of a paper gets a fresh slot; re-indexing marks the old
// slot dead; the CSR block is rebuilt without dead slots once a quarter of them are dead.
//
// Dictionary: terms sorted by code unit. Prefix = binary search + a contiguous range. Typo = edit distance
// (Levenshtein + adjacent swaps) over the sorted list with DP rows shared along common prefixes, skipping
// every term under a prefix whose row already exceeds the allowed distance (a trie walk without a trie).
// Terms new since the last sort are scanned linearly until there are enough of them to re-sort.
import type { TextField, TermRule } from '../../electron/core/search/plan.js';
import { TEXT_FIELDS, editDistanceWithin } from '../../electron/core/search/plan.js';
import { tokenizeTerms } from '../../electron/core/search/tokenize.js';

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

interface Delta {
  slots: number[];
  info: number[];
}

/** A rule expanded to term ids: match quality per term, total postings (the rule's cost), fields it reads. */
interface Plan {
  ids: number[];
  /** Per term: match quality × idf (its postings, live or dead, against the live documents). */
  weights: number[];
  /** Per term: its postings added since the block was built, if any. */
  deltas: Array<Delta | undefined>;
  cost: number;
  fieldMask: number;
}

/**
 * The block restricted to postings in some fields (see TextIndex.blockFor); `source` is the block it copies,
 * held weakly so that a compaction's replaced 60 MB arrays are not kept alive by a stale copy.
 */
interface FieldBlock {
  source: WeakRef<Int32Array>;
  offsets: Int32Array;
  slots: Int32Array;
  info: Uint16Array;
}

/** A field-limited rule reads a field-filtered copy of the block once it has this many postings. */
const FIELD_BLOCK_MIN_COST = 100_000;
/** A later round gallops through a posting list longer than this many times the surviving candidates. */
const GALLOP_RATIO = 16;

function growInt32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const grown = new Int32Array(Math.max(need, a.length * 2));
  grown.set(a);
  return grown;
}

const PEND_SHIFT = 20;
const PEND_CHUNK = 1 << PEND_SHIFT;
const PEND_MASK = PEND_CHUNK - 1;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Everything a finished TextIndex is, as arrays (see TextIndex.snapshot / restore, and index-file.ts). */
export interface TextIndexSnapshot {
  terms: string[];
  termHash: Int32Array;
  /** Open-addressing table of term id + 1 (0 = empty); its length is a power of two. */
  table: Int32Array;
  blockTerms: number;
  offsets: Int32Array;
  postSlot: Int32Array;
  postInfo: Uint16Array;
  /** Postings added after the block was built, flattened in per-term order. */
  deltaTerm: Int32Array;
  deltaSlot: Int32Array;
  deltaInfo: Uint16Array;
  sortedIds: Int32Array;
  sortedLcp: Uint8Array;
  unsortedIds: Int32Array;
  slotCount: number;
}

/** Result of a text search: matched slots with their scores in the index's scratch arrays. */
export interface TextMatches {
  /** Matched slots (unordered), a view of the index's scratch: slots and scores are valid until the next search. */
  slots: Int32Array;
  /** Largest score and document number among the matches (0 when none), for ranked(). */
  maxScore?: number;
  maxNum?: number;
}

export class TextIndex {
  // ---- vocabulary: id → term, and an open-addressing hash table (term id + 1, 0 = empty)
  private terms: string[] = [];
  private termHash: Int32Array = new Int32Array(1024);
  private table: Int32Array = new Int32Array(4096);

  // ---- postings being built (before finish) or appended since: per slot a contiguous run of (term, info)
  // Stored in fixed chunks of PEND_CHUNK entries, a run never straddling two: growing one flat array by
  // doubling copied up to 60 MB in one go (a ~0.1 s stall of the background build at 100k papers).
  private pendTerms: Int32Array[] = [];
  private pendInfos: Uint16Array[] = [];
  private pendCount = 0;
  /** slot → start of its run in pend*; runs are contiguous and in slot order. */
  private pendStart: Int32Array = new Int32Array(1024);
  private pendLength: Int32Array = new Int32Array(1024);
  private finished = false;

  // ---- the compact block (CSR): postings of term t are [offsets[t], offsets[t+1])
  private offsets: Int32Array = new Int32Array(1);
  private postSlot: Int32Array = new Int32Array(0);
  private postInfo: Uint16Array = new Uint16Array(0);
  /** Terms the block knows (later ids have no range). */
  private blockTerms = 0;
  private blockBuilt = false;
  /** Postings added after finish(), per term id. */
  private delta: Array<Delta | undefined> = [];
  private deltaCount = 0;

  // ---- dictionary
  private sortedTerms: string[] = [];
  private sortedIds: Int32Array = new Int32Array(0);
  /** lcp[i] = length of the common prefix of sorted terms i-1 and i (capped at 255). */
  private sortedLcp: Uint8Array = new Uint8Array(0);
  /** Term ids created since the last sort. */
  private unsortedIds: number[] = [];

  /** slot → document number, or -1 once the slot is dead. */
  private slotNum: Int32Array = new Int32Array(1024);
  private slotCount = 0;
  private deadSlots = 0;
  private liveDocs = 0;

  // Per-query scratch, indexed by slot; `mark` holds the round in which the slot last matched a rule.
  private mark: Int32Array = new Int32Array(0);
  private best: Float64Array = new Float64Array(0);
  private total: Float64Array = new Float64Array(0);
  private matchBuf: Int32Array = new Int32Array(0);
  private round = 0;
  /** Sorted candidates of a galloping round. */
  private candidates: Int32Array = new Int32Array(0);
  /** Field-filtered copies of the block, by field mask (query-side cache; see blockFor). */
  private fieldBlocks = new Map<number, FieldBlock>();
  /** sortedLengths(): term lengths by sorted position, for the sortedTerms array they were taken from. */
  private lengths: Int32Array = new Int32Array(0);
  private lengthsOf: string[] | null = null;
  /**
   * Shortcut thresholds (tests lower them to exercise the shortcuts on small corpora, or set them to
   * Infinity for the plain scan they must agree with).
   */
  private fieldBlockMinCost = FIELD_BLOCK_MIN_COST;
  private gallopRatio = GALLOP_RATIO;

  /** Scratch for add(): packed info per term id for the document being indexed; zeroed after use. */
  private localInfo: Int32Array = new Int32Array(4096);
  private touched: Int32Array = new Int32Array(1024);
  private touchedCount = 0;

  get termCount(): number {
    return this.terms.length;
  }

  // ------------------------------------------------------------------------------------------ vocabulary

  private lookup(term: string): number {
    const h = hashString(term);
    const mask = this.table.length - 1;
    for (let pos = h & mask; ; pos = (pos + 1) & mask) {
      const v = this.table[pos] as number;
      if (v === 0) return -1;
      if (this.termHash[v - 1] === h && this.terms[v - 1] === term) return v - 1;
    }
  }

  private insertTerm(term: string, h: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.termHash = growInt32(this.termHash, id + 1);
    this.termHash[id] = h;
    if ((id + 1) * 2 > this.table.length) this.rehash();
    const mask = this.table.length - 1;
    let pos = h & mask;
    while (this.table[pos] !== 0) pos = (pos + 1) & mask;
    this.table[pos] = id + 1;
    if (id >= this.localInfo.length) this.localInfo = growInt32(this.localInfo, id + 1);
    if (this.finished) this.unsortedIds.push(id);
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.terms.length - 1; id++) {
      let pos = (this.termHash[id] as number) & mask;
      while (table[pos] !== 0) pos = (pos + 1) & mask;
      table[pos] = id + 1;
    }
    this.table = table;
  }

  private internString(term: string): number {
    const id = this.lookup(term);
    return id >= 0 ? id : this.insertTerm(term, hashString(term));
  }

  /** Id of text[s, e) lower-cased (ASCII), found by hashing char codes; creates the term when new. */
  private internAscii(text: string, s: number, e: number, h: number): number {
    const mask = this.table.length - 1;
    const len = e - s;
    for (let pos = h & mask; ; pos = (pos + 1) & mask) {
      const v = this.table[pos] as number;
      if (v === 0) break;
      if (this.termHash[v - 1] !== h) continue;
      const t = this.terms[v - 1] as string;
      if (t.length !== len) continue;
      let k = 0;
      for (; k < len; k++) {
        let c = text.charCodeAt(s + k);
        if (c >= 65 && c <= 90) c += 32;
        if (t.charCodeAt(k) !== c) break;
      }
      if (k === len) return v - 1;
    }
    return this.insertTerm(text.slice(s, e).toLowerCase(), h);
  }

  // ------------------------------------------------------------------------------------------ indexing

  private touch(id: number, bit: number, isAbstract: boolean): void {
    let info = this.localInfo[id] as number;
    if (info === 0) {
      if (this.touchedCount === this.touched.length) this.touched = growInt32(this.touched, this.touchedCount + 1);
      this.touched[this.touchedCount++] = id;
    }
    info |= bit;
    if (isAbstract && info >> TF_SHIFT < TF_MAX) info += 1 << TF_SHIFT;
    this.localInfo[id] = info;
  }

  /** Tokenizes one field into the current document's term infos (same terms as tokenizeTerms). */
  private indexField(text: string, bit: number, isAbstract: boolean): void {
    const n = text.length;
    let h = FNV_OFFSET;
    let start = -1;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c > 127) {
        // Not ASCII: undo nothing (touching a term twice is idempotent for the field bit, but the abstract's
        // tf would double count) — so restart this field on the exact path from a clean state.
        this.indexFieldSlow(text, bit, isAbstract, i, start);
        return;
      }
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          h = FNV_OFFSET;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
      } else if (start >= 0) {
        this.touch(this.internAscii(text, start, i, h), bit, isAbstract);
        start = -1;
      }
    }
    if (start >= 0) this.touch(this.internAscii(text, start, n, h), bit, isAbstract);
  }

  /**
   * The field has non-ASCII text at `at`. Words completed before `at` were already counted; the rest of the
   * field (from the word in progress) is tokenized by the shared folding tokenizer. Folding never merges a
   * word across the ASCII/non-ASCII boundary differently than whole-text folding does, because the split
   * happens at the start of the word containing the first non-ASCII char.
   */
  private indexFieldSlow(text: string, bit: number, isAbstract: boolean, at: number, wordStart: number): void {
    const from = wordStart >= 0 ? wordStart : at;
    for (const term of tokenizeTerms(text.slice(from))) this.touch(this.internString(term), bit, isAbstract);
  }

  /** Indexes a document's fields; returns its slot (keep it to discard this version later). */
  add(num: number, fields: Record<TextField, string>): number {
    const slot = this.slotCount++;
    this.slotNum = growInt32(this.slotNum, slot + 1);
    this.slotNum[slot] = num;
    this.liveDocs++;
    this.touchedCount = 0;
    for (const field of TEXT_FIELDS) {
      const text = fields[field];
      if (text === '') continue;
      this.indexField(text, FIELD_BIT[field], field === 'abstract');
    }
    const { touched, localInfo } = this;
    const count = this.touchedCount;
    if (!this.finished) {
      this.pendStart = growInt32(this.pendStart, slot + 1);
      this.pendLength = growInt32(this.pendLength, slot + 1);
      let at = this.pendCount;
      if ((at & PEND_MASK) + count > PEND_CHUNK || at >>> PEND_SHIFT >= this.pendTerms.length) {
        // Start a fresh chunk (one document has far fewer distinct words than a chunk holds).
        if ((at & PEND_MASK) !== 0 || at >>> PEND_SHIFT >= this.pendTerms.length) at = this.pendTerms.length << PEND_SHIFT;
        this.pendTerms.push(new Int32Array(Math.max(PEND_CHUNK, count)));
        this.pendInfos.push(new Uint16Array(Math.max(PEND_CHUNK, count)));
      }
      const terms = this.pendTerms[at >>> PEND_SHIFT] as Int32Array;
      const infos = this.pendInfos[at >>> PEND_SHIFT] as Uint16Array;
      const base = at & PEND_MASK;
      for (let i = 0; i < count; i++) {
        const id = touched[i] as number;
        terms[base + i] = id;
        infos[base + i] = localInfo[id] as number;
        localInfo[id] = 0;
      }
      this.pendStart[slot] = at;
      this.pendLength[slot] = count;
      this.pendCount = at + count;
    } else {
      for (let i = 0; i < count; i++) {
        const id = touched[i] as number;
        let d = this.delta[id];
        if (d === undefined) this.delta[id] = d = { slots: [], info: [] };
        d.slots.push(slot);
        d.info.push(localInfo[id] as number);
        localInfo[id] = 0;
      }
      this.deltaCount += count;
    }
    return slot;
  }

  /** Ends the bulk build: postings into the compact block, vocabulary sorted. Idempotent. */
  finish(): void {
    const pending = this.building;
    if (pending !== null) {
      // A sliced finish is under way and someone needs the index now: complete it synchronously.
      this.building = null;
      while (pending.next().done !== true);
      return;
    }
    if (this.finished) return;
    this.finished = true;
    const steps = this.finishSteps();
    while (steps.next().done !== true);
  }

  /** finish() in slices: yields to `pause` every `sliceMs` (each step is linear in postings or terms). */
  async finishAsync(pause: () => Promise<void>, sliceMs: number): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const steps = this.finishSteps();
    this.building = steps;
    let until = performance.now() + sliceMs;
    for (;;) {
      if (this.building !== steps) return; // finish() completed it meanwhile
      if (steps.next().done === true) break;
      if (performance.now() < until) continue;
      await pause();
      until = performance.now() + sliceMs;
    }
    this.building = null;
  }

  private *finishSteps(): Generator<void> {
    yield* this.buildBlockSteps();
    yield* this.sortDictionarySteps();
  }

  /** A sliced finish in progress (see finishAsync). */
  private building: Generator<void> | null = null;

  get isFinished(): boolean {
    return this.finished;
  }

  discard(slot: number): void {
    if (slot < 0 || slot >= this.slotCount || this.slotNum[slot] === -1) return;
    this.slotNum[slot] = -1;
    this.deadSlots++;
    this.liveDocs--;
    if (this.finished && this.deadSlots > 1000 && this.deadSlots * 4 > this.slotCount) {
      for (const _ of this.buildBlockSteps()) {
        // compaction runs in one go
      }
    }
  }

  /**
   * (Re)builds the CSR block from the pending runs (bulk build) or from block + delta (compaction), dropping
   * dead slots. Linear in the number of postings.
   */
  private *buildBlockSteps(): Generator<void> {
    const nTerms = this.terms.length;
    // Slots and terms added while a sliced build is paused go to the delta lists; the block covers these.
    const slotLimit = this.slotCount;
    let sinceYield = 0;
    const counts = new Int32Array(nTerms + 1);
    const { slotNum } = this;
    const fromPending = !this.blockBuilt;
    this.blockBuilt = true;
    if (fromPending) {
      const { pendTerms, pendStart, pendLength } = this;
      for (let slot = 0; slot < slotLimit; slot++) {
        // Yield by postings, not slots: the fill pass writes scattered over a 60 MB array (TLB misses), and
        // 4096 papers' worth took ~0.1 s on a loaded machine.
        if (sinceYield > 32768) {
          sinceYield = 0;
          yield;
        }
        sinceYield += pendLength[slot] as number;
        const start = pendStart[slot] as number;
        const pendTerm = pendTerms[start >>> PEND_SHIFT] as Int32Array;
        const from = start & PEND_MASK;
        const end = from + (pendLength[slot] as number);
        for (let p = from; p < end; p++) {
          const t = (pendTerm[p] as number) + 1;
          counts[t] = (counts[t] as number) + 1;
        }
      }
    } else {
      for (let t = 0; t < nTerms; t++) {
        let c = 0;
        if (t < this.blockTerms) {
          const end = this.offsets[t + 1] as number;
          for (let p = this.offsets[t] as number; p < end; p++) if ((slotNum[this.postSlot[p] as number] as number) >= 0) c++;
        }
        const d = this.delta[t];
        if (d !== undefined) for (const s of d.slots) if ((slotNum[s] as number) >= 0) c++;
        counts[t + 1] = c;
      }
    }
    for (let t = 0; t < nTerms; t++) counts[t + 1] = (counts[t + 1] as number) + (counts[t] as number);
    const total = counts[nTerms] as number;
    const postSlot = new Int32Array(total);
    const postInfo = new Uint16Array(total);
    const fill = counts.slice(0, nTerms);
    if (fromPending) {
      const { pendTerms, pendInfos, pendStart, pendLength } = this;
      for (let slot = 0; slot < slotLimit; slot++) {
        // Yield by postings, not slots: the fill pass writes scattered over a 60 MB array (TLB misses), and
        // 4096 papers' worth took ~0.1 s on a loaded machine.
        if (sinceYield > 32768) {
          sinceYield = 0;
          yield;
        }
        sinceYield += pendLength[slot] as number;
        const start = pendStart[slot] as number;
        const pendTerm = pendTerms[start >>> PEND_SHIFT] as Int32Array;
        const pendInfo = pendInfos[start >>> PEND_SHIFT] as Uint16Array;
        const from = start & PEND_MASK;
        const end = from + (pendLength[slot] as number);
        for (let p = from; p < end; p++) {
          const t = pendTerm[p] as number;
          const at = fill[t] as number;
          fill[t] = at + 1;
          postSlot[at] = slot;
          postInfo[at] = pendInfo[p] as number;
        }
      }
      this.pendTerms = [];
      this.pendInfos = [];
      this.pendStart = new Int32Array(0);
      this.pendLength = new Int32Array(0);
      this.pendCount = 0;
    } else {
      for (let t = 0; t < nTerms; t++) {
        let at = fill[t] as number;
        if (t < this.blockTerms) {
          const end = this.offsets[t + 1] as number;
          for (let p = this.offsets[t] as number; p < end; p++) {
            const s = this.postSlot[p] as number;
            if ((slotNum[s] as number) < 0) continue;
            postSlot[at] = s;
            postInfo[at++] = this.postInfo[p] as number;
          }
        }
        const d = this.delta[t];
        if (d !== undefined) {
          for (let i = 0; i < d.slots.length; i++) {
            const s = d.slots[i] as number;
            if ((slotNum[s] as number) < 0) continue;
            postSlot[at] = s;
            postInfo[at++] = d.info[i] as number;
          }
        }
      }
      this.delta = [];
      this.deltaCount = 0;
      this.deadSlots = 0;
    }
    this.offsets = counts;
    this.postSlot = postSlot;
    this.postInfo = postInfo;
    this.blockTerms = nTerms;
    // After a compaction dead slots no longer appear in any posting list; their numbers stay -1 (slots are
    // never reused). The bulk build keeps postings of versions replaced during it (a slice may pause
    // between its passes); queries skip them by slotNum and the next compaction drops them.
  }

  private sortDictionary(): void {
    const steps = this.sortDictionarySteps();
    while (steps.next().done !== true);
  }

  /**
   * Sorts the vocabulary by code units in resumable steps: runs of 4096 terms with the native
   * comparator-less sort (several times faster than a JS comparator), then pairwise merges. A 300k-term
   * vocabulary sorted in one go held the event loop for ~0.4 s. Terms created meanwhile stay unsorted.
   */
  private *sortDictionarySteps(): Generator<void> {
    const n = this.terms.length;
    const RUN = 4096;
    let runs: string[][] = [];
    for (let i = 0; i < n; i += RUN) {
      runs.push(this.terms.slice(i, i + RUN).sort());
      yield;
    }
    while (runs.length > 1) {
      const merged: string[][] = [];
      for (let r = 0; r < runs.length; r += 2) {
        const a = runs[r] as string[];
        const b = runs[r + 1];
        if (b === undefined) {
          merged.push(a);
          continue;
        }
        const out: string[] = new Array<string>(a.length + b.length);
        let i = 0;
        let j = 0;
        let k = 0;
        while (i < a.length && j < b.length) {
          out[k++] = (a[i] as string) <= (b[j] as string) ? (a[i++] as string) : (b[j++] as string);
          if ((k & 16383) === 0) yield;
        }
        while (i < a.length) out[k++] = a[i++] as string;
        while (j < b.length) out[k++] = b[j++] as string;
        merged.push(out);
        yield;
      }
      runs = merged;
    }
    const sorted = runs[0] ?? [];
    const ids = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      ids[i] = this.lookup(sorted[i] as string);
      if ((i & 8191) === 8191) yield;
    }
    const lcp = new Uint8Array(sorted.length);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1] as string;
      const b = sorted[i] as string;
      const limit = Math.min(a.length, b.length, 255);
      let k = 0;
      while (k < limit && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      lcp[i] = k;
      if ((i & 16383) === 0) yield;
    }
    this.sortedIds = ids;
    this.sortedTerms = sorted;
    this.sortedLcp = lcp;
    this.unsortedIds = this.unsortedIds.filter((id) => id >= n);
  }

  // ------------------------------------------------------------------------------------------ queries

  /** Documents with `word` (or, with `prefix`, a word starting with it) in `field`. */
  fieldNums(word: string, prefix: boolean, field: TextField): number[] {
    this.finish();
    const ids: number[] = [];
    if (prefix) this.forPrefix(word, (id) => ids.push(id));
    else {
      const id = this.lookup(word);
      if (id >= 0) ids.push(id);
    }
    const bit = FIELD_BIT[field];
    const out: number[] = [];
    const seen = ids.length > 1 ? new Set<number>() : null;
    const take = (slot: number, info: number): void => {
      if ((info & bit) === 0) return;
      const num = this.slotNum[slot] as number;
      if (num < 0) return;
      if (seen !== null) {
        if (seen.has(num)) return;
        seen.add(num);
      }
      out.push(num);
    };
    for (const id of ids) {
      if (id < this.blockTerms) {
        const end = this.offsets[id + 1] as number;
        for (let p = this.offsets[id] as number; p < end; p++) take(this.postSlot[p] as number, this.postInfo[p] as number);
      }
      const d = this.delta[id];
      if (d !== undefined) for (let i = 0; i < d.slots.length; i++) take(d.slots[i] as number, d.info[i] as number);
    }
    return out;
  }

  /** Documents containing the exact word in any field (for `-word`). */
  exactNums(term: string): number[] {
    this.finish();
    const id = this.lookup(term);
    if (id < 0) return [];
    const out: number[] = [];
    const push = (slot: number): void => {
      const num = this.slotNum[slot] as number;
      if (num >= 0) out.push(num);
    };
    if (id < this.blockTerms) for (let p = this.offsets[id] as number; p < (this.offsets[id + 1] as number); p++) push(this.postSlot[p] as number);
    for (const slot of this.delta[id]?.slots ?? []) push(slot);
    return out;
  }

  /**
   * Documents where EVERY rule matches some field, scored: per rule the best (quality × idf × field score)
   * over its expansions, summed over rules. `allowed` (by document number) narrows before any scoring.
   *
   * Rules run cheapest first; each later round only keeps slots the previous rounds kept. Two shortcuts,
   * both touching exactly the postings the plain scan would act on (same hits, same float sums in the same
   * order, so the same scores):
   *  - a later round whose posting list dwarfs the surviving candidates ("knowledge distillation fo": 56
   *    candidates, 468k postings of fo*) finds the candidates in each long list by galloping search over
   *    the slot-sorted postings instead of reading the whole list;
   *  - a rule limited to some fields (a one-letter prefix: title, authors, tags) with many postings reads a
   *    lazily built copy of the block holding only postings in those fields ("r": 1.37M postings, most of
   *    them abstract-only, → ~10%).
   */
  search(rules: readonly TermRule[], allowed: Uint8Array | null): TextMatches {
    this.finish();
    const plans = rules.map((rule) => this.expand(rule));
    // Cheapest rule first: later rules only touch slots that survived, and an unmatched rule ends it all.
    plans.sort((a, b) => a.cost - b.cost);
    if (plans.length === 0 || plans.some((p) => p.ids.length === 0)) return { slots: new Int32Array(0) };
    this.ensureScratch();
    const { total } = this;
    // One buffer serves every round: a round reads membership from `mark`, never the previous list.
    const next = this.matchBuf;
    let count = 0;
    for (let k = 0; k < plans.length && (k === 0 || count > 0); k++) {
      const plan = plans[k] as Plan;
      const prevRound = this.round;
      const round = ++this.round;
      // Round 0 scores straight into `total` (0 + best is best); later rounds add their best at the end,
      // the last one also taking the maximum score and number for ranked() on the way.
      if (k === 0) {
        count = this.firstRound(plan, allowed, round);
        continue;
      }
      count = this.laterRound(plan, prevRound, round, count);
      if (k === plans.length - 1) break;
      const best = this.best;
      for (let i = 0; i < count; i++) {
        const slot = next[i] as number;
        total[slot] = (total[slot] as number) + (best[slot] as number);
      }
    }
    const { best, slotNum } = this;
    const last = plans.length > 1;
    let maxScore = 0;
    let maxNum = 0;
    for (let i = 0; i < count; i++) {
      const slot = next[i] as number;
      const t = last ? (total[slot] as number) + (best[slot] as number) : (total[slot] as number);
      if (last) total[slot] = t;
      if (t > maxScore) maxScore = t;
      const num = slotNum[slot] as number;
      if (num > maxNum) maxNum = num;
    }
    // A view, not a copy (57k hits were a 230 KB allocation per query): valid until the next search.
    return { slots: next.subarray(0, count), maxScore, maxNum };
  }

  /** The block postings a plan reads: all of them, or only those in its fields when that is much less. */
  private blockFor(plan: Plan): { offsets: Int32Array; slots: Int32Array; info: Uint16Array } {
    const fieldMask = plan.fieldMask;
    if (fieldMask === ALL_FIELDS || (fieldMask & FIELD_BIT.abstract) !== 0 || plan.cost < this.fieldBlockMinCost) {
      return { offsets: this.offsets, slots: this.postSlot, info: this.postInfo };
    }
    let block = this.fieldBlocks.get(fieldMask);
    if (block === undefined || block.source.deref() !== this.postSlot) {
      block = this.buildFieldBlock(fieldMask);
      this.fieldBlocks.set(fieldMask, block);
    }
    return block;
  }

  /**
   * The block's postings that have a field in `fieldMask` (CSR over the same term ids, same slot order).
   * Built on first need and rebuilt when the block is (its arrays are replaced, never written into).
   */
  private buildFieldBlock(fieldMask: number): FieldBlock {
    const { offsets: src, postSlot, postInfo, blockTerms } = this;
    const offsets = new Int32Array(blockTerms + 1);
    let n = 0;
    for (let t = 0; t < blockTerms; t++) {
      const end = src[t + 1] as number;
      for (let p = src[t] as number; p < end; p++) if (((postInfo[p] as number) & fieldMask) !== 0) n++;
      offsets[t + 1] = n;
    }
    const slots = new Int32Array(n);
    const info = new Uint16Array(n);
    let at = 0;
    const total = src[blockTerms] as number;
    for (let p = 0; p < total; p++) {
      const packed = postInfo[p] as number;
      if ((packed & fieldMask) === 0) continue;
      slots[at] = postSlot[p] as number;
      info[at++] = packed;
    }
    return { source: new WeakRef(postSlot), offsets, slots, info };
  }

  /** Round 0: every live, allowed slot with a posting of the plan in its fields. Returns the count in matchBuf. */
  private firstRound(plan: Plan, allowed: Uint8Array | null, round: number): number {
    const { slotNum, mark, total } = this;
    const next = this.matchBuf;
    const block = this.blockFor(plan);
    const { offsets, slots: postSlot, info: postInfo } = block;
    const fieldMaskOf = plan.fieldMask;
    let count = 0;
    for (let j = 0; j < plan.ids.length; j++) {
      const id = plan.ids[j] as number;
      const weight = plan.weights[j] as number;
      if (id < this.blockTerms) {
        const end = offsets[id + 1] as number;
        for (let p = offsets[id] as number; p < end; p++) {
          const slot = postSlot[p] as number;
          const m = mark[slot] as number;
          if (m !== round) {
            const num = slotNum[slot] as number;
            if (num < 0 || (allowed !== null && allowed[num] !== 1)) continue;
          }
          const packed = postInfo[p] as number;
          const fieldMask = packed & fieldMaskOf;
          if (fieldMask === 0) continue;
          const s = weight * (FIELD_SCORE[(packed & ~ALL_FIELDS) | fieldMask] as number);
          if (m !== round) {
            mark[slot] = round;
            total[slot] = s;
            next[count++] = slot;
          } else if (s > (total[slot] as number)) {
            total[slot] = s;
          }
        }
      }
      const d = plan.deltas[j];
      if (d === undefined) continue;
      for (let i = 0; i < d.slots.length; i++) {
        const slot = d.slots[i] as number;
        const m = mark[slot] as number;
        if (m !== round) {
          const num = slotNum[slot] as number;
          if (num < 0 || (allowed !== null && allowed[num] !== 1)) continue;
        }
        const packed = d.info[i] as number;
        const fieldMask = packed & fieldMaskOf;
        if (fieldMask === 0) continue;
        const s = weight * (FIELD_SCORE[(packed & ~ALL_FIELDS) | fieldMask] as number);
        if (m !== round) {
          mark[slot] = round;
          total[slot] = s;
          next[count++] = slot;
        } else if (s > (total[slot] as number)) {
          total[slot] = s;
        }
      }
    }
    return count;
  }

  /**
   * A later round: of the `candidates` slots (matchBuf[0, candidates), marked `prevRound`), those with a
   * posting of the plan in its fields. Long lists are searched for the candidates rather than read whole.
   */
  private laterRound(plan: Plan, prevRound: number, round: number, candidates: number): number {
    const { mark, best } = this;
    const next = this.matchBuf;
    const block = this.blockFor(plan);
    const { offsets, slots: postSlot, info: postInfo } = block;
    const fieldMaskOf = plan.fieldMask;
    // The candidates, sorted by slot, for galloping; copied out because this round rewrites matchBuf.
    let sorted: Int32Array | null = null;
    let count = 0;
    for (let j = 0; j < plan.ids.length; j++) {
      const id = plan.ids[j] as number;
      const weight = plan.weights[j] as number;
      if (id < this.blockTerms) {
        const from = offsets[id] as number;
        const end = offsets[id + 1] as number;
        const n = end - from;
        if (n > this.gallopRatio * candidates) {
          if (sorted === null) {
            sorted = this.candidateScratch(candidates);
            sorted.set(next.subarray(0, candidates));
            sorted.sort();
          }
          // Exponential then binary search from the last position: the candidates ascend, so do the postings.
          let lo = from;
          for (let c = 0; c < candidates && lo < end; c++) {
            const slot = sorted[c] as number;
            if ((postSlot[lo] as number) < slot) {
              let step = 1;
              let hi = lo + 1;
              while (hi < end && (postSlot[hi] as number) < slot) {
                lo = hi;
                step *= 2;
                hi = lo + step;
              }
              if (hi > end) hi = end;
              // postSlot[lo] < slot; the first position ≥ slot is in (lo, hi].
              lo++;
              while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if ((postSlot[mid] as number) < slot) lo = mid + 1;
                else hi = mid;
              }
              if (lo >= end) break;
            }
            if ((postSlot[lo] as number) !== slot) continue;
            const p = lo++;
            const m = mark[slot] as number;
            if (m !== prevRound && m !== round) continue;
            const packed = postInfo[p] as number;
            const fieldMask = packed & fieldMaskOf;
            if (fieldMask === 0) continue;
            const s = weight * (FIELD_SCORE[(packed & ~ALL_FIELDS) | fieldMask] as number);
            if (m !== round) {
              mark[slot] = round;
              best[slot] = s;
              next[count++] = slot;
            } else if (s > (best[slot] as number)) {
              best[slot] = s;
            }
          }
        } else {
          for (let p = from; p < end; p++) {
            const slot = postSlot[p] as number;
            const m = mark[slot] as number;
            if (m !== prevRound && m !== round) continue;
            const packed = postInfo[p] as number;
            const fieldMask = packed & fieldMaskOf;
            if (fieldMask === 0) continue;
            const s = weight * (FIELD_SCORE[(packed & ~ALL_FIELDS) | fieldMask] as number);
            if (m !== round) {
              mark[slot] = round;
              best[slot] = s;
              next[count++] = slot;
            } else if (s > (best[slot] as number)) {
              best[slot] = s;
            }
          }
        }
      }
      const d = plan.deltas[j];
      if (d === undefined) continue;
      for (let i = 0; i < d.slots.length; i++) {
        const slot = d.slots[i] as number;
        const m = mark[slot] as number;
        if (m !== prevRound && m !== round) continue;
        const packed = d.info[i] as number;
        const fieldMask = packed & fieldMaskOf;
        if (fieldMask === 0) continue;
        const s = weight * (FIELD_SCORE[(packed & ~ALL_FIELDS) | fieldMask] as number);
        if (m !== round) {
          mark[slot] = round;
          best[slot] = s;
          next[count++] = slot;
        } else if (s > (best[slot] as number)) {
          best[slot] = s;
        }
      }
    }
    return count;
  }

  private candidateScratch(n: number): Int32Array {
    if (this.candidates.length < n) this.candidates = new Int32Array(Math.max(n, this.candidates.length * 2, 1024));
    return this.candidates.subarray(0, n);
  }

  numOfSlot(slot: number): number {
    return this.slotNum[slot] as number;
  }

  scoreOfSlot(slot: number): number {
    return this.total[slot] as number;
  }

  /**
   * The best `k` matches (all when k ≥ matches), best first; ties by lower document number. Selection keeps
   * a bounded min-heap of packed keys, so 50k hits cost one pass, not a sort.
   */
  ranked(matches: TextMatches, k: number): { nums: number[]; scores: number[] } {
    const slots = matches.slots;
    const n = slots.length;
    const { total, slotNum } = this;
    let max = matches.maxScore ?? 0;
    let maxNum = matches.maxNum ?? 0;
    if (matches.maxScore === undefined || matches.maxNum === undefined) {
      for (let i = 0; i < n; i++) {
        const slot = slots[i] as number;
        const t = total[slot] as number;
        if (t > max) max = t;
        const num = slotNum[slot] as number;
        if (num > maxNum) maxNum = num;
      }
    }
    const nums: number[] = [];
    const scores: number[] = [];
    const scale = 2 ** 20;
    if (maxNum >= scale || max <= 0) {
      const order = Array.from(slots, (slot) => ({ num: slotNum[slot] as number, score: total[slot] as number }));
      order.sort((a, b) => b.score - a.score || a.num - b.num);
      for (const o of order.slice(0, k)) {
        nums.push(o.num);
        scores.push(o.score);
      }
      return { nums, scores };
    }
    // Pack (quantised score, inverted document number) into one float64 — 32 + 20 bits fit the mantissa —
    // so that a larger key is a better hit and equal scores prefer the lower number.
    const q = (2 ** 32 - 1) / max;
    const keyOf = (slot: number): number => Math.floor((total[slot] as number) * q) * scale + (scale - 1 - (slotNum[slot] as number));
    let keys: Float64Array;
    if (k >= n / 4) {
      keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = keyOf(slots[i] as number);
      keys.sort();
      keys = keys.slice(Math.max(0, n - k)).reverse();
    } else {
      // Min-heap of the k largest keys.
      const heap = new Float64Array(k);
      let size = 0;
      for (let i = 0; i < n; i++) {
        const key = keyOf(slots[i] as number);
        if (size < k) {
          let c = size++;
          while (c > 0) {
            const p = (c - 1) >> 1;
            if ((heap[p] as number) <= key) break;
            heap[c] = heap[p] as number;
            c = p;
          }
          heap[c] = key;
        } else if (key > (heap[0] as number)) {
          let c = 0;
          for (;;) {
            const l = 2 * c + 1;
            if (l >= k) break;
            const r = l + 1;
            const m = r < k && (heap[r] as number) < (heap[l] as number) ? r : l;
            if ((heap[m] as number) >= key) break;
            heap[c] = heap[m] as number;
            c = m;
          }
          heap[c] = key;
        }
      }
      keys = heap.slice(0, size).sort().reverse();
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      nums.push(scale - 1 - (key % scale));
      scores.push(Math.floor(key / scale) / q);
    }
    return { nums, scores };
  }

  private expand(rule: TermRule): Plan {
    this.maybeResort();
    // Typo matches first (few: words of 5+ letters), then the exact term and the prefix range, each term
    // taking the best quality it is offered. "r" expands to ~12k terms: no Map, no closure per term.
    let fuzzy: Map<number, number> | null = null;
    if (rule.fuzzy > 0) {
      const found = new Map<number, number>();
      this.forFuzzy(rule.term, rule.fuzzy, (id, distance) => {
        const q = FUZZY_QUALITY[distance] ?? 0.2;
        if (q > (found.get(id) ?? 0)) found.set(id, q);
      });
      if (found.size > 0) fuzzy = found;
    }
    const ids: number[] = [];
    const weights: number[] = [];
    const deltas: Array<Delta | undefined> = [];
    let cost = 0;
    const { offsets, blockTerms, liveDocs } = this;
    // The delta is a sparse array (slow to index): read it only when some term has postings there.
    const delta = this.deltaCount > 0 ? this.delta : null;
    const take = (id: number, q: number): void => {
      let n = id < blockTerms ? (offsets[id + 1] as number) - (offsets[id] as number) : 0;
      const d = delta === null ? undefined : delta[id];
      if (d !== undefined) n += d.slots.length;
      if (n === 0) return; // a word that only dead versions had
      ids.push(id);
      weights.push(q * Math.log(1 + liveDocs / (n + 0.5)));
      deltas.push(d);
      cost += n;
    };
    const exact = this.lookup(rule.term);
    let exactTaken = exact < 0;
    if (rule.prefix) {
      const term = rule.term;
      const { sortedIds } = this;
      const lengths = this.sortedLengths();
      const from = this.lowerBound(term);
      const to = this.prefixEnd(term, from);
      for (let i = from; i < to; i++) {
        const id = sortedIds[i] as number;
        let q = prefixQuality(term.length, lengths[i] as number);
        if (id === exact) {
          exactTaken = true;
          if (1 > q) q = 1;
        }
        if (fuzzy !== null) {
          const f = fuzzy.get(id);
          if (f !== undefined) {
            if (f > q) q = f;
            fuzzy.delete(id);
          }
        }
        take(id, q);
      }
      for (const id of this.unsortedIds) {
        const word = this.terms[id] as string;
        if (!word.startsWith(term)) continue;
        let q = prefixQuality(term.length, word.length);
        if (id === exact) {
          exactTaken = true;
          if (1 > q) q = 1;
        }
        if (fuzzy !== null) {
          const f = fuzzy.get(id);
          if (f !== undefined) {
            if (f > q) q = f;
            fuzzy.delete(id);
          }
        }
        take(id, q);
      }
    }
    if (!exactTaken) {
      // distance 0 is quality 1 too, so a typo match of the exact term changes nothing
      fuzzy?.delete(exact);
      take(exact, 1);
    }
    if (fuzzy !== null) for (const [id, q] of fuzzy) take(id, q);
    const fieldMask = rule.fields === null ? ALL_FIELDS : rule.fields.reduce((m, f) => m | FIELD_BIT[f], 0);
    return { ids, weights, deltas, cost, fieldMask };
  }

  /** Length of each sorted term, by sorted position (read without touching 100k strings per prefix query). */
  private sortedLengths(): Int32Array {
    if (this.lengthsOf !== this.sortedTerms) {
      const sorted = this.sortedTerms;
      const lengths = new Int32Array(sorted.length);
      for (let i = 0; i < sorted.length; i++) lengths[i] = (sorted[i] as string).length;
      this.lengths = lengths;
      this.lengthsOf = sorted;
    }
    return this.lengths;
  }

  /** First sorted position at or after `from` whose term does not start with `prefix` (the range is contiguous). */
  private prefixEnd(prefix: string, from: number): number {
    const sorted = this.sortedTerms;
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBound(key: string, from = 0): number {
    const sorted = this.sortedTerms;
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private maybeResort(): void {
    if (this.unsortedIds.length > 2000) this.sortDictionary();
  }

  /** Every term that starts with `prefix` (including the prefix itself when it is a term). */
  private forPrefix(prefix: string, visit: (id: number, word: string) => void): void {
    this.maybeResort();
    const sorted = this.sortedTerms;
    for (let i = this.lowerBound(prefix); i < sorted.length; i++) {
      const word = sorted[i] as string;
      if (!word.startsWith(prefix)) break;
      visit(this.sortedIds[i] as number, word);
    }
    for (const id of this.unsortedIds) {
      const word = this.terms[id] as string;
      if (word.startsWith(prefix)) visit(id, word);
    }
  }

  /**
   * Every term within edit distance `max` of `query` (Levenshtein plus adjacent swaps, as editDistanceWithin). DP rows are shared along common prefixes of
   * consecutive sorted terms and computed only in the diagonal band |d - j| ≤ max (cells outside it exceed
   * max anyway); once a row's minimum exceeds max, every term under that prefix is skipped with an
   * exponential search.
   */
  private forFuzzy(query: string, max: number, visit: (id: number, distance: number) => void): void {
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
      const term = sorted[i] as string;
      const len = term.length;
      // Common prefix with the previous term visited: lcp[i] (after a skip, the skipped terms all shared
      // more than the pruned prefix, so the first one that does not gives the right value too).
      let d = Math.min(lcp[i] as number, valid, len);
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
          let v = (rows[base + j - 1] as number) + cost;
          const up = (rows[base + j] as number) + 1;
          if (up < v) v = up;
          const left = (rows[next + j - 1] as number) + 1;
          if (left < v) v = left;
          // Two adjacent letters swapped count as one edit (as editDistanceWithin in plan.ts): from two rows
          // back, which shares this term's prefix, so it is valid whenever this row is.
          if (j > 1 && c === qc[j - 1] && before === qc[j]) {
            const swap = (rows[base - width + j - 2] as number) + 1;
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
        while (i < n && (lcp[i] as number) >= pruned) i++;
        continue;
      }
      valid = len;
      if (Math.abs(len - m) <= max) {
        const distance = rows[len * width + m] as number;
        if (distance <= max) visit(this.sortedIds[i] as number, distance);
      }
      i++;
    }
    for (const id of this.unsortedIds) {
      const word = this.terms[id] as string;
      const distance = editDistanceWithin(query, word, max);
      if (distance <= max) visit(id, distance);
    }
  }

  // ------------------------------------------------------------------------------------------ persistence

  /**
   * The finished index as plain arrays, for index-file.ts to write (null while a build is pending or under
   * way: only a finished index is a consistent picture). Slots are reported by number; the caller maps them
   * to paper ids (it knows which paper each slot holds). Arrays an edit changes in place (vocabulary, hash
   * table) are copied; the postings are shared, as edits replace those arrays rather than write into them.
   */
  snapshot(): TextIndexSnapshot | null {
    if (!this.finished || this.building !== null || !this.blockBuilt) return null;
    const nTerms = this.terms.length;
    const deltaTerm: number[] = [];
    const deltaSlot: number[] = [];
    const deltaInfo: number[] = [];
    for (let t = 0; t < this.delta.length; t++) {
      const d = this.delta[t];
      if (d === undefined) continue;
      for (let i = 0; i < d.slots.length; i++) {
        deltaTerm.push(t);
        deltaSlot.push(d.slots[i] as number);
        deltaInfo.push(d.info[i] as number);
      }
    }
    return {
      terms: this.terms.slice(),
      termHash: this.termHash.slice(0, nTerms),
      table: this.table.slice(),
      blockTerms: this.blockTerms,
      offsets: this.offsets.subarray(0, this.blockTerms + 1),
      postSlot: this.postSlot,
      postInfo: this.postInfo,
      deltaTerm: Int32Array.from(deltaTerm),
      deltaSlot: Int32Array.from(deltaSlot),
      deltaInfo: Uint16Array.from(deltaInfo),
      sortedIds: this.sortedIds,
      sortedLcp: this.sortedLcp,
      unsortedIds: Int32Array.from(this.unsortedIds),
      slotCount: this.slotCount,
    };
  }

  /**
   * An index from a snapshot, with `slotNum` saying which document each slot now holds (-1: dead, e.g. the
   * paper is gone or its text changed since and is being re-indexed). Costs O(terms), not O(postings):
   * the typed arrays are used as they are.
   */
  static restore(snapshot: TextIndexSnapshot, slotNum: Int32Array): TextIndex {
    const index = new TextIndex();
    const nTerms = snapshot.terms.length;
    if (slotNum.length < snapshot.slotCount) throw new RangeError('slotNum must cover every slot of the snapshot.');
    if (snapshot.termHash.length !== nTerms || snapshot.table.length < nTerms * 2 || snapshot.offsets.length !== snapshot.blockTerms + 1) {
      throw new RangeError('Inconsistent search index snapshot.');
    }
    index.terms = snapshot.terms;
    index.termHash = snapshot.termHash;
    index.table = snapshot.table;
    index.finished = true;
    index.blockBuilt = true;
    index.pendStart = new Int32Array(0);
    index.pendLength = new Int32Array(0);
    index.blockTerms = snapshot.blockTerms;
    index.offsets = snapshot.offsets;
    index.postSlot = snapshot.postSlot;
    index.postInfo = snapshot.postInfo;
    const delta: Array<Delta | undefined> = [];
    for (let i = 0; i < snapshot.deltaTerm.length; i++) {
      const t = snapshot.deltaTerm[i] as number;
      let d = delta[t];
      if (d === undefined) delta[t] = d = { slots: [], info: [] };
      d.slots.push(snapshot.deltaSlot[i] as number);
      d.info.push(snapshot.deltaInfo[i] as number);
    }
    index.delta = delta;
    index.deltaCount = snapshot.deltaTerm.length;
    index.sortedIds = snapshot.sortedIds;
    index.sortedLcp = snapshot.sortedLcp;
    const sortedTerms = new Array<string>(snapshot.sortedIds.length);
    for (let i = 0; i < sortedTerms.length; i++) sortedTerms[i] = snapshot.terms[snapshot.sortedIds[i] as number] as string;
    index.sortedTerms = sortedTerms;
    index.unsortedIds = Array.from(snapshot.unsortedIds);
    index.slotNum = slotNum;
    index.slotCount = snapshot.slotCount;
    let dead = 0;
    for (let slot = 0; slot < snapshot.slotCount; slot++) if ((slotNum[slot] as number) < 0) dead++;
    index.deadSlots = dead;
    index.liveDocs = snapshot.slotCount - dead;
    index.localInfo = new Int32Array(Math.max(4096, nTerms));
    return index;
  }

  private ensureScratch(): void {
    if (this.mark.length >= this.slotCount) return;
    const size = Math.max(this.slotCount, this.mark.length * 2, 1024);
    const mark = new Int32Array(size);
    mark.set(this.mark);
    this.mark = mark;
    this.best = new Float64Array(size);
    this.total = new Float64Array(size);
    this.matchBuf = new Int32Array(size);
  }
}


