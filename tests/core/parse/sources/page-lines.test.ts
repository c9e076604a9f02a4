// The line readers the pasted-page sources share: lines with or without blanks, cells, counts, years, wrapped titles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confidence, pageLines, readCount, readYear, textLines, titleStart } from '../../../../electron/core/parse/sources/page-lines.js';

test('textLines: CRLF, NBSP, bidi and zero-width marks are gone; blank lines kept; anything but a string is no lines', () => {
  assert.deepEqual(textLines('Preferred source (of 2)\u200e\r\n\u200fJingyi\u00a0Chen\u200b \r\n\u2066陈静怡\u2069'), [
    'Preferred source (of 2)',
    'Jingyi Chen',
    '陈静怡',
  ]);
  assert.deepEqual(textLines(undefined), []);
  assert.deepEqual(textLines(42), []);
});

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
