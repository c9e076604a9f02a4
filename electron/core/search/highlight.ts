// Highlight ranges for one document. Runs the same tokenizer and match rules as the index over the original
// field text, so ranges are in the original (accented) string: a prefix match covers the original chars that
// folded into the prefix ("Léo" for "leo", "Straß" for "strass"), a whole-word match covers the word.
import type { FieldMatches } from '../api.js';
import type { MatchRange } from '../model.js';
import { wordSequenceAt } from './filters.js';
import type { TextField, TermRule } from './plan.js';
import { matchWord } from './plan.js';
import type { QueryFilter } from './query-parser.js';
import { normalizeTag } from './query-parser.js';
import { originalPrefixEnd, tokenizeTerms, tokenizeWithOffsets } from './tokenize.js';
import type { Token } from './tokenize.js';

export interface HighlightDoc {
  title: string;
  authors: string[];
  orgs: string[];
  abstract: string;
  tags: string[];
  note: string;
}

/** Sorted, with overlapping and touching ranges merged. */
export function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

type How = ReturnType<typeof matchWord>;
/**
 * matchWord per (rule, word), remembered per rule object: a page highlights ~50 papers with the same rules
 * (the engine reuses them per query), and abstract words repeat, so each distinct word is judged once.
 */
const verdicts = new WeakMap<TermRule, Map<string, How>>();
const MEMO_LIMIT = 50_000;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Tokens of short non-ASCII texts (names, titles, tags), remembered across queries: the exact tokenizer
 * tests each char against Unicode regexes, and a page's rows show the same accented names query after
 * query (every keystroke). Abstracts are not kept (long, and rows do not show them).
 */
const tokenCache = new Map<string, Token[]>();
const TOKEN_CACHE_LIMIT = 20_000;
const TOKEN_CACHE_MAX_TEXT = 256;

function tokensOf(text: string): Token[] {
  if (text.length > TOKEN_CACHE_MAX_TEXT) return tokenizeWithOffsets(text);
  let tokens = tokenCache.get(text);
  if (tokens === undefined) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokens = tokenizeWithOffsets(text);
    tokenCache.set(text, tokens);
  }
  return tokens;
}

function memoOf(rule: TermRule): Map<string, How> {
  let memo = verdicts.get(rule);
  if (memo === undefined) verdicts.set(rule, (memo = new Map()));
  return memo;
}

/** Per typo rule with an ASCII term: how many times each char code (< 128) occurs in the term. */
const termCounts = new WeakMap<TermRule, Int32Array | null>();
const bagScratch = new Int32Array(128);

/**
 * True when the ASCII word text[start, end) certainly is not within the rule's edit distance: the bag
 * distance (chars of one the other lacks, as multisets) is a lower bound of the Levenshtein distance. Lets
 * the row scan skip most same-length words of a typo rule without making a string of them.
 */
function bagDistanceExceeds(rule: TermRule, text: string, start: number, end: number): boolean {
  let counts = termCounts.get(rule);
  if (counts === undefined) {
    counts = ASCII_ONLY.test(rule.term) ? new Int32Array(128) : null;
    if (counts !== null) {
      for (let k = 0; k < rule.term.length; k++) {
        const c = rule.term.charCodeAt(k);
        counts[c] = (counts[c] as number) + 1;
      }
    }
    termCounts.set(rule, counts);
  }
  if (counts === null) return false;
  const used = bagScratch;
  let common = 0;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    if ((used[c] as number) < (counts[c] as number)) {
      used[c] = (used[c] as number) + 1;
      common++;
    }
  }
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    used[c] = 0;
  }
  return Math.max(rule.term.length - common, end - start - common) > rule.fuzzy;
}

function rangesIn(text: string, rules: readonly TermRule[], field: TextField): MatchRange[] {
  if (text === '') return [];
  const applicable = rules.filter((r) => r.fields === null || r.fields.includes(field));
  if (applicable.length === 0) return [];
  const memos = applicable.map(memoOf);
  const ranges: MatchRange[] = [];
  if (ASCII_ONLY.test(text)) {
    // The common case (abstracts): scan words in place; a word becomes a string only when some rule could
    // match it (same first char, or within a typo rule's length window). Same tokens as tokenizeWithOffsets.
    const firsts = applicable.map((rule) => rule.term.charCodeAt(0));
    const n = text.length;
    let start = -1;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
        if (start < 0) start = i;
        continue;
      }
      if (start < 0) continue;
      const len = i - start;
      let c0 = text.charCodeAt(start);
      if (c0 >= 65 && c0 <= 90) c0 += 32;
      let word: string | null = null;
      for (let r = 0; r < applicable.length; r++) {
        const rule = applicable[r] as TermRule;
        if (c0 !== firsts[r] && (rule.fuzzy === 0 || Math.abs(len - rule.term.length) > rule.fuzzy || bagDistanceExceeds(rule, text, start, i))) continue;
        word ??= text.slice(start, i).toLowerCase();
        const memo = memos[r] as Map<string, How>;
        let how = memo.get(word);
        if (how === undefined) {
          how = matchWord(rule, word);
          if (memo.size < MEMO_LIMIT) memo.set(word, how);
        }
        if (how === null) continue;
        ranges.push([start, how === 'prefix' && rule.term.length < len ? start + Math.max(1, rule.term.length) : i]);
      }
      start = -1;
    }
    return ranges.length > 1 ? mergeRanges(ranges) : ranges;
  }
  for (const token of tokensOf(text)) {
    for (let r = 0; r < applicable.length; r++) {
      const rule = applicable[r] as TermRule;
      // Cheap rejection before the memo: an exact or prefix match starts with the same char, a typo match
      // is within `fuzzy` of the length.
      if (token.term.charCodeAt(0) !== rule.term.charCodeAt(0) && (rule.fuzzy === 0 || Math.abs(token.term.length - rule.term.length) > rule.fuzzy)) continue;
      const memo = memos[r] as Map<string, How>;
      let how = memo.get(token.term);
      if (how === undefined) {
        how = matchWord(rule, token.term);
        if (memo.size < MEMO_LIMIT) memo.set(token.term, how);
      }
      if (how === null) continue;
      const end = how === 'prefix' ? originalPrefixEnd(token, rule.term.length) : token.end;
      ranges.push([token.start, end]);
    }
  }
  return ranges.length > 1 ? mergeRanges(ranges) : ranges;
}

function perItem(items: readonly string[], rangesFor: (item: string) => MatchRange[]): Array<{ index: number; ranges: MatchRange[] }> {
  const out: Array<{ index: number; ranges: MatchRange[] }> = [];
  items.forEach((item, index) => {
    const ranges = rangesFor(item);
    if (ranges.length > 0) out.push({ index, ranges });
  });
  return out;
}

/** Ranges of an author name matched by an `author:` filter value (the words of the sequence). */
function authorFilterRanges(name: string, needles: readonly string[][]): MatchRange[] {
  if (needles.length === 0) return [];
  const tokens = tokensOf(name);
  const words = tokens.map((t) => t.term);
  const ranges: MatchRange[] = [];
  for (const needle of needles) {
    const at = wordSequenceAt(words, needle);
    if (at === -1) continue;
    needle.forEach((want, k) => {
      const token = tokens[at + k];
      if (token === undefined) return;
      const end = k === needle.length - 1 ? originalPrefixEnd(token, want.length) : token.end;
      ranges.push([token.start, end]);
    });
  }
  return ranges;
}

/**
 * Which fields to mark: 'all' for the open paper, 'row' for a list row, which shows only title, authors and
 * tags — skipping the abstract there saves three quarters of a results page's highlighting time at 100k.
 */
export type HighlightFields = 'all' | 'row';

/** Whether a tag: value of the query names this (normalized) tag or a tag above it. */
function isTagMatched(tag: string, values: ReadonlySet<string>): boolean {
  if (values.has(tag)) return true;
  for (let slash = tag.indexOf('/'); slash !== -1; slash = tag.indexOf('/', slash + 1)) if (values.has(tag.slice(0, slash))) return true;
  return false;
}

export function highlight(
  doc: HighlightDoc,
  rules: readonly TermRule[],
  filters: readonly QueryFilter[],
  fields: HighlightFields = 'all',
): FieldMatches {
  const positive = filters.filter((f) => !f.negated);
  const authorNeedles = positive.flatMap((f) => (f.kind === 'author' ? [tokenizeTerms(f.value)] : []));
  const tagValues = new Set(positive.flatMap((f) => (f.kind === 'tag' ? [f.value] : [])));

  const result: FieldMatches = {};
  const title = rangesIn(doc.title, rules, 'title');
  if (title.length > 0) result.title = title;
  // Without an author: filter the name's own ranges are already sorted and merged.
  const authors = perItem(doc.authors, (name) =>
    authorNeedles.length === 0 ? rangesIn(name, rules, 'authors') : mergeRanges([...rangesIn(name, rules, 'authors'), ...authorFilterRanges(name, authorNeedles)]),
  );
  if (authors.length > 0) result.authors = authors;
  if (fields === 'all') {
    const orgs = perItem(doc.orgs, (org) => rangesIn(org, rules, 'orgs'));
    if (orgs.length > 0) result.orgs = orgs;
    const abstract = rangesIn(doc.abstract, rules, 'abstract');
    if (abstract.length > 0) result.abstract = abstract;
    const note = rangesIn(doc.note, rules, 'note');
    if (note.length > 0) result.note = note;
  }
  // A tag named by tag: (or under one: `ml/rl` for tag:ml) is highlighted whole.
  const tags = perItem(doc.tags, (tag) => (tagValues.size > 0 && isTagMatched(normalizeTag(tag), tagValues) ? [[0, tag.length] as const] : rangesIn(tag, rules, 'tags')));
  if (tags.length > 0) result.tags = tags;
  return result;
}
