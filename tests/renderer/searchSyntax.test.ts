import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILTER_HELP, filterToken, hasFreeText, quotedTagFix, quoteValue, setFilter, type FilterKey } from '../../renderer/src/lib/searchSyntax.js';
import { parseQuery } from '../../electron/core/search/query-parser.js';
import { rng } from './helpers.js';

test('searchSyntax: quoteValue', async (t) => {
  const cases: Array<{ name: string; input: string; expected: string }> = [
    { name: 'one word', input: 'ml', expected: '"ml"' },
    { name: 'spaces kept', input: 'to read', expected: '"to read"' },
    { name: 'outer whitespace trimmed', input: '  to read \t', expected: '"to read"' },
    { name: 'quotes dropped (no escape in the language)', input: 'Ann "Annie" O"Neil', expected: '"Ann Annie ONeil"' },
    { name: 'only quotes', input: '""', expected: '""' },
    { name: 'quotes around spaces', input: '" x "', expected: '"x"' },
    { name: 'accents and emoji', input: 'José Núñez 🧪', expected: '"José Núñez 🧪"' },
    { name: 'colon and minus inside', input: '-tag:x', expected: '"-tag:x"' },
    { name: 'empty', input: '', expected: '""' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(quoteValue(input), expected));
  }
});

test('searchSyntax: filterToken', async (t) => {
  const cases: Array<{ name: string; input: [FilterKey, string]; expected: string }> = [
    { name: 'tag', input: ['tag', 'to read'], expected: 'tag:"to read"' },
    { name: 'author', input: ['author', 'Geoffrey Hinton'], expected: 'author:"Geoffrey Hinton"' },
    { name: 'profile with a quote', input: ['profile', 'Sabela "Sabi" Ramos'], expected: 'profile:"Sabela Sabi Ramos"' },
    { name: 'year', input: ['year', '2020..2024'], expected: 'year:"2020..2024"' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(filterToken(...input), expected));
  }
});

test('searchSyntax: setFilter appends the filter and keeps the rest (the same filter is not doubled)', async (t) => {
  const cases: Array<{ name: string; input: [string, FilterKey, string]; expected: string }> = [
    { name: 'empty search', input: ['', 'tag', 'ml'], expected: 'tag:"ml"' },
    { name: 'whitespace-only search', input: ['   ', 'tag', 'ml'], expected: 'tag:"ml"' },
    { name: 'appended after free text', input: ['transformers', 'tag', 'to read'], expected: 'transformers tag:"to read"' },
    { name: 'keeps another value of the key', input: ['tag:old transformers', 'tag', 'new'], expected: 'tag:old transformers tag:"new"' },
    { name: 'the same unquoted filter moves to the end', input: ['tag:ml transformers', 'tag', 'ML'], expected: 'transformers tag:"ML"' },
    { name: 'keeps a quoted filter of another value', input: ['tag:"to read" deep', 'tag', 'done'], expected: 'tag:"to read" deep tag:"done"' },
    { name: 'the same quoted filter is not doubled', input: ['tag:"to read" deep', 'tag', 'to read'], expected: 'deep tag:"to read"' },
    { name: 'every alias of the key counts as the same filter', input: ['tags:d x tag:"b c" y', 'tag', 'd'], expected: 'x tag:"b c" y tag:"d"' },
    { name: 'key is case-insensitive', input: ['TAG:Foo bar', 'tag', 'foo'], expected: 'bar tag:"foo"' },
    { name: 'keeps negated filters of the key', input: ['-tag:x foo', 'tag', 'y'], expected: '-tag:x foo tag:"y"' },
    { name: 'keeps other keys', input: ['author:hinton year:2020 tag:a', 'tag', 'b'], expected: 'author:hinton year:2020 tag:a tag:"b"' },
    { name: 'not inside a longer key', input: ['hashtag:foo', 'tag', 'x'], expected: 'hashtag:foo tag:"x"' },
    { name: 'unterminated quote is closed', input: ['deep tag:"to re', 'tag', 'x'], expected: 'deep tag:"to re" tag:"x"' },
    { name: 'an unclosed phrase is closed so it does not swallow the filter', input: ['"attention is', 'tag', 'x'], expected: '"attention is" tag:"x"' },
    { name: 'an unclosed quote after a key', input: ['deep author:"geoff', 'tag', 'x'], expected: 'deep author:"geoff" tag:"x"' },
    { name: 'dangling key with no value yet', input: ['deep tag:', 'tag', 'x'], expected: 'deep tag:"x"' },
    { name: 'collapses whitespace', input: ['  a \t  b  ', 'tag', 'x'], expected: 'a b tag:"x"' },
    { name: 'a second author is added (author aliases by:, authors:)', input: ['by:hinton deep authors:"Le Cun"', 'author', 'Geoffrey Hinton'], expected: 'by:hinton deep authors:"Le Cun" author:"Geoffrey Hinton"' },
    { name: 'the same author under an alias is not doubled', input: ['by:"Le Cun" deep', 'author', 'le cun'], expected: 'deep author:"le cun"' },
    { name: 'profile with spaces and quotes', input: ['profile:"Ann ONeil" x', 'profile', 'Ann O"Neil'], expected: 'x profile:"Ann ONeil"' },
    { name: 'category alias', input: ['category:LG x', 'cat', 'lg'], expected: 'x cat:"lg"' },
    { name: 'same value again: idempotent', input: ['x tag:"ml"', 'tag', 'ml'], expected: 'x tag:"ml"' },
    { name: 'a key inside a quoted phrase is text, not a filter', input: ['"deep tag:x" foo', 'tag', 'y'], expected: '"deep tag:x" foo tag:"y"' },
    { name: 'a key inside another filter’s quoted value is left alone', input: ['author:"a tag:b" z', 'tag', 'c'], expected: 'author:"a tag:b" z tag:"c"' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(setFilter(...input), expected));
  }
});

test('searchSyntax: what setFilter writes parses back to the intended filter in the core', async (t) => {
  const cases: Array<{ name: string; input: [string, FilterKey, string]; expected: { kind: string; value: string } }> = [
    { name: 'tag with spaces', input: ['deep', 'tag', 'To Read'], expected: { kind: 'tag', value: 'to read' } },
    { name: 'author with accents', input: ['', 'author', 'José Núñez'], expected: { kind: 'author', value: 'jose nunez' } },
    { name: 'profile with a quote inside', input: ['x', 'profile', 'Ann "A" Lee'], expected: { kind: 'profile', value: 'ann a lee' } },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      const parsed = parseQuery(setFilter(...input));
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(
        parsed.filters.map((f) => ({ kind: f.kind, value: 'value' in f ? f.value : '' })),
        [expected],
      );
    });
  }
});

test('searchSyntax: hasFreeText agrees with the core (free words → relevance order)', async (t) => {
  const cases: Array<{ name: string; input: string; expected: boolean }> = [
    { name: 'empty', input: '', expected: false },
    { name: 'whitespace', input: '  \t ', expected: false },
    { name: 'a word', input: 'deep', expected: true },
    { name: 'digits', input: '2024', expected: true },
    { name: 'accented / non-Latin words', input: 'é 日本', expected: true },
    { name: 'punctuation only', input: '--- ...', expected: false },
    { name: 'a filter', input: 'tag:x', expected: false },
    { name: 'a quoted filter with spaces', input: 'tag:"to read"', expected: false },
    { name: 'an unterminated quoted filter', input: 'author:"geoffrey hin', expected: false },
    { name: 'several filters', input: 'year:2020..2024 cat:LG status:read profile:"Sabela Ramos"', expected: false },
    { name: 'a filter plus a word', input: 'tag:x deep', expected: true },
    { name: 'a quoted phrase', input: '"exact words"', expected: true },
    { name: 'only an excluded word (the core has no text to rank by)', input: '-survey', expected: false },
    { name: 'only an excluded phrase', input: '-"related work"', expected: false },
    { name: 'excluded word plus a filter', input: 'tag:x -survey', expected: false },
    { name: 'excluded word plus a word', input: 'deep -survey', expected: true },
    { name: 'a negated filter', input: '-tag:x', expected: false },
    { name: 'an unknown key is searched as text by the core', input: 'tga:x', expected: true },
    { name: 'a lone minus', input: '- ', expected: false },
    { name: 'a key with no value is an error in the core, not text', input: 'tag: ', expected: false },
    { name: 'a key with no value then a word', input: 'tag: deep', expected: true },
    { name: 'OR between filters is an operator', input: 'tag:a OR tag:b', expected: false },
    { name: 'OR between words', input: 'deep OR wide', expected: true },
    { name: 'OR at the end is a word', input: 'tag:a OR', expected: true },
    { name: 'quoted "OR" is a word', input: 'tag:a "OR" tag:b', expected: true },
    { name: 'saved: is a filter', input: 'saved:weekly', expected: false },
    { name: 'a DOI typed alone is a lookup, not text', input: '10.1234/abc', expected: false },
    { name: 'a doi.org link (its "https:" is no key)', input: 'https://doi.org/10.1234/abc', expected: false },
    { name: 'an arXiv id with its version', input: '2408.00118v2', expected: false },
    { name: 'an arxiv.org link plus a word', input: 'arxiv.org/abs/2408.00118 deep', expected: true },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      assert.equal(hasFreeText(input), expected);
      // Cross-check with the core's parser: free text = positive terms.
      assert.equal(parseQuery(input).terms.length > 0, expected, 'the core agrees');
    });
  }
});

test('searchSyntax: every FILTER_HELP example with a key parses without errors in the core', () => {
  for (const { syntax } of FILTER_HELP) {
    for (const example of syntax.split(/,\s*/)) {
      assert.deepEqual(parseQuery(example.replace('…', 'x')).errors, [], example);
    }
  }
});

test('searchSyntax: hasFreeText and setFilter on random queries (fixed seed) agree with the core', () => {
  const random = rng(7);
  const pieces = ['deep', 'é', '2020', 'tag:', 'tags:', 'author:', 'by:', 'tga:', 'year:', '-', '"', ' ', ' ', '  ', 'x', '..', 'to read', ':', ' OR ', 'OR', 'saved:'];
  for (let k = 0; k < 500; k++) {
    let query = '';
    const length = 1 + Math.floor(random() * 8);
    for (let j = 0; j < length; j++) query += pieces[Math.floor(random() * pieces.length)];
    const core = parseQuery(query);
    assert.equal(hasFreeText(query), core.terms.length > 0, `hasFreeText(${JSON.stringify(query)})`);
    // Adding a tag ends the filters with the new one and keeps every filter the search had (with a value).
    const next = parseQuery(setFilter(query, 'tag', 'new tag'));
    assert.deepEqual(next.filters.at(-1), { kind: 'tag', value: 'new tag', negated: false }, `setFilter(${JSON.stringify(query)})`);
    const valued = (filters: typeof core.filters) => filters.filter((f) => !('value' in f) || f.value !== '').map((f) => JSON.stringify(f));
    assert.deepEqual(valued(next.filters.slice(0, -1)), valued(core.filters), `filters of ${JSON.stringify(query)} kept`);
  }
});

test('searchSyntax: quotedTagFix offers the quoted tag name a search meant', async (t) => {
  const tags = ['to read', 'ml', 'deep learning/rl', 'to', 'a b c'];
  const cases: Array<{ name: string; search: string; expected: string | null }> = [
    { name: 'the issue’s case', search: 'tag:to read', expected: null },
    { name: 'unquoted two-word tag', search: 'tag:deep learning/rl', expected: 'tag:"deep learning/rl"' },
    { name: 'words around it stay', search: 'policy tag:deep learning/rl offline', expected: 'policy tag:"deep learning/rl" offline' },
    { name: 'three words', search: 'tag:a b c', expected: 'tag:"a b c"' },
    { name: 'alias and case', search: 'TAGS:A B C', expected: 'TAGS:"A B C"' },
    { name: 'negated filter keeps its minus', search: 'x -tag:a b c', expected: 'x -tag:"a b c"' },
    { name: 'already quoted: nothing to fix', search: 'tag:"deep learning/rl"', expected: null },
    { name: 'a tag as written: nothing to fix', search: 'tag:ml read', expected: null },
    { name: 'no tag of the joined name', search: 'tag:deep sea', expected: null },
    { name: 'a filter follows: not part of the name', search: 'tag:a author:b c', expected: null },
    { name: 'empty search', search: '', expected: null },
  ];
  for (const { name, search, expected } of cases) await t.test(name, () => assert.equal(quotedTagFix(search, tags), expected));
  await t.test('without a tag "to", tag:to read is fixed', () => assert.equal(quotedTagFix('tag:to read', ['to read']), 'tag:"to read"'));
});
