// The free-text index: an inverted index with compact postings and a sorted term dictionary for prefix and
// typo-tolerant expansion. This class wires its parts (text-index/): the vocabulary and the reading of documents
// into postings, the dictionary that expands a query's rules to terms, the scorer and its top-k, and snapshots.
//
// Lifecycle: add() documents (bulk), finish() once (or finishAsync in slices): postings into the compact block,
// dictionary sorted. After that, add() is an edit: its postings go to per-term delta lists; discard() marks the
// old version's slot dead, and the block is rebuilt without dead slots once a quarter of them are dead.
import type { TextField, TermRule } from './plan.js';
import { Dictionary } from './text-index/dictionary.js';
import { DocumentTerms } from './text-index/document-terms.js';
import { expandRule } from './text-index/expand.js';
import { FIELD_BIT } from './text-index/field-scores.js';
import { Postings } from './text-index/postings.js';
import { Scorer, type TextMatches } from './text-index/scorer.js';
import { SlotTable } from './text-index/slot-table.js';
import { partsOf, snapshotOf, type TextIndexSnapshot } from './text-index/snapshot.js';
import { topK, type Ranked } from './text-index/top-k.js';
import { Vocabulary } from './text-index/vocabulary.js';

export { FIELD_BOOST } from './text-index/field-scores.js';
export type { TextMatches } from './text-index/scorer.js';
export type { TextIndexSnapshot } from './text-index/snapshot.js';

/** A field-limited rule reads a field-filtered copy of the block once it has this many postings. */
const FIELD_BLOCK_MIN_COST = 100_000;
/** A later round gallops through a posting list longer than this many times the surviving candidates. */
const GALLOP_RATIO = 16;
/** Compaction: once more than this many slots are dead, and more than a quarter of all. */
const COMPACT_MIN_DEAD = 1000;

export class TextIndex {
  private vocabulary = new Vocabulary();
  private dictionary = new Dictionary(this.vocabulary);
  private postings = new Postings();
  private slots = new SlotTable();
  private document = new DocumentTerms(this.vocabulary);
  private readonly scorer = new Scorer();
  private finished = false;
  /** A sliced finish in progress (see finishAsync). */
  private building: Generator<void> | null = null;
  // Shortcut thresholds (tests lower them to exercise the shortcuts on small corpora, or set them to Infinity for
  // the plain scan they must agree with).
  private fieldBlockMinCost = FIELD_BLOCK_MIN_COST;
  private gallopRatio = GALLOP_RATIO;

  get termCount(): number {
    return this.vocabulary.size;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Indexes a document's fields; returns its slot (keep it to discard this version later). */
  add(num: number, fields: Record<TextField, string>): number {
    const slot = this.slots.add(num);
    this.document.read(fields);
    this.postings.add(slot, this.document);
    this.document.clear();
    return slot;
  }

  discard(slot: number): void {
    if (!this.slots.discard(slot)) return;
    const { dead, count } = this.slots;
    if (this.finished && dead > COMPACT_MIN_DEAD && dead * 4 > count) {
      const steps = this.postings.buildSteps(this.vocabulary.size, count, this.slots.num);
      while (steps.next().done !== true);
      this.slots.dead = 0;
    }
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
    const steps = this.startFinishing();
    while (steps.next().done !== true);
  }

  /** finish() in slices: yields to `pause` every `sliceMs` (each step is linear in postings or terms). */
  async finishAsync(pause: () => Promise<void>, sliceMs: number): Promise<void> {
    if (this.finished) return;
    const steps = this.startFinishing();
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

  /** Documents with `word` (or, with `prefix`, a word starting with it) in `field`. */
  fieldNums(word: string, prefix: boolean, field: TextField): number[] {
    this.finish();
    const ids: number[] = [];
    if (prefix) this.dictionary.forPrefix(word, (id) => ids.push(id));
    else {
      const id = this.vocabulary.lookup(word);
      if (id >= 0) ids.push(id);
    }
    const bit = FIELD_BIT[field];
    const out: number[] = [];
    const seen = ids.length > 1 ? new Set<number>() : null;
    for (const id of ids) {
      this.postings.forEach(id, (slot, info) => {
        if ((info & bit) === 0) return;
        const num = this.slots.numOf(slot);
        if (num < 0 || seen?.has(num) === true) return;
        seen?.add(num);
        out.push(num);
      });
    }
    return out;
  }

  /** Documents containing the exact word in any field (for `-word`). */
  exactNums(term: string): number[] {
    this.finish();
    const id = this.vocabulary.lookup(term);
    const out: number[] = [];
    if (id < 0) return out;
    this.postings.forEach(id, (slot) => {
      const num = this.slots.numOf(slot);
      if (num >= 0) out.push(num);
    });
    return out;
  }

  /**
   * Documents where EVERY rule matches some field, scored: per rule the best (quality × idf × field score) over
   * its expansions, summed over rules. `allowed` (by document number) narrows before any scoring.
   */
  search(rules: readonly TermRule[], allowed: Uint8Array | null): TextMatches {
    this.finish();
    const context = { vocabulary: this.vocabulary, dictionary: this.dictionary, postings: this.postings, liveDocs: this.slots.live };
    const plans = rules.map((rule) => expandRule(rule, context));
    const shortcuts = { fieldBlockMinCost: this.fieldBlockMinCost, gallopRatio: this.gallopRatio };
    return this.scorer.search(plans, { postings: this.postings, slotNum: this.slots.num, allowed, shortcuts }, this.slots.count);
  }

  numOfSlot(slot: number): number {
    return this.slots.numOf(slot);
  }

  scoreOfSlot(slot: number): number {
    return this.scorer.scoreOf(slot);
  }

  /** The best `k` matches (all when k ≥ matches), best first; ties by lower document number. */
  ranked(matches: TextMatches, k: number): Ranked {
    return topK(matches, k, this.scorer.scoresBySlot, this.slots.num);
  }

  /**
   * The finished index as plain arrays, for index-file.ts to write (null while a build is pending or under way:
   * only a finished index is a consistent picture). Slots are reported by number; the caller maps them to paper
   * ids (it knows which paper each slot holds). Arrays an edit changes in place (vocabulary, hash table) are
   * copied; the postings are shared, as edits replace those arrays rather than write into them.
   */
  snapshot(): TextIndexSnapshot | null {
    if (!this.finished || this.building !== null || !this.postings.isBuilt) return null;
    return snapshotOf({ vocabulary: this.vocabulary, dictionary: this.dictionary, postings: this.postings, slots: this.slots });
  }

  /**
   * An index from a snapshot, with `slotNum` saying which document each slot now holds (-1: dead, e.g. the paper
   * is gone or its text changed since and is being re-indexed). Costs O(terms), not O(postings).
   */
  static restore(snapshot: TextIndexSnapshot, slotNum: Int32Array): TextIndex {
    const index = new TextIndex();
    const parts = partsOf(snapshot, slotNum);
    index.vocabulary = parts.vocabulary;
    index.dictionary = parts.dictionary;
    index.postings = parts.postings;
    index.slots = parts.slots;
    index.document = new DocumentTerms(parts.vocabulary);
    index.finished = true;
    return index;
  }

  /** From here on documents are edits (delta postings); the steps build the block, then sort the dictionary. */
  private startFinishing(): Generator<void> {
    this.finished = true;
    this.postings.stopCollecting();
    return this.finishSteps();
  }

  private *finishSteps(): Generator<void> {
    yield* this.postings.buildSteps(this.vocabulary.size, this.slots.count, this.slots.num);
    yield* this.dictionary.sortSteps();
  }
}
