import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { HEAD } from './helpers.js';

const ABSTRACT =
  'We study scaling behaviour of sparse mixture-of-experts models across model sizes and data regimes, and report ' +
  'consistent gains in sample efficiency at matched compute. Results hold on language modelling and translation.';

function bigPaste(n: number): string {
  const parts: string[] = [`Jane Doe\nLG\nh-index 40\n${n} papers\n12,345 citations\n\n${n} Papers\n`];
  for (let i = 0; i < n; i++) {
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][i % 12];
    parts.push(`CL${month} ${(i % 28) + 1}, ${2000 + (i % 25)}\nPaper number ${i + 1}: a study\n\nAlice Smith, Bob Jones, Carol White et al. · mit\n\n${ABSTRACT}\n`);
  }
  parts.push('Load more\nAbout · Privacy · Terms');
  return parts.join('\n');
}

test('scale: 1,000 papers parse correctly (time printed, not asserted)', () => {
  const text = bigPaste(1000);
  const times: number[] = [];
  let result = parseProfilePage(text);
  // Two more warm-up runs so the printed figure is steady-state, then the median of 9.
  parseProfilePage(text);
  parseProfilePage(text);
  for (let run = 0; run < 9; run++) {
    const t0 = performance.now();
    result = parseProfilePage(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`parse 1,000 papers (${(text.length / 1e6).toFixed(2)} MB): median ${times[4]?.toFixed(1)} ms over 9 runs (after 3 warm-up runs)`);
  assert.equal(result.papers.length, 1000);
  assert.equal(result.papers[0]?.title, 'Paper number 1: a study');
  assert.equal(result.papers[999]?.title, 'Paper number 1000: a study');
  assert.equal(result.papers[999]?.abstract, ABSTRACT);
  assert.deepEqual(result.papers[500]?.orgs, ['mit']);
  assert.equal(result.profile.metrics.papers, 1000);
  assert.deepEqual(result.warnings, []);
});

// Pathological inputs: a 100k-character line in every position. The timeout catches catastrophic regex
// backtracking (which would run for minutes) without asserting on normal timing.
const LONG = 100_000;
const pathological: { name: string; build: () => string; check: (r: ReturnType<typeof parseProfilePage>) => void }[] = [
  {
    name: '100k-char abstract line',
    build: () => `${HEAD}\nCLJul 31, 2024\nT\n\nA B\n\n${'word '.repeat(LONG / 5).trim()}.12`,
    check: (r) => {
      assert.equal(r.papers[0]?.abstract?.length, LONG);
      assert.ok(r.papers[0]?.abstract?.endsWith('word.'));
    },
  },
  {
    name: '100k-char authors line of commas',
    build: () => `${HEAD}\nCLJul 31, 2024\nT\n\n${'A, '.repeat(33_333)}Z et al.\n\nAbstract.`,
    check: (r) => {
      assert.equal(r.papers[0]?.authors.length, 33_334);
      assert.equal(r.papers[0]?.authorsTruncated, true);
    },
  },
  {
    name: '100k-char line of commas and spaces in the head',
    build: () => `Jane Doe\n${', '.repeat(LONG / 2)}\nh-index 3`,
    check: (r) => assert.equal(r.profile.metrics.hIndex, 3),
  },
  {
    name: '100k digits and separators where metrics are looked for',
    build: () => `Jane Doe\n${'1,'.repeat(LONG / 2)}citations\nh-index ${'9'.repeat(50)}\nh-index 3`,
    check: (r) => assert.equal(r.profile.metrics.hIndex, 3),
  },
  {
    name: '100k-char title-like line ending in a date',
    build: () => `${HEAD}\n${'CL'.repeat(LONG / 2)}Jul 31, 2024\nT\n\nA B\n\nx.\n\nCLJul 31, 2024\nReal\n\nA B\n\ny.`,
    check: (r) => assert.deepEqual(r.papers.map((p) => p.title), ['Real']),
  },
  {
    name: '100k spaces, NBSPs and zero-width characters',
    build: () => `Jane${'\u00A0 \u200B'.repeat(LONG / 3)}Doe\nh-index 1\n${'\u3000'.repeat(LONG)}`,
    check: (r) => assert.equal(r.profile.name, 'Jane Doe'),
  },
  {
    name: '100k-char footer-like line of page numbers',
    build: () => `${HEAD}\nCLJul 31, 2024\nT\n\nA B\n\nx.\n${'1 '.repeat(LONG / 2)}Next`,
    check: (r) => assert.ok(r.papers[0]?.abstract?.startsWith('x.')),
  },
];
for (const row of pathological) {
  test(`scale: pathological ${row.name}`, { timeout: 5_000 }, () => {
    row.check(parseProfilePage(row.build()));
  });
}
