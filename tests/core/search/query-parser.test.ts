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
      if (row.errors !== undefined) assert.equal(parsed.errors.length, row.errors, parsed.errors.join(' | '));
      if (row.errorIncludes) assert.ok(parsed.errors.some((e) => e.includes(row.errorIncludes as string)), parsed.errors.join(' | '));
    });
  }

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
