// Turns parsed free-text terms into match rules: which terms count, and how loosely each may match. Shared
// by the engine (what the index is asked) and the highlighter (what gets marked), so they cannot disagree.
import type { QueryTerm } from './query-parser.js';
import { isUnspacedScriptTerm } from './tokenize.js';

export const TEXT_FIELDS = ['title', 'authors', 'orgs', 'abstract', 'tags', 'note'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Where a one-letter prefix is allowed to look: the fields people type names into. */
export const SHORT_FIELDS: readonly TextField[] = ['title', 'authors', 'tags'];

export interface TermRule {
  term: string;
  /** The term may be the start of a longer word. */
  prefix: boolean;
  /** Maximum edit distance to a whole word (editDistanceWithin: Levenshtein + adjacent swaps); 0 = none. */
  fuzzy: number;
  /** null = every text field. */
  fields: readonly TextField[] | null;
}

/**
 * Typo tolerance grows with length: short words have too many neighbours ("gan" ~ "can", "man"), so
 * under 5 letters only exact and prefix; 5–8 letters one edit; 9+ two. Strict on purpose: gibberish must
 * find nothing.
 */
export function fuzzyFor(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/**
 * Stopwords count only when the query has nothing else ("the" alone still searches). A one-letter word
 * still being typed at the end is dropped when other words exist — otherwise "reinforcement l" would
 * demand a word "l" and flash an empty list mid-keystroke; alone, it is a prefix over titles, authors
 * and tags. Han/kana characters are words of their own and always count.
 */
export function planTerms(terms: readonly QueryTerm[]): TermRule[] {
  const content = terms.filter((t) => !t.stopword);
  const kept = content.length > 0 ? content : [...terms];
  const rules: TermRule[] = [];
  for (const t of kept) {
    const length = [...t.term].length;
    if (t.exact) {
      rules.push({ term: t.term, prefix: false, fuzzy: 0, fields: null });
    } else if (length === 1 && !isUnspacedScriptTerm(t.term)) {
      if (!t.partial) rules.push({ term: t.term, prefix: false, fuzzy: 0, fields: null });
      else if (kept.length === 1) rules.push({ term: t.term, prefix: true, fuzzy: 0, fields: SHORT_FIELDS });
      // else: an unfinished one-letter word next to others; ignore it until it grows.
    } else if (length === 1) {
      rules.push({ term: t.term, prefix: false, fuzzy: 0, fields: null });
    } else {
      rules.push({ term: t.term, prefix: true, fuzzy: fuzzyFor(length), fields: null });
    }
  }
  return rules;
}

/**
 * Bounded edit distance (optimal string alignment): Levenshtein, plus two adjacent letters swapped counting as
 * one edit ("zeloite" → "zeolite" is 1, not 2) — the commonest typing slip. Returns max + 1 as soon as the
 * distance must exceed `max`. The index's typo walk (text-index/dictionary.ts forFuzzy) computes the same distance.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    // Safe with transpositions too: a row's minimum is at most one more than the previous row's, so a swap
    // (two rows back, plus one) cannot bring the distance back under max once a row exceeds it.
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** How a rule matches one folded word: 'exact' | 'prefix' (covering `term.length` chars) | 'fuzzy' | null. */
export function matchWord(rule: TermRule, word: string): 'exact' | 'prefix' | 'fuzzy' | null {
  if (word === rule.term) return 'exact';
  if (rule.prefix && word.startsWith(rule.term)) return 'prefix';
  if (rule.fuzzy > 0 && editDistanceWithin(rule.term, word, rule.fuzzy) <= rule.fuzzy) return 'fuzzy';
  return null;
}
