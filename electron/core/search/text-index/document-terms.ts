// Reading one document: each field is scanned once by char code. ASCII text is lower-cased and split on the fly,
// each word hashed as it is read and interned without allocating when known; text that is not ASCII (accents, CJK)
// is folded with the shared tokenizer, so index, query and highlighter agree on what a word is.
import { TEXT_FIELDS, type TextField } from '../plan.js';
import { tokenizeTerms } from '../tokenize.js';
import { FIELD_BIT, TF_MAX, TF_SHIFT } from './field-scores.js';
import { growInt32, readInt32 } from './typed-arrays.js';
import { HASH_START, hashStep, type Vocabulary } from './vocabulary.js';

/** The distinct terms of the document last read, each with its packed info (fields | abstract tf << TF_SHIFT). */
export class DocumentTerms {
  /** Term ids in the order first seen; [0, count) is the document's. */
  ids: Int32Array = new Int32Array(1024);
  count = 0;
  /** Packed info by term id: non-zero only for the document's terms, until clear(). */
  private info: Int32Array = new Int32Array(4096);

  constructor(private readonly vocabulary: Vocabulary) {}

  read(fields: Record<TextField, string>): void {
    this.count = 0;
    for (const field of TEXT_FIELDS) {
      const text = fields[field];
      if (text !== '') this.readField(text, FIELD_BIT[field], field === 'abstract');
    }
  }

  infoOf(id: number): number {
    return readInt32(this.info, id);
  }

  /** Forgets the document (its infos are zeroed term by term, not the whole array). */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.info[readInt32(this.ids, i)] = 0;
    this.count = 0;
  }

  private readField(text: string, bit: number, isAbstract: boolean): void {
    const n = text.length;
    let h = HASH_START;
    let start = -1;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c > 127) {
        this.readFieldFolded(text.slice(start >= 0 ? start : i), bit, isAbstract);
        return;
      }
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          h = HASH_START;
        }
        h = hashStep(h, c);
      } else if (start >= 0) {
        this.touch(this.vocabulary.internAscii(text, start, i, h), bit, isAbstract);
        start = -1;
      }
    }
    if (start >= 0) this.touch(this.vocabulary.internAscii(text, start, n, h), bit, isAbstract);
  }

  /**
   * The rest of a field from the word holding its first non-ASCII char (words before it are counted already),
   * through the shared folding tokenizer. Splitting there folds no word differently from folding the whole text.
   */
  private readFieldFolded(rest: string, bit: number, isAbstract: boolean): void {
    for (const term of tokenizeTerms(rest)) this.touch(this.vocabulary.intern(term), bit, isAbstract);
  }

  private touch(id: number, bit: number, isAbstract: boolean): void {
    if (id >= this.info.length) this.info = growInt32(this.info, id + 1);
    let info = readInt32(this.info, id);
    if (info === 0) {
      this.ids = growInt32(this.ids, this.count + 1);
      this.ids[this.count++] = id;
    }
    info |= bit;
    if (isAbstract && info >> TF_SHIFT < TF_MAX) info += 1 << TF_SHIFT;
    this.info[id] = info;
  }
}
