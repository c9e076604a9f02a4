// Person names and author lists as sources print them, and the marks that say a list was cut: table tests with the
// tails each site and file format prints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isPersonName, isTruncationMarker, nameAndOrg, readNameList, splitAuthorList,
} from '../../../../electron/core/parse/sources/author-lists.js';

test('isTruncationMarker: one list of the words pages and files use for "more authors"', () => {
  const rows: Array<[string, boolean]> = [
    ['others', true], ['and others', true], ['et al.', true], ['et al', true], ['et. al.', true], ['…', true], ['...', true],
    ['+4 authors', true], ['+ 12 more', true], ['and 3 others', true], ['et al. (48 additional authors not shown)', true],
    [' others ', true], ['Others', true], ['Otherson', false], ['Al Gore', false], ['', false], ['Ada Lovelace', false],
    ['others'.repeat(20), false],
  ];
  for (const [entry, expected] of rows) assert.equal(isTruncationMarker(entry), expected, entry);
});

test('isPersonName: capitalised words, initials, particles, CJK; not titles with small words or digits', () => {
  const rows: Array<[string, number, boolean]> = [
    ['Priyanka Venkataraman', 2, true],
    ['PG Sessa', 2, true],
    ['Ludwig van Beethoven', 2, true],
    ["Seán O'Brien-MacLeod", 2, true],
    ['J. R. R. Tolkien', 2, true],
    ['陈静怡', 2, true],
    ['Gemma Team', 2, true],
    ['Madonna', 2, false],
    ['Madonna', 1, true],
    ['Learning to act from observation', 2, false],
    ['Gemma 2', 2, false],
    ['One Two Three Four Five Six Seven', 2, false],
    ['', 1, false],
  ];
  for (const [text, minWords, expected] of rows) assert.equal(isPersonName(text, minWords), expected, text);
});


test('readNameList: cut lists, placeholders, abbreviations; null for anything that is not names', () => {
  const rows: Array<[string, ReturnType<typeof readNameList>]> = [
    ['G Team, M Riviere, ...', { names: ['G Team', 'M Riviere'], truncated: true, abbreviated: true }],
    ['T Ibarra, I Duclos-Varga, K Nakamura, S Park, …', { names: ['T Ibarra', 'I Duclos-Varga', 'K Nakamura', 'S Park'], truncated: true, abbreviated: true }],
    ['Jingyi Chen, Priyanka Venkataraman, +9 authors, Rahul Menon', { names: ['Jingyi Chen', 'Priyanka Venkataraman', 'Rahul Menon'], truncated: true, abbreviated: false }],
    ['Ada Lovelace et al.', { names: ['Ada Lovelace'], truncated: true, abbreviated: false }],
    ['A Author, B Author,', { names: ['A Author', 'B Author'], truncated: false, abbreviated: true }],
    ['Priyanka Venkataraman', { names: ['Priyanka Venkataraman'], truncated: false, abbreviated: false }],
    ['Venkataraman', null],
    ['Learning, fast and slow', null],
    ['arXiv preprint arXiv:2408.00118', null],
    ['...', null],
    ['', null],
  ];
  for (const [line, expected] of rows) assert.deepEqual(readNameList(line), expected, line);
});


test('splitAuthorList: the tails that mean the site cut the list', () => {
  const rows: [string, ',' | ';', string[], boolean][] = [
    ['Hana Okabe, Tomás Ibarra', ',', ['Hana Okabe', 'Tomás Ibarra'], false],
    ['A B, C D, et al. (48 additional authors not shown)', ',', ['A B', 'C D'], true],
    ['A B, Wangding Zeng et al. (100 additional authors not shown)', ',', ['A B', 'Wangding Zeng'], true],
    ['A B, C D et al.', ',', ['A B', 'C D'], true],
    ['A B, C D, …', ',', ['A B', 'C D'], true],
    ['A B, C D, ...', ',', ['A B', 'C D'], true],
    ['A; B; C + 7 more', ';', ['A', 'B', 'C'], true],
    ['A; B +12 authors', ';', ['A', 'B'], true],
    ['A; B and 3 others', ';', ['A', 'B'], true],
    ['Jane Doe (MIT, CSAIL), Bo Li', ',', ['Jane Doe (MIT, CSAIL)', 'Bo Li'], false],
    ['陈静怡; 王磊', ';', ['陈静怡', '王磊'], false],
    ['Jo Almoreal', ',', ['Jo Almoreal'], false], // "al" inside a word is no "et al."
    ['', ',', [], false],
    [' , ,', ',', [], false],
  ];
  for (const [text, separator, authors, truncated] of rows) {
    assert.deepEqual(splitAuthorList(text, separator), { authors, truncated }, text);
  }
});

test('nameAndOrg: a trailing parenthesis is the organisation', () => {
  assert.deepEqual(nameAndOrg('Hana Okabe (Google DeepMind)'), { name: 'Hana Okabe', org: 'Google DeepMind' });
  assert.deepEqual(nameAndOrg('Hana Okabe'), { name: 'Hana Okabe', org: null });
  assert.deepEqual(nameAndOrg('(Anonymous)'), { name: '(Anonymous)', org: null });
});
