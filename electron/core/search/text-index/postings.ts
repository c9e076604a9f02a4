// Postings: for each term, the slots (indexed document versions) holding it, each with its packed info. The bulk
// build collects each document's run of (term, info) in fixed chunks, then counting-sorts them into one CSR block
// (per-term ranges over two flat arrays, slots ascending). Documents added later go to small per-term delta lists
// until a compaction rebuilds the block from block + delta without the dead slots.
import type { DocumentTerms } from './document-terms.js';
import { ALL_FIELDS, FIELD_BIT } from './field-scores.js';
import { growInt32, growUint16, readInt32, readUint16 } from './typed-arrays.js';

// Pending runs live in fixed chunks of PEND_CHUNK entries, a run never straddling two: growing one flat array by
// doubling copied up to 60 MB in one go (a ~0.1 s stall of the background build at 100k papers).
const PEND_SHIFT = 20;
const PEND_CHUNK = 1 << PEND_SHIFT;
const PEND_MASK = PEND_CHUNK - 1;
/**
 * Postings a sliced build handles between yields. By postings, not slots: the fill pass writes scattered over a
 * 60 MB array (TLB misses), and 4096 papers' worth took ~0.1 s on a loaded machine.
 */
const POSTINGS_PER_STEP = 32768;

/** Postings of one term added after the block was built, in slot order. */
export class DeltaList {
  slots: Int32Array = new Int32Array(4);
  info: Uint16Array = new Uint16Array(4);
  length = 0;

  push(slot: number, info: number): void {
    this.slots = growInt32(this.slots, this.length + 1);
    this.info = growUint16(this.info, this.length + 1);
    this.slots[this.length] = slot;
    this.info[this.length++] = info;
  }
}

/** Postings in CSR form: those of term t are positions [offsets[t], offsets[t + 1]) of `slots` and `info`. */
export interface Block {
  offsets: Int32Array;
  slots: Int32Array;
  info: Uint16Array;
}

/**
 * The block restricted to postings in some fields; `source` is the block's slots array it was copied from, held
 * weakly so that a compaction's replaced 60 MB arrays are not kept alive by a stale copy.
 */
interface FieldBlock extends Block {
  source: WeakRef<Int32Array>;
}

/** The postings as a snapshot holds them. */
export interface PostingsArrays {
  blockTerms: number;
  offsets: Int32Array;
  postSlot: Int32Array;
  postInfo: Uint16Array;
  /** Postings added after the block was built, flattened in per-term order. */
  deltaTerm: Int32Array;
  deltaSlot: Int32Array;
  deltaInfo: Uint16Array;
}

export class Postings {
  // Pending runs (bulk build): slot → [pendStart, + pendLength) in the chunks; runs are contiguous, in slot order.
  private pendTerms: Int32Array[] = [];
  private pendInfos: Uint16Array[] = [];
  private pendCount = 0;
  private pendStart: Int32Array = new Int32Array(1024);
  private pendLength: Int32Array = new Int32Array(1024);
  /** Documents go to pending runs until the bulk build starts, to the delta lists after. */
  private collecting = true;

  private block: Block = { offsets: new Int32Array(1), slots: new Int32Array(0), info: new Uint16Array(0) };
  /** Terms the block has ranges for (later ids have none). */
  private blockTerms = 0;
  private built = false;
  private delta: Array<DeltaList | undefined> = [];
  private deltaCount = 0;
  /** Field-filtered copies of the block, by field mask (see blockFor). */
  private fieldBlocks = new Map<number, FieldBlock>();

  static restore(arrays: PostingsArrays): Postings {
    const postings = new Postings();
    postings.collecting = false;
    postings.built = true;
    postings.pendStart = new Int32Array(0);
    postings.pendLength = new Int32Array(0);
    postings.blockTerms = arrays.blockTerms;
    postings.block = { offsets: arrays.offsets, slots: arrays.postSlot, info: arrays.postInfo };
    for (let i = 0; i < arrays.deltaTerm.length; i++) {
      postings.deltaFor(readInt32(arrays.deltaTerm, i)).push(readInt32(arrays.deltaSlot, i), readUint16(arrays.deltaInfo, i));
    }
    postings.deltaCount = arrays.deltaTerm.length;
    return postings;
  }

  /** The postings as arrays; the block's are shared, as a build or compaction replaces them rather than writing. */
  arrays(): PostingsArrays {
    const deltaTerm: number[] = [];
    const deltaSlot: number[] = [];
    const deltaInfo: number[] = [];
    this.delta.forEach((d, term) => {
      if (d === undefined) return;
      for (let i = 0; i < d.length; i++) {
        deltaTerm.push(term);
        deltaSlot.push(readInt32(d.slots, i));
        deltaInfo.push(readUint16(d.info, i));
      }
    });
    return {
      blockTerms: this.blockTerms,
      offsets: this.block.offsets.subarray(0, this.blockTerms + 1),
      postSlot: this.block.slots,
      postInfo: this.block.info,
      deltaTerm: Int32Array.from(deltaTerm),
      deltaSlot: Int32Array.from(deltaSlot),
      deltaInfo: Uint16Array.from(deltaInfo),
    };
  }

  /** True once a build has started (its block then covers the slots that existed when it started). */
  get isBuilt(): boolean {
    return this.built;
  }

  /** The terms of the document in `slot` (read into `doc`). */
  add(slot: number, doc: DocumentTerms): void {
    const { ids, count } = doc;
    if (!this.collecting) {
      for (let i = 0; i < count; i++) {
        const id = readInt32(ids, i);
        this.deltaFor(id).push(slot, doc.infoOf(id));
      }
      this.deltaCount += count;
      return;
    }
    this.pendStart = growInt32(this.pendStart, slot + 1);
    this.pendLength = growInt32(this.pendLength, slot + 1);
    let at = this.pendCount;
    if ((at & PEND_MASK) + count > PEND_CHUNK || at >>> PEND_SHIFT >= this.pendTerms.length) {
      // Start a fresh chunk (one document has far fewer distinct words than a chunk holds).
      if ((at & PEND_MASK) !== 0 || at >>> PEND_SHIFT >= this.pendTerms.length) at = this.pendTerms.length << PEND_SHIFT;
      this.pendTerms.push(new Int32Array(Math.max(PEND_CHUNK, count)));
      this.pendInfos.push(new Uint16Array(Math.max(PEND_CHUNK, count)));
    }
    const terms = this.pendTerms[at >>> PEND_SHIFT] ?? new Int32Array(0);
    const infos = this.pendInfos[at >>> PEND_SHIFT] ?? new Uint16Array(0);
    const base = at & PEND_MASK;
    for (let i = 0; i < count; i++) {
      const id = readInt32(ids, i);
      terms[base + i] = id;
      infos[base + i] = doc.infoOf(id);
    }
    this.pendStart[slot] = at;
    this.pendLength[slot] = count;
    this.pendCount = at + count;
  }

  /** The bulk build begins: documents added from now on go to the delta lists. */
  stopCollecting(): void {
    this.collecting = false;
  }

  /** Number of postings (live or dead) of a term. */
  count(id: number): number {
    let n = id < this.blockTerms ? readInt32(this.block.offsets, id + 1) - readInt32(this.block.offsets, id) : 0;
    if (this.deltaCount > 0) n += this.delta[id]?.length ?? 0;
    return n;
  }

  /** Terms with a range in the block (ids at or above have postings only in their delta lists). */
  get blockTermCount(): number {
    return this.blockTerms;
  }

  /** The delta list of a term, if it has one. */
  deltaOf(id: number): DeltaList | undefined {
    // The delta is a sparse array (slow to index): read it only when some term has postings there.
    return this.deltaCount > 0 ? this.delta[id] : undefined;
  }

  /** Every posting of a term (block, then delta). */
  forEach(id: number, visit: (slot: number, info: number) => void): void {
    const { offsets, slots, info } = this.block;
    if (id < this.blockTerms) {
      const end = readInt32(offsets, id + 1);
      for (let p = readInt32(offsets, id); p < end; p++) visit(readInt32(slots, p), readUint16(info, p));
    }
    const d = this.deltaOf(id);
    if (d !== undefined) for (let i = 0; i < d.length; i++) visit(readInt32(d.slots, i), readUint16(d.info, i));
  }

  /**
   * The block postings a rule limited to `fieldMask` reads: the whole block, or, when `worthFiltering` (many
   * postings) and the fields exclude the abstract, a lazily built copy holding only postings in those fields
   * ("r" limited to title, authors and tags: 1.37M postings, most of them abstract-only, → ~10%).
   */
  blockFor(fieldMask: number, worthFiltering: boolean): Block {
    if (fieldMask === ALL_FIELDS || (fieldMask & FIELD_BIT.abstract) !== 0 || !worthFiltering) return this.block;
    let block = this.fieldBlocks.get(fieldMask);
    if (block === undefined || block.source.deref() !== this.block.slots) {
      block = this.filteredBlock(fieldMask);
      this.fieldBlocks.set(fieldMask, block);
    }
    return block;
  }

  /**
   * (Re)builds the block from the pending runs (bulk build) or from block + delta (compaction, dropping dead
   * slots: slotNum < 0). Linear in the number of postings; yields every POSTINGS_PER_STEP.
   */
  *buildSteps(termCount: number, slotCount: number, slotNum: Int32Array): Generator<void> {
    const fromPending = !this.built;
    this.built = true;
    // Slots and terms added while a sliced build is paused go to the delta lists; the block covers these.
    const counts = new Int32Array(termCount + 1);
    if (fromPending) yield* this.countPending(counts, slotCount);
    else this.countLive(counts, termCount, slotNum);
    for (let t = 0; t < termCount; t++) counts[t + 1] = readInt32(counts, t + 1) + readInt32(counts, t);
    const total = readInt32(counts, termCount);
    const block: Block = { offsets: counts, slots: new Int32Array(total), info: new Uint16Array(total) };
    const fill = counts.slice(0, termCount);
    if (fromPending) {
      yield* this.fillPending(block, fill, slotCount);
    } else {
      this.fillLive(block, fill, termCount, slotNum);
      this.delta = [];
      this.deltaCount = 0;
    }
    this.block = block;
    this.blockTerms = termCount;
    // After a compaction dead slots no longer appear in any posting list; their numbers stay -1 (slots are never
    // reused). The bulk build keeps postings of versions replaced during it (a slice may pause between its
    // passes); queries skip them by slotNum and the next compaction drops them.
  }

  /** counts[t + 1] = pending postings of term t. */
  private *countPending(counts: Int32Array, slotCount: number): Generator<void> {
    let sinceYield = 0;
    for (let slot = 0; slot < slotCount; slot++) {
      if (sinceYield > POSTINGS_PER_STEP) {
        sinceYield = 0;
        yield;
      }
      const { terms, from, end } = this.pendingRun(slot);
      sinceYield += end - from;
      for (let p = from; p < end; p++) {
        const t = readInt32(terms, p) + 1;
        counts[t] = readInt32(counts, t) + 1;
      }
    }
  }

  /** The pending runs into the block, slot by slot, so each term's slots ascend. */
  private *fillPending(block: Block, fill: Int32Array, slotCount: number): Generator<void> {
    let sinceYield = 0;
    for (let slot = 0; slot < slotCount; slot++) {
      if (sinceYield > POSTINGS_PER_STEP) {
        sinceYield = 0;
        yield;
      }
      const { terms, infos, from, end } = this.pendingRun(slot);
      sinceYield += end - from;
      for (let p = from; p < end; p++) {
        const t = readInt32(terms, p);
        const at = readInt32(fill, t);
        fill[t] = at + 1;
        block.slots[at] = slot;
        block.info[at] = readUint16(infos, p);
      }
    }
    this.pendTerms = [];
    this.pendInfos = [];
    this.pendStart = new Int32Array(0);
    this.pendLength = new Int32Array(0);
    this.pendCount = 0;
  }

  private pendingRun(slot: number): { terms: Int32Array; infos: Uint16Array; from: number; end: number } {
    const start = readInt32(this.pendStart, slot);
    const from = start & PEND_MASK;
    return {
      terms: this.pendTerms[start >>> PEND_SHIFT] ?? new Int32Array(0),
      infos: this.pendInfos[start >>> PEND_SHIFT] ?? new Uint16Array(0),
      from,
      end: from + readInt32(this.pendLength, slot),
    };
  }

  /** counts[t + 1] = live postings of term t in block and delta. */
  private countLive(counts: Int32Array, termCount: number, slotNum: Int32Array): void {
    const { offsets, slots } = this.block;
    for (let t = 0; t < termCount; t++) {
      let c = 0;
      if (t < this.blockTerms) {
        const end = readInt32(offsets, t + 1);
        for (let p = readInt32(offsets, t); p < end; p++) if (readInt32(slotNum, readInt32(slots, p)) >= 0) c++;
      }
      const d = this.deltaOf(t);
      if (d !== undefined) for (let i = 0; i < d.length; i++) if (readInt32(slotNum, readInt32(d.slots, i)) >= 0) c++;
      counts[t + 1] = c;
    }
  }

  /** The live postings of block and delta into the new block, term by term (block slots precede delta slots). */
  private fillLive(block: Block, fill: Int32Array, termCount: number, slotNum: Int32Array): void {
    const { offsets, slots, info } = this.block;
    const copy = (at: number, slot: number, packed: number): number => {
      if (readInt32(slotNum, slot) < 0) return at;
      block.slots[at] = slot;
      block.info[at] = packed;
      return at + 1;
    };
    for (let t = 0; t < termCount; t++) {
      let at = readInt32(fill, t);
      if (t < this.blockTerms) {
        const end = readInt32(offsets, t + 1);
        for (let p = readInt32(offsets, t); p < end; p++) at = copy(at, readInt32(slots, p), readUint16(info, p));
      }
      const d = this.deltaOf(t);
      if (d !== undefined) for (let i = 0; i < d.length; i++) at = copy(at, readInt32(d.slots, i), readUint16(d.info, i));
    }
  }

  /** The block's postings that have a field in `fieldMask` (CSR over the same term ids, same slot order). */
  private filteredBlock(fieldMask: number): FieldBlock {
    const { offsets: src, slots: postSlot, info: postInfo } = this.block;
    const blockTerms = this.blockTerms;
    const offsets = new Int32Array(blockTerms + 1);
    let n = 0;
    for (let t = 0; t < blockTerms; t++) {
      const end = readInt32(src, t + 1);
      for (let p = readInt32(src, t); p < end; p++) if ((readUint16(postInfo, p) & fieldMask) !== 0) n++;
      offsets[t + 1] = n;
    }
    const slots = new Int32Array(n);
    const info = new Uint16Array(n);
    let at = 0;
    const total = readInt32(src, blockTerms);
    for (let p = 0; p < total; p++) {
      const packed = readUint16(postInfo, p);
      if ((packed & fieldMask) === 0) continue;
      slots[at] = readInt32(postSlot, p);
      info[at++] = packed;
    }
    return { source: new WeakRef(postSlot), offsets, slots, info };
  }

  private deltaFor(id: number): DeltaList {
    let d = this.delta[id];
    if (d === undefined) this.delta[id] = d = new DeltaList();
    return d;
  }
}
