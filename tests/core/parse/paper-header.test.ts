import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { parsePaperHeader, type PaperHeader } from '../../../electron/core/parse/paper-header.js';
import { HEAD } from './helpers.js';

const rows: { name: string; input: string; expected: PaperHeader | null }[] = [
  { name: 'glued short month', input: 'CLJul 31, 2024', expected: { category: 'CL', date: '2024-07-31' } },
  { name: 'spaced', input: 'CL Jul 31, 2024', expected: { category: 'CL', date: '2024-07-31' } },
  { name: 'full month glued', input: 'LGJuly 31, 2024', expected: { category: 'LG', date: '2024-07-31' } },
  { name: 'June vs Jun+e', input: 'CLJune 3, 2024', expected: { category: 'CL', date: '2024-06-03' } },
  { name: 'Sept', input: 'AISept 9, 2023', expected: { category: 'AI', date: '2023-09-09' } },
  { name: 'Sept. with dot', input: 'AI Sept. 9, 2023', expected: { category: 'AI', date: '2023-09-09' } },
  { name: 'September', input: 'AI September 30, 2023', expected: { category: 'AI', date: '2023-09-30' } },
  { name: 'arXiv cs.LG glued', input: 'cs.LGJan 5, 2022', expected: { category: 'cs.LG', date: '2022-01-05' } },
  { name: 'stat.ML glued to Mar', input: 'stat.MLMar 3, 2022', expected: { category: 'stat.ML', date: '2022-03-03' } },
  { name: 'category ending like a month start', input: 'cs.MAMar 3, 2022', expected: { category: 'cs.MA', date: '2022-03-03' } },
  { name: 'q-bio.NC', input: 'q-bio.NCNov 4, 2021', expected: { category: 'q-bio.NC', date: '2021-11-04' } },
  { name: 'hyphenated archive', input: 'hep-thDec 1, 2019', expected: { category: 'hep-th', date: '2019-12-01' } },
  { name: 'day-month-year', input: 'CL31 Jul 2024', expected: { category: 'CL', date: '2024-07-31' } },
  { name: 'day-month-year spaced', input: 'CL 31 Jul 2024', expected: { category: 'CL', date: '2024-07-31' } },
  { name: 'ISO date', input: 'CL 2024-07-31', expected: { category: 'CL', date: '2024-07-31' } },
  { name: 'ISO date glued', input: 'cs.CL2024-07-31', expected: { category: 'cs.CL', date: '2024-07-31' } },
  { name: 'date only → category null', input: 'Jul 31, 2024', expected: { category: null, date: '2024-07-31' } },
  { name: 'lower-case month', input: 'CLjul 31, 2024', expected: { category: 'CL', date: '2024-07-31' } },
  { name: 'no comma', input: 'CLJul 31 2024', expected: { category: 'CL', date: '2024-07-31' } },
  { name: 'ordinal day', input: 'CL Jul 1st, 2024', expected: { category: 'CL', date: '2024-07-01' } },
  { name: 'leap day', input: 'CLFeb 29, 2024', expected: { category: 'CL', date: '2024-02-29' } },
  { name: 'Feb 29 in a non-leap year', input: 'CLFeb 29, 2023', expected: null },
  { name: 'Feb 30', input: 'CLFeb 30, 2024', expected: null },
  { name: 'Apr 31', input: 'CLApr 31, 2024', expected: null },
  { name: 'day 0', input: 'CLJul 0, 2024', expected: null },
  { name: 'ISO month 13', input: '2024-13-01', expected: null },
  { name: 'mixed-case word prefix is not a category', input: 'Published Jul 31, 2024', expected: null },
  { name: 'sentence ending with a date', input: 'The paper was accepted on Jul 31, 2024', expected: null },
  { name: 'not a month', input: 'CLJux 31, 2024', expected: null },
  { name: 'year out of range', input: 'CLJul 31, 1492', expected: null },
  { name: 'title line', input: 'Gemma 3 Technical Report', expected: null },
  { name: 'empty', input: '', expected: null },
  { name: 'long line ending with a year', input: `${'x'.repeat(100)} Jul 31, 2024`, expected: null },
];

for (const row of rows) {
  test(`paper header: ${row.name} (${JSON.stringify(row.input.slice(0, 40))})`, () => {
    assert.deepEqual(parsePaperHeader(row.input), row.expected);
  });
}

test('paper header: an invalid date line is not a paper header, but its paper is recovered and named', () => {
  const text = `${HEAD}\nCLJul 31, 2024\nReal Paper\n\nAlice Smith, Bob Jones\n\nFirst paragraph.\n\nCLFeb 30, 2024\nNot A Paper\n\nCarol White, Dan Brown\n\nMore text.`;
  const r = parseProfilePage(text);
  assert.deepEqual(
    r.papers.map((p) => [p.title, p.date, p.category, p.abstract]),
    [
      ['Real Paper', '2024-07-31', 'CL', 'First paragraph.'],
      ['Not A Paper', null, null, 'More text.'],
    ],
  );
  assert.ok(r.warnings.some((w) => w.startsWith('Paper "Not A Paper" has a date line with an impossible date ("CLFeb 30, 2024")')), r.warnings.join('|'));
});
