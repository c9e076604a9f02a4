// The vocabulary: term id ↔ term, through an open-addressing hash table of term ids that can look up a slice of
// a field's text by its char codes, so indexing a word the library already knows allocates nothing.
import { growInt32, readInt32 } from './typed-arrays.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over char codes: the start value, and one step (the indexer hashes words as it reads them). */
export const HASH_START = FNV_OFFSET;
export function hashStep(h: number, charCode: number): number {
  return Math.imul(h ^ charCode, FNV_PRIME);
}

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/** The vocabulary's arrays, as a snapshot holds them. */
export interface VocabularyArrays {
  terms: string[];
  termHash: Int32Array;
  /** Open-addressing table of term id + 1 (0 = empty); its length is a power of two. */
  table: Int32Array;
}

export class Vocabulary {
  private terms: string[];
  private termHash: Int32Array;
  private table: Int32Array;

  constructor(arrays: VocabularyArrays = { terms: [], termHash: new Int32Array(1024), table: new Int32Array(4096) }) {
    this.terms = arrays.terms;
    this.termHash = arrays.termHash;
    this.table = arrays.table;
  }

  get size(): number {
    return this.terms.length;
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** Every term by id (the dictionary sorts a copy). */
  allTerms(): readonly string[] {
    return this.terms;
  }

  /** Id of `term`, or -1. */
  lookup(term: string): number {
    const h = hashString(term);
    const mask = this.table.length - 1;
    for (let pos = h & mask; ; pos = (pos + 1) & mask) {
      const entry = readInt32(this.table, pos);
      if (entry === 0) return -1;
      if (readInt32(this.termHash, entry - 1) === h && this.terms[entry - 1] === term) return entry - 1;
    }
  }

  /** Id of `term`, created when new. */
  intern(term: string): number {
    const id = this.lookup(term);
    return id >= 0 ? id : this.insert(term, hashString(term));
  }

  /** Id of text[start, end) lower-cased (ASCII letters and digits only), whose hash is `h`; created when new. */
  internAscii(text: string, start: number, end: number, h: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    for (let pos = h & mask; ; pos = (pos + 1) & mask) {
      const entry = readInt32(this.table, pos);
      if (entry === 0) break;
      if (readInt32(this.termHash, entry - 1) !== h) continue;
      const known = this.term(entry - 1);
      if (known.length !== length) continue;
      let k = 0;
      for (; k < length; k++) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (known.charCodeAt(k) !== c) break;
      }
      if (k === length) return entry - 1;
    }
    return this.insert(text.slice(start, end).toLowerCase(), h);
  }

  /** The arrays for a snapshot: copies, because adding a term writes into them. */
  arrays(): VocabularyArrays {
    return { terms: this.terms.slice(), termHash: this.termHash.slice(0, this.terms.length), table: this.table.slice() };
  }

  private insert(term: string, h: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.termHash = growInt32(this.termHash, id + 1);
    this.termHash[id] = h;
    if ((id + 1) * 2 > this.table.length) this.rehash();
    this.place(this.table, id);
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    // The newest term is placed by insert().
    for (let id = 0; id < this.terms.length - 1; id++) this.place(table, id);
    this.table = table;
  }

  private place(table: Int32Array, id: number): void {
    const mask = table.length - 1;
    let pos = readInt32(this.termHash, id) & mask;
    while (table[pos] !== 0) pos = (pos + 1) & mask;
    table[pos] = id + 1;
  }
}
