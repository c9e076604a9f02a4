import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowWindow, scrollTopToReveal } from '../../renderer/src/lib/rowWindow.js';

test('rowWindow: the rows in view plus overscan, clamped to the list', async (t) => {
  const cases: Array<{ name: string; scrollTop: number; height: number; count: number; overscan: number; expected: { first: number; last: number } }> = [
    { name: 'empty list draws nothing', scrollTop: 0, height: 580, count: 0, overscan: 6, expected: { first: 0, last: -1 } },
    { name: 'top of a long list', scrollTop: 0, height: 580, count: 100_000, overscan: 6, expected: { first: 0, last: 15 } },
    { name: 'no overscan: exactly the rows intersecting the viewport', scrollTop: 0, height: 580, count: 100_000, overscan: 0, expected: { first: 0, last: 9 } },
    { name: 'a partly visible row at each edge counts', scrollTop: 29, height: 580, count: 100_000, overscan: 0, expected: { first: 0, last: 10 } },
    { name: 'scrolled to the middle', scrollTop: 58 * 50_000, height: 580, count: 100_000, overscan: 6, expected: { first: 49_994, last: 50_015 } },
    { name: 'scrolled to the end', scrollTop: 58 * 99_990, height: 580, count: 100_000, overscan: 6, expected: { first: 99_984, last: 99_999 } },
    { name: 'fewer rows than the viewport holds', scrollTop: 0, height: 580, count: 3, overscan: 6, expected: { first: 0, last: 2 } },
    { name: 'a stale scrollTop past the end (the list just shrank)', scrollTop: 58 * 5_000, height: 580, count: 20, overscan: 6, expected: { first: 13, last: 19 } },
    { name: 'negative scrollTop (overscroll) is treated as 0', scrollTop: -40, height: 580, count: 100, overscan: 0, expected: { first: 0, last: 9 } },
    { name: 'not measured yet (height 0): one row plus overscan', scrollTop: 0, height: 0, count: 100, overscan: 6, expected: { first: 0, last: 6 } },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      assert.deepEqual(rowWindow(c.scrollTop, c.height, 58, c.count, c.overscan), c.expected);
    });
  }
});

test('scrollTopToReveal: moves as little as possible to show the whole row', async (t) => {
  const cases: Array<{ name: string; index: number; scrollTop: number; expected: number }> = [
    { name: 'already fully visible: unchanged', index: 3, scrollTop: 0, expected: 0 },
    { name: 'last fully visible row: unchanged', index: 9, scrollTop: 0, expected: 0 },
    { name: 'below the viewport: aligned to the bottom', index: 10, scrollTop: 0, expected: 58 },
    { name: 'far below: aligned to the bottom', index: 99_999, scrollTop: 0, expected: 58 * 100_000 - 580 },
    { name: 'above the viewport: aligned to the top', index: 2, scrollTop: 58 * 40, expected: 116 },
    { name: 'partly hidden at the top: aligned to the top', index: 40, scrollTop: 58 * 40 + 10, expected: 58 * 40 },
    { name: 'partly hidden at the bottom: aligned to the bottom', index: 50, scrollTop: 58 * 40 + 10, expected: 58 * 51 - 580 },
    { name: 'first row from anywhere', index: 0, scrollTop: 12_345, expected: 0 },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      assert.equal(scrollTopToReveal(c.index, c.scrollTop, 580, 58), c.expected);
    });
  }
});
