// Slots: each indexed version of a document gets a fresh slot, never reused; re-indexing or removing a document
// marks its old slot dead, and the postings that still name it are skipped until a compaction drops them.
import { growInt32, readInt32 } from './typed-arrays.js';

export class SlotTable {
  /** slot → document number, or -1 once the slot is dead. */
  num: Int32Array;
  count: number;
  /** Dead slots since the last compaction (which resets it). */
  dead: number;
  /** Live slots: documents in the index. */
  live: number;

  constructor(num: Int32Array = new Int32Array(1024), count = 0) {
    this.num = num;
    this.count = count;
    let dead = 0;
    for (let slot = 0; slot < count; slot++) if (readInt32(num, slot) < 0) dead++;
    this.dead = dead;
    this.live = count - dead;
  }

  add(docNum: number): number {
    const slot = this.count++;
    this.num = growInt32(this.num, slot + 1);
    this.num[slot] = docNum;
    this.live++;
    return slot;
  }

  /** Marks a slot dead; false when it is not a live slot. */
  discard(slot: number): boolean {
    if (slot < 0 || slot >= this.count || this.num[slot] === -1) return false;
    this.num[slot] = -1;
    this.dead++;
    this.live--;
    return true;
  }

  numOf(slot: number): number {
    return readInt32(this.num, slot);
  }
}
