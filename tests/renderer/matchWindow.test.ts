import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MatchRange } from '../../electron/core/model.js';
import { LEAD, matchWindowStart, shiftRanges } from '../../renderer/src/lib/matchWindow.js';

/** A text "fits" when it has at most `n` characters (the list measures pixels; the rule is the same). */
const upTo = (n: number) => (shown: string) => shown.length <= n;
const rangeOf = (text: string, word: string): MatchRange => [text.indexOf(word), text.indexOf(word) + word.length];
const LONG = 'Towards a unified theory of scalable offline reinforcement learning with diverse human preference data';

test('matchWindow: where a cut title starts so its first match shows', async (t) => {
  const cases: Array<{ name: string; text: string; ranges: MatchRange[] | undefined; width: number; shown: string }> = [
    { name: 'no match: from the start', text: LONG, ranges: undefined, width: 20, shown: 'Towards a unified th' },
    { name: 'a match within the cut: from the start', text: LONG, ranges: [rangeOf(LONG, 'unified')], width: 30, shown: 'Towards a unified theory of sc' },
    { name: 'a match at the end: a window ending with it, as much context as fits', text: LONG, ranges: [rangeOf(LONG, 'data')], width: 30, shown: `${LEAD}diverse human preference data` },
    { name: 'the first of several matches decides', text: LONG, ranges: [rangeOf(LONG, 'data'), rangeOf(LONG, 'offline')], width: 30, shown: `${LEAD}theory of scalable offline re` },
    { name: 'a match wider than what fits starts at the match', text: LONG, ranges: [rangeOf(LONG, 'reinforcement')], width: 8, shown: `${LEAD}reinfor` },
    { name: 'unsorted, overlapping ranges from the core', text: LONG, ranges: [[LONG.length - 4, LONG.length], [LONG.length - 2, LONG.length + 9]], width: 12, shown: `${LEAD}data` },
    { name: 'a match inside a word starts at that word', text: 'Alpha betagammadelta', ranges: [[15, 20]], width: 16, shown: `${LEAD}betagammadelta` },
    { name: 'everything fits', text: 'Short title', ranges: [[6, 11]], width: 40, shown: 'Short title' },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const from = matchWindowStart(c.text, c.ranges, upTo(c.width));
      const shown = (from > 0 ? LEAD : '') + c.text.slice(from);
      assert.equal(shown.slice(0, c.width), c.shown);
    });
  }
});

test('matchWindow: shiftRanges moves ranges into the window and drops those before it', () => {
  assert.deepEqual(shiftRanges([[2, 4], [10, 14]], 5), [[5, 9]]);
  assert.deepEqual(shiftRanges([[3, 8]], 5), [[0, 3]]);
  assert.deepEqual(shiftRanges([[3, 8]], 0), [[3, 8]]);
  assert.equal(shiftRanges(undefined, 5), undefined);
});
