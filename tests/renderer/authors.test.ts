import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortAuthors } from '../../renderer/src/lib/authors.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `A${i}`);

test('authors: shortAuthors shows the first N, matched authors further down, a gap marker and et al.', async (t) => {
  const cases: Array<{
    name: string;
    input: { authors: string[]; truncated?: boolean; matched?: number[]; first?: number };
    expected: { shown: string; gapBefore: number[]; etAl: boolean };
  }> = [
    { name: 'no authors', input: { authors: [] }, expected: { shown: '', gapBefore: [], etAl: false } },
    { name: 'no authors but the core truncated the list', input: { authors: [], truncated: true }, expected: { shown: '', gapBefore: [], etAl: true } },
    { name: 'fewer than N', input: { authors: names(2) }, expected: { shown: 'A0 A1', gapBefore: [], etAl: false } },
    { name: 'exactly N', input: { authors: names(3) }, expected: { shown: 'A0 A1 A2', gapBefore: [], etAl: false } },
    { name: 'exactly N, list truncated by the core', input: { authors: names(3), truncated: true }, expected: { shown: 'A0 A1 A2', gapBefore: [], etAl: true } },
    { name: 'more than N', input: { authors: names(10) }, expected: { shown: 'A0 A1 A2', gapBefore: [], etAl: true } },
    { name: 'a match right after the first N: no gap', input: { authors: names(10), matched: [3] }, expected: { shown: 'A0 A1 A2 A3', gapBefore: [], etAl: true } },
    { name: 'a match further down: gap before it', input: { authors: names(10), matched: [7] }, expected: { shown: 'A0 A1 A2 A7', gapBefore: [7], etAl: true } },
    { name: 'the last author matched: no et al.', input: { authors: names(10), matched: [9] }, expected: { shown: 'A0 A1 A2 A9', gapBefore: [9], etAl: false } },
    { name: 'the last shown author matched but the core truncated', input: { authors: names(10), matched: [9], truncated: true }, expected: { shown: 'A0 A1 A2 A9', gapBefore: [9], etAl: true } },
    { name: 'several matches, unsorted, with duplicates', input: { authors: names(12), matched: [8, 5, 8, 6] }, expected: { shown: 'A0 A1 A2 A5 A6 A8', gapBefore: [5, 8], etAl: true } },
    { name: 'a match among the first N changes nothing', input: { authors: names(5), matched: [1] }, expected: { shown: 'A0 A1 A2', gapBefore: [], etAl: true } },
    { name: 'out-of-range and negative matches ignored', input: { authors: names(5), matched: [-1, 5, 99, Number.NaN] }, expected: { shown: 'A0 A1 A2', gapBefore: [], etAl: true } },
    { name: 'first = 1', input: { authors: names(4), first: 1 }, expected: { shown: 'A0', gapBefore: [], etAl: true } },
    { name: 'first = 0 with a match', input: { authors: names(4), matched: [2], first: 0 }, expected: { shown: 'A2', gapBefore: [2], etAl: true } },
    { name: 'first larger than the list', input: { authors: names(2), first: 10 }, expected: { shown: 'A0 A1', gapBefore: [], etAl: false } },
    { name: 'names are kept verbatim (accents, spaces)', input: { authors: ['José Núñez', ' Ann  Lee '] }, expected: { shown: 'José Núñez| Ann  Lee ', gapBefore: [], etAl: false } },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      const out = shortAuthors(input.authors, input.truncated ?? false, input.matched, input.first);
      const sep = name.startsWith('names are kept') ? '|' : ' ';
      assert.equal(out.items.map((i) => i.name).join(sep), expected.shown);
      for (const item of out.items) assert.equal(input.authors[item.index], item.name, 'index points into the full list');
      assert.deepEqual([...out.gapBefore].sort((a, b) => a - b), expected.gapBefore);
      assert.equal(out.etAl, expected.etAl);
    });
  }
});
