// The query splitter and key table that the core's parser and the renderer's search-box edits share.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QUERY_KEY_ALIASES, bareKey, queryKeyOf, splitQuery, type QueryPart } from '../../../electron/core/search/query-parser.js';

type Row = { name: string; input: string; expected: Array<Partial<QueryPart> & Pick<QueryPart, 'value'>> };

const rows: Row[] = [
  { name: 'empty', input: '', expected: [] },
  { name: 'whitespace only', input: ' \t\n ', expected: [] },
  { name: 'two words with their positions', input: ' deep  rl', expected: [{ start: 1, end: 5, value: 'deep' }, { start: 7, end: 9, value: 'rl' }] },
  { name: 'a key and its value', input: 'tag:ml', expected: [{ start: 0, end: 6, key: 'tag', value: 'ml', quoted: false }] },
  { name: 'key case is kept as typed', input: 'TAGS:ml', expected: [{ key: 'TAGS', value: 'ml' }] },
  { name: 'a quoted value keeps its spaces', input: 'tag:"to read" x', expected: [{ key: 'tag', value: 'to read', quoted: true, end: 13 }, { value: 'x', start: 14 }] },
  { name: 'an unterminated quote runs to the end', input: 'author:"geoffrey hin', expected: [{ key: 'author', value: 'geoffrey hin', quoted: true, unterminated: true, end: 20 }] },
  { name: 'a closed empty quote', input: '""', expected: [{ key: null, value: '', quoted: true, unterminated: false }] },
  { name: 'a leading minus negates', input: '-tag:x -word', expected: [{ negated: true, key: 'tag', value: 'x', start: 0 }, { negated: true, key: null, value: 'word', start: 7 }] },
  { name: 'a lone minus is a value', input: '- x', expected: [{ negated: false, value: '-' }, { value: 'x' }] },
  { name: 'a key with nothing after it is a plain value', input: 'tag: x', expected: [{ key: null, value: 'tag:' }, { value: 'x' }] },
  { name: 'a key before a space-free quote', input: 'tag:"a"b', expected: [{ key: 'tag', value: 'a', end: 7 }, { value: 'b', start: 7 }] },
  { name: 'digits are no key', input: 'h2o:x 10:30', expected: [{ key: null, value: 'h2o:x' }, { key: null, value: '10:30' }] },
  { name: 'a URL scheme reads as a key', input: 'https://doi.org/10.1/x', expected: [{ key: 'https', value: '//doi.org/10.1/x' }] },
  { name: 'tag: inside a quoted phrase is not a filter', input: '"see tag:x"', expected: [{ key: null, value: 'see tag:x', quoted: true }] },
  { name: 'unicode spaces separate', input: 'a\u00a0b', expected: [{ value: 'a' }, { value: 'b' }] },
];

test('splitQuery: parts, positions, quotes and negation', async (t) => {
  for (const { name, input, expected } of rows) {
    await t.test(name, () => {
      const parts = splitQuery(input);
      assert.equal(parts.length, expected.length, JSON.stringify(parts));
      expected.forEach((want, k) => {
        const got = parts[k] as QueryPart;
        for (const [field, value] of Object.entries(want)) assert.deepEqual(got[field as keyof QueryPart], value, `${field} of part ${k}`);
        // Every part's text is the input's slice at its positions.
        assert.ok(input.slice(got.start, got.end).includes(got.value), `part ${k} lies at ${got.start}..${got.end}`);
      });
    });
  }
});

test('queryKeyOf: every alias in any case names its key; nothing else does', async (t) => {
  const cases: Array<{ typed: string; expected: string | undefined }> = [
    ...Object.entries(QUERY_KEY_ALIASES).flatMap(([key, aliases]) => aliases.flatMap((alias) => [
      { typed: alias, expected: key },
      { typed: alias.toUpperCase(), expected: key },
    ])),
    { typed: 'tga', expected: undefined },
    { typed: '', expected: undefined },
    { typed: 'constructor', expected: undefined },
    { typed: 'toString', expected: undefined },
    { typed: 'https', expected: undefined },
  ];
  for (const { typed, expected } of cases) {
    await t.test(JSON.stringify(typed), () => assert.equal(queryKeyOf(typed), expected));
  }
});

test('bareKey: a known key typed alone, unquoted', async (t) => {
  const cases: Array<{ input: string; expected: { key: string; kind: string } | null }> = [
    { input: 'tag:', expected: { key: 'tag', kind: 'tag' } },
    { input: '-By:', expected: { key: 'by', kind: 'author' } },
    { input: 'saved:', expected: { key: 'saved', kind: 'saved' } },
    { input: 'tga:', expected: null },
    { input: '"tag:"', expected: null },
    { input: 'tag:x', expected: null },
    { input: 'tag', expected: null },
  ];
  for (const { input, expected } of cases) {
    await t.test(input, () => assert.deepEqual(bareKey(splitQuery(input)[0] as QueryPart), expected));
  }
});
