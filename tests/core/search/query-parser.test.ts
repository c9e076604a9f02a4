import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseQuery } from '../../../electron/core/search/index.js';
import type { ParsedQuery, QueryFilter } from '../../../electron/core/search/index.js';

interface Row {
  name: string;
  query: string;
  terms?: string[];
  partial?: string[];
  excluded?: string[];
  filters?: QueryFilter[];
  /** Free-text clauses: each clause's alternatives, each alternative's terms joined by a space. */
  clauses?: string[][];
  /** OR groups of filters, each filter written back as `key:value`. */
  alternatives?: string[][];
  saved?: string[];
  /** Unquoted tag runs: [the filter as typed, the following words]. */
  tagRuns?: Array<[string, string]>;
  errors?: number;
  errorIncludes?: string;
}

const rows: Row[] = [
  { name: 'empty', query: '', terms: [], filters: [], errors: 0 },
  { name: 'free words are folded and lower-cased', query: 'Léonard DISTIL', terms: ['leonard', 'distil'], partial: ['distil'] },
  { name: 'trailing space: last word finished', query: 'distil ', terms: ['distil'], partial: [] },
  { name: 'punctuation splits words', query: 'Best-of-N', terms: ['best', 'of', 'n'] },
  { name: 'ß folds to ss', query: 'Straße', terms: ['strasse'] },
  { name: 'tag', query: 'tag:RLHF', terms: [], filters: [{ kind: 'tag', value: 'rlhf', negated: false }] },
  { name: 'quoted tag', query: 'tag:"to read" x', terms: ['x'], filters: [{ kind: 'tag', value: 'to read', negated: false }] },
  { name: 'author quoted', query: 'author:"van der Berg"', filters: [{ kind: 'author', value: 'van der berg', negated: false }] },
  { name: 'author accented', query: 'author:Léonard', filters: [{ kind: 'author', value: 'leonard', negated: false }] },
  { name: 'year single', query: 'year:2021', filters: [{ kind: 'year', from: 2021, to: 2021, negated: false }] },
  { name: 'year range', query: 'year:2020..2024', filters: [{ kind: 'year', from: 2020, to: 2024, negated: false }] },
  { name: 'year open end', query: 'year:2020..', filters: [{ kind: 'year', from: 2020, to: null, negated: false }] },
  { name: 'year open start', query: 'year:..2019', filters: [{ kind: 'year', from: null, to: 2019, negated: false }] },
  { name: 'cat', query: 'cat:LG', filters: [{ kind: 'cat', value: 'lg', negated: false }] },
  { name: 'category alias', query: 'category:cs.LG', filters: [{ kind: 'cat', value: 'cs.lg', negated: false }] },
  { name: 'status', query: 'status:Read', filters: [{ kind: 'status', value: 'read', negated: false }] },
  { name: 'profile', query: 'profile:hussenot', filters: [{ kind: 'profile', value: 'hussenot', negated: false }] },
  { name: 'negated tag', query: '-tag:rlhf', filters: [{ kind: 'tag', value: 'rlhf', negated: true }] },
  { name: 'negated word', query: 'gemma -gemini', terms: ['gemma'], excluded: ['gemini'] },
  { name: 'quoted free text is exact', query: '"best of"', terms: ['best', 'of'], partial: [] },
  { name: 'malformed year', query: 'year:20x gemma', terms: ['gemma'], filters: [], errors: 1, errorIncludes: 'year:20x is not a year' },
  { name: 'inverted range', query: 'year:2024..2020', filters: [], errors: 1, errorIncludes: 'empty range' },
  { name: 'bad status', query: 'status:maybe', filters: [], errors: 1, errorIncludes: 'not a reading status' },
  { name: 'unknown key becomes text and an error', query: 'foo:bar', terms: ['foo', 'bar'], errors: 1, errorIncludes: '"foo:" is not a filter' },
  { name: 'key with space after colon is text', query: 'BOND: aligning', terms: ['bond', 'aligning'], errors: 0 },
  { name: 'empty quoted value', query: 'tag:""', filters: [], errors: 1, errorIncludes: 'tag: needs a tag name' },
  { name: 'unterminated quote runs to end', query: 'author:"van der', filters: [{ kind: 'author', value: 'van der', negated: false }] },
  { name: 'lone dash is ignored', query: '- gemma', terms: ['gemma'], excluded: [] },
  // Keys with no value: one message per key, nothing searched for them.
  { name: 'tag: alone', query: 'tag:', terms: [], filters: [], errors: 1, errorIncludes: 'tag: needs a tag name' },
  { name: 'tag: then words', query: 'tag: ml', terms: ['ml'], filters: [], errors: 1, errorIncludes: 'tag: needs a tag name' },
  { name: 'author: alone, any case', query: 'Author: x', terms: ['x'], errors: 1, errorIncludes: 'author: needs an author name' },
  { name: 'by: alias alone', query: 'by:', errors: 1, errorIncludes: 'by: needs an author name' },
  { name: 'year: alone', query: 'year:', errors: 1, errorIncludes: 'year: needs a year' },
  { name: 'cat: alone', query: 'cat:', errors: 1, errorIncludes: 'cat: needs a category' },
  { name: 'status: alone', query: 'status:', errors: 1, errorIncludes: 'status: needs a reading status' },
  { name: 'profile: alone', query: 'profile:', errors: 1, errorIncludes: 'profile: needs a profile name' },
  { name: 'saved: alone', query: 'saved:', errors: 1, errorIncludes: 'saved: needs a saved search name' },
  { name: 'negated key alone', query: '-tag: gemma', terms: ['gemma'], excluded: [], errors: 1, errorIncludes: '-tag: needs a tag name' },
  { name: 'empty quoted author', query: 'author:"  "', filters: [], errors: 1, errorIncludes: 'author: needs an author name' },
  { name: 'unknown key alone stays text', query: 'BOND:', terms: ['bond'], errors: 0 },
  // OR
  { name: 'OR between words', query: 'gemma OR gemini', terms: ['gemma', 'gemini'], clauses: [['gemma', 'gemini']], errors: 0 },
  { name: 'OR binds tighter than AND', query: 'deep rl OR bandits policy', clauses: [['deep'], ['rl', 'bandits'], ['policy']], errors: 0 },
  { name: 'OR chain', query: 'a1 OR b2 OR c3', clauses: [['a1', 'b2', 'c3']] },
  { name: 'OR with a quoted phrase', query: '"best of" OR bond', clauses: [['best of', 'bond']] },
  { name: 'lower-case or is a word', query: 'gemma or gemini', terms: ['gemma', 'or', 'gemini'], clauses: [['gemma'], ['or'], ['gemini']] },
  { name: 'quoted "OR" is a word', query: 'gemma "OR" gemini', clauses: [['gemma'], ['or'], ['gemini']] },
  { name: 'OR at the end is a word (still typing)', query: 'gemma OR', clauses: [['gemma'], ['or']], errors: 0 },
  { name: 'OR at the start is a word', query: 'OR gemma', clauses: [['or'], ['gemma']], errors: 0 },
  { name: 'OR alone is a word', query: 'OR', terms: ['or'] },
  { name: 'OR OR: the second is a word', query: 'a1 OR OR b2', clauses: [['a1', 'or'], ['b2']] },
  {
    name: 'OR between tags',
    query: 'tag:ml OR tag:bio',
    terms: [],
    filters: [
      { kind: 'tag', value: 'ml', negated: false },
      { kind: 'tag', value: 'bio', negated: false },
    ],
    alternatives: [['tag:ml', 'tag:bio']],
    errors: 0,
  },
  { name: 'OR between filters of two kinds', query: 'tag:ml OR author:hussenot', alternatives: [['tag:ml', 'author:hussenot']], errors: 0 },
  { name: 'OR between a word and a filter is AND, reported', query: 'gemma OR tag:ml', clauses: [['gemma']], alternatives: [], filters: [{ kind: 'tag', value: 'ml', negated: false }], errors: 1, errorIncludes: 'OR joins two words or two filters' },
  { name: 'OR with an excluded word is AND, reported', query: 'gemma OR -gemini', clauses: [['gemma']], excluded: ['gemini'], errors: 1, errorIncludes: '"gemma OR -gemini"' },
  { name: 'OR with a negated filter is AND, reported', query: 'tag:a OR -tag:b', alternatives: [], errors: 1, errorIncludes: 'OR joins' },
  { name: 'OR next to a broken filter keeps the other side', query: 'year:20x OR tag:ml', filters: [{ kind: 'tag', value: 'ml', negated: false }], alternatives: [], errors: 1 },
  // Exclusion
  { name: 'excluded phrase excludes its words', query: 'gemma -"open models"', terms: ['gemma'], excluded: ['open', 'models'] },
  { name: 'excluded author', query: '-author:hussenot', filters: [{ kind: 'author', value: 'hussenot', negated: true }] },
  // saved:
  { name: 'saved search', query: 'saved:weekly gemma', terms: ['gemma'], saved: ['weekly'], errors: 0 },
  { name: 'quoted saved search', query: 'saved:"To Read Soon"', saved: ['To Read Soon'] },
  { name: 'excluded saved search is refused', query: '-saved:x', saved: [], errors: 1, errorIncludes: 'cannot be excluded' },
  // tag:to read: the engine decides (it knows the tags); the parser keeps the words after an unquoted tag.
  { name: 'unquoted tag then words', query: 'tag:to read later', filters: [{ kind: 'tag', value: 'to', negated: false }], terms: ['read', 'later'], tagRuns: [['tag:to', 'read later']], errors: 0 },
  { name: 'quoted tag has no run', query: 'tag:"to" read', tagRuns: [] },
  { name: 'run stops at a filter or OR', query: '-tag:to read year:2020 x', tagRuns: [['-tag:to', 'read']] },
  {
    name: 'combo',
    query: 'author:hussenot year:2021..2024 distillation',
    terms: ['distillation'],
    filters: [
      { kind: 'author', value: 'hussenot', negated: false },
      { kind: 'year', from: 2021, to: 2024, negated: false },
    ],
    errors: 0,
  },
];

describe('parseQuery', () => {
  for (const row of rows) {
    test(row.name, () => {
      const parsed: ParsedQuery = parseQuery(row.query);
      if (row.terms) assert.deepEqual(parsed.terms.map((t) => t.term), row.terms);
      if (row.partial) assert.deepEqual(parsed.terms.filter((t) => t.partial).map((t) => t.term), row.partial);
      if (row.excluded) assert.deepEqual(parsed.excludedTerms, row.excluded);
      if (row.filters) assert.deepEqual(parsed.filters, row.filters);
      if (row.clauses) assert.deepEqual(parsed.clauses.map((clause) => clause.map((alt) => alt.map((t) => t.term).join(' '))), row.clauses);
      if (row.alternatives) {
        const shown = (f: QueryFilter): string => (f.kind === 'year' ? `year:${f.from}..${f.to}` : `${f.kind}:${f.value}`);
        assert.deepEqual(parsed.filterAlternatives.map((group) => group.map(shown)), row.alternatives);
        for (const group of parsed.filterAlternatives) for (const f of group) assert.ok(parsed.filters.includes(f), 'grouped filters are listed in filters too');
      }
      if (row.saved) assert.deepEqual(parsed.saved, row.saved);
      if (row.tagRuns) assert.deepEqual(parsed.unquotedTagRuns.map((r) => [r.shown, r.following.join(' ')]), row.tagRuns);
      if (row.errors !== undefined) assert.equal(parsed.errors.length, row.errors, parsed.errors.join(' | '));
      if (row.errorIncludes) assert.ok(parsed.errors.some((e) => e.includes(row.errorIncludes as string)), parsed.errors.join(' | '));
    });
  }

  test('OR alternatives keep the flags of their terms (the last one still being typed is partial)', () => {
    const parsed = parseQuery('gemma OR "open models" OR gem');
    assert.deepEqual(
      parsed.clauses[0]?.map((alt) => alt.map((t) => [t.term, t.exact, t.partial])),
      [[['gemma', false, false]], [['open', true, false], ['models', true, false]], [['gem', false, true]]],
    );
  });

  test('quoted terms are marked exact, stopwords are flagged', () => {
    const parsed = parseQuery('"best of" the');
    assert.deepEqual(
      parsed.terms.map((t) => [t.term, t.exact, t.stopword]),
      [
        ['best', true, false],
        ['of', true, true],
        ['the', false, true],
      ],
    );
  });
});
