// What a posting says and what it is worth: the fields that hold the term (a bit each) and the abstract's term
// frequency, packed in 16 bits, and the precomputed score of every packed value.
import { TEXT_FIELDS, type TextField } from '../plan.js';

/** Field boosts: who wrote it and what it is called matter most; the user's own words next; abstract last. */
export const FIELD_BOOST: Record<TextField, number> = { title: 4, authors: 4, tags: 2.5, note: 2, orgs: 1.5, abstract: 1 };

export const FIELD_BIT: Record<TextField, number> = { title: 1, authors: 2, orgs: 4, abstract: 8, tags: 16, note: 32 };
export const ALL_FIELDS = 63;
/** The abstract's term frequency sits above the field bits, saturating at TF_MAX. */
export const TF_SHIFT = 6;
export const TF_MAX = 15;

/**
 * Score of one posting, indexed by its packed info (field mask | abstract term frequency << 6): the sum of
 * the boosts of the fields holding the term, the abstract's saturating with repetition (BM25-style k=1.2).
 */
export const FIELD_SCORE: Float64Array = (() => {
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

/** The field bits a rule may match in (null: every field). */
export function fieldMaskOf(fields: readonly TextField[] | null): number {
  return fields === null ? ALL_FIELDS : fields.reduce((mask, f) => mask | FIELD_BIT[f], 0);
}
