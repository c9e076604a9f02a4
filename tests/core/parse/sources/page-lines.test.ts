// The line readers the pasted-page sources share: cells, counts, years, person names and name lists, wrapped titles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  confidence, isPersonName, pageLines, readCount, readNameList, readYear, titleStart,
} from '../../../../electron/core/parse/sources/page-lines.js';

test('pageLines keeps tab-separated cells apart and drops blank lines', () => {
  assert.deepEqual(pageLines('\ufeffA\u00a0 title \r\n\r\n\tAll\tSince 2020\r\nvenue\t\t2024\n\t\t\n x\u0000y '), [
    { cells: ['A title'], text: 'A title' },
    { cells: ['', 'All', 'Since 2020'], text: 'All Since 2020' },
    { cells: ['venue', '', '2024'], text: 'venue 2024' },
    { cells: ['xy'], text: 'xy' },
  ]);
  assert.deepEqual(pageLines(''), []);
});

test('readCount and readYear', () => {
  const counts: Array<[string, number | null]> = [
    ['1384', 1384], ['1,904', 1904], ['87*', 87], ['0', 0], ['3045 3045', null], ['1 2 3', null], ['12a', null],
    ['', null], ['1'.repeat(30), null],
  ];
  for (const [text, expected] of counts) assert.equal(readCount(text), expected, text);
  const years: Array<[string, number | null]> = [['2024', 2024], ['1799', null], ['2101', null], ['24', null], ['20245', null]];
  for (const [text, expected] of years) assert.equal(readYear(text), expected, text);
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

test('titleStart joins lines that wrapped (long, no sentence end), never short labels or sentences', () => {
  const lines = pageLines([
    'Sort by year',
    'Author pages are created from data sourced from public sources.',
    'Scalable Gaussian process surrogates for neural architecture',
    'search with learned input warping',
    'Short label',
    'A title standing alone',
  ].join('\n'));
  const isText = (): boolean => true;
  assert.equal(titleStart(lines, isText, 3, -1), 2);
  assert.equal(titleStart(lines, isText, 5, -1), 5);
  assert.equal(titleStart(lines, isText, 3, 2), 3, 'the floor stops it');
  assert.equal(titleStart(lines, (i) => i !== 2, 3, -1), 3, 'only text lines join');
});

test('confidence sums signals into [0, 1], rounded to hundredths', () => {
  assert.equal(confidence(0.45, 0.15, 0.1, 0.1), 0.8);
  assert.equal(confidence(0.7, 0.7), 1);
  assert.equal(confidence(), 0);
});
