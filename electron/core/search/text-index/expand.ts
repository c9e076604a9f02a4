// A query rule expanded to the terms it matches: the exact word, the words it starts (prefix), the words within
// its typo distance; each term weighted by how well it matches times its idf, the rule costed by its postings.
import type { TermRule } from '../plan.js';
import type { Dictionary } from './dictionary.js';
import { fieldMaskOf } from './field-scores.js';
import type { DeltaList, Postings } from './postings.js';
import type { Vocabulary } from './vocabulary.js';

/** One term of a rule: its id, match quality × idf, and its postings added since the block was built. */
export interface PlannedTerm {
  id: number;
  weight: number;
  delta: DeltaList | undefined;
}

/** A rule expanded: its terms, its total postings (what reading it costs) and the fields it may match in. */
export interface Plan {
  terms: PlannedTerm[];
  cost: number;
  fieldMask: number;
}

/** Weight of a prefix match: by how much of the word the query covers. An exact match weighs 1. */
function prefixQuality(queryLength: number, wordLength: number): number {
  return 0.45 + 0.4 * (queryLength / wordLength);
}
/** Weight of a typo match by edit distance. */
const FUZZY_QUALITY = [1, 0.4, 0.25];

export interface ExpandContext {
  vocabulary: Vocabulary;
  dictionary: Dictionary;
  postings: Postings;
  liveDocs: number;
}

/**
 * Typo matches first (few: words of 5+ letters), then the exact term and the prefix range, each term taking the
 * best quality it is offered. "r" expands to ~12k terms: nothing is allocated per sorted term.
 */
export function expandRule(rule: TermRule, { vocabulary, dictionary, postings, liveDocs }: ExpandContext): Plan {
  dictionary.maybeResort();
  let fuzzy: Map<number, number> | null = null;
  if (rule.fuzzy > 0) {
    const found = new Map<number, number>();
    dictionary.forFuzzy(rule.term, rule.fuzzy, (id, distance) => {
      const q = FUZZY_QUALITY[distance] ?? 0.2;
      if (q > (found.get(id) ?? 0)) found.set(id, q);
    });
    if (found.size > 0) fuzzy = found;
  }
  const plan: Plan = { terms: [], cost: 0, fieldMask: fieldMaskOf(rule.fields) };
  const take = (id: number, quality: number): void => {
    const n = postings.count(id);
    if (n === 0) return; // a word that only dead versions had
    // idf over postings live or dead, against the live documents
    plan.terms.push({ id, weight: quality * Math.log(1 + liveDocs / (n + 0.5)), delta: postings.deltaOf(id) });
    plan.cost += n;
  };
  const exact = vocabulary.lookup(rule.term);
  let exactTaken = exact < 0;
  /** The best quality offered to a term of the prefix range (exact and typo matches beat a prefix). */
  const prefixTermQuality = (id: number, wordLength: number): number => {
    let q = prefixQuality(rule.term.length, wordLength);
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
    return q;
  };
  if (rule.prefix) {
    const { from, to } = dictionary.prefixRange(rule.term);
    for (let i = from; i < to; i++) {
      const id = dictionary.idAt(i);
      take(id, prefixTermQuality(id, dictionary.lengthAt(i)));
    }
    dictionary.forUnsorted((id, word) => {
      if (word.startsWith(rule.term)) take(id, prefixTermQuality(id, word.length));
    });
  }
  if (!exactTaken) {
    // distance 0 is quality 1 too, so a typo match of the exact term changes nothing
    fuzzy?.delete(exact);
    take(exact, 1);
  }
  if (fuzzy !== null) for (const [id, q] of fuzzy) take(id, q);
  return plan;
}
