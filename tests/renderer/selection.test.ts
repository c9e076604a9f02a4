import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EMPTY_SELECTION,
  countSelection,
  isSelected,
  selectAll,
  selectOnly,
  selectRange,
  singleSelected,
  toApiSelection,
  toggleOne,
  type SelectionState,
} from '../../renderer/src/lib/selection.js';

/** A list of `total` rows "p0", "p1", … of which only `loaded` (inclusive ranges) are in the page store. */
function rows(loaded: Array<[number, number]>): (index: number) => string | undefined {
  return (index) => (loaded.some(([a, b]) => index >= a && index <= b) ? `p${index}` : undefined);
}
const ids = (state: SelectionState) => [...state.ids].sort();

test('selection: clicks, Ctrl+click and Ctrl+A', async (t) => {
  const cases: Array<{ name: string; run: () => SelectionState; mode: 'ids' | 'all'; ids: string[]; focusId: string | null }> = [
    { name: 'nothing selected at first', run: () => EMPTY_SELECTION, mode: 'ids', ids: [], focusId: null },
    { name: 'a click selects only that row', run: () => selectOnly('p3', 3), mode: 'ids', ids: ['p3'], focusId: 'p3' },
    { name: 'Ctrl+click adds a row', run: () => toggleOne(selectOnly('p3', 3), 'p7', 7), mode: 'ids', ids: ['p3', 'p7'], focusId: 'p7' },
    { name: 'Ctrl+click twice takes it out again', run: () => toggleOne(toggleOne(selectOnly('p3', 3), 'p7', 7), 'p7', 7), mode: 'ids', ids: ['p3'], focusId: 'p7' },
    { name: 'Ctrl+click on the only row leaves none', run: () => toggleOne(selectOnly('p3', 3), 'p3', 3), mode: 'ids', ids: [], focusId: 'p3' },
    { name: 'Ctrl+A: all, no exceptions', run: () => selectAll(selectOnly('p3', 3)), mode: 'all', ids: [], focusId: 'p3' },
    { name: 'Ctrl+click after Ctrl+A makes an exception', run: () => toggleOne(selectAll(EMPTY_SELECTION), 'p5', 5), mode: 'all', ids: ['p5'], focusId: 'p5' },
    { name: 'Ctrl+click the exception again: all again', run: () => toggleOne(toggleOne(selectAll(EMPTY_SELECTION), 'p5', 5), 'p5', 5), mode: 'all', ids: [], focusId: 'p5' },
    { name: 'Ctrl+A twice is still all (exceptions dropped)', run: () => selectAll(toggleOne(selectAll(EMPTY_SELECTION), 'p5', 5)), mode: 'all', ids: [], focusId: 'p5' },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const state = c.run();
      assert.equal(state.mode, c.mode);
      assert.deepEqual(ids(state), c.ids);
      assert.equal(state.focusId, c.focusId);
    });
  }
});

test('selection: Shift+click ranges over loaded and unloaded rows', async (t) => {
  const cases: Array<{
    name: string;
    from: SelectionState;
    click: number;
    loaded: Array<[number, number]>;
    expected: { ids: string[] } | { missing: { start: number; end: number } };
  }> = [
    { name: 'downwards from the anchor', from: selectOnly('p2', 2), click: 5, loaded: [[0, 99]], expected: { ids: ['p2', 'p3', 'p4', 'p5'] } },
    { name: 'upwards from the anchor', from: selectOnly('p5', 5), click: 2, loaded: [[0, 99]], expected: { ids: ['p2', 'p3', 'p4', 'p5'] } },
    { name: 'onto the anchor itself: one row', from: selectOnly('p5', 5), click: 5, loaded: [[0, 99]], expected: { ids: ['p5'] } },
    { name: 'no anchor yet: the clicked row', from: EMPTY_SELECTION, click: 4, loaded: [[0, 99]], expected: { ids: ['p4'] } },
    { name: 'replaces a Ctrl+click selection', from: toggleOne(selectOnly('p9', 9), 'p1', 1), click: 3, loaded: [[0, 99]], expected: { ids: ['p1', 'p2', 'p3'] } },
    { name: 'replaces Ctrl+A', from: toggleOne(selectAll(EMPTY_SELECTION), 'p1', 1), click: 2, loaded: [[0, 99]], expected: { ids: ['p1', 'p2'] } },
    { name: 'a gap of unloaded rows: fetch the whole range', from: selectOnly('p10', 10), click: 9_990, loaded: [[0, 199], [9_900, 9_999]], expected: { missing: { start: 10, end: 9_990 } } },
    { name: 'the anchor page was evicted: fetch (its id is trusted)', from: selectOnly('p10', 10), click: 9_990, loaded: [[9_900, 9_999]], expected: { missing: { start: 10, end: 9_990 } } },
    { name: 'once fetched, the range resolves', from: selectOnly('p10', 10), click: 9_990, loaded: [[0, 9_999]], expected: { ids: Array.from({ length: 9_981 }, (_, i) => `p${i + 10}`).sort() } },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const result = selectRange(c.from, `p${c.click}`, c.click, rows(c.loaded));
      if ('missing' in c.expected) assert.deepEqual(result, c.expected);
      else {
        assert.ok('state' in result, 'resolved');
        assert.equal(result.state.mode, 'ids');
        assert.deepEqual(ids(result.state), c.expected.ids);
        assert.equal(result.state.focusId, `p${c.click}`);
      }
    });
  }

  await t.test('the anchor stays for the next Shift+click', () => {
    const first = selectRange(selectOnly('p5', 5), 'p8', 8, rows([[0, 99]]));
    assert.ok('state' in first);
    const second = selectRange(first.state, 'p3', 3, rows([[0, 99]]));
    assert.ok('state' in second);
    assert.deepEqual(ids(second.state), ['p3', 'p4', 'p5']);
  });

  await t.test('the anchor row moved away (list refreshed): a range of the clicked row only', () => {
    const moved = (index: number) => (index === 5 ? 'someone-else' : `p${index}`);
    const result = selectRange(selectOnly('p5', 5), 'p8', 8, moved);
    assert.ok('state' in result);
    assert.deepEqual(ids(result.state), ['p8']);
  });
});

test('selection: counts, membership and the detail pane’s single paper', async (t) => {
  const exceptTwo = toggleOne(toggleOne(selectAll(EMPTY_SELECTION), 'p1', 1), 'p2', 2);
  const cases: Array<{ name: string; state: SelectionState; total: number | null; count: number; single: string | null; member: Record<string, boolean> }> = [
    { name: 'empty', state: EMPTY_SELECTION, total: 10_000, count: 0, single: null, member: { p0: false } },
    { name: 'one row', state: selectOnly('p4', 4), total: 10_000, count: 1, single: 'p4', member: { p4: true, p5: false } },
    { name: 'two rows', state: toggleOne(selectOnly('p4', 4), 'p6', 6), total: 10_000, count: 2, single: null, member: { p4: true, p6: true, p5: false } },
    { name: 'all of 10,000', state: selectAll(EMPTY_SELECTION), total: 10_000, count: 10_000, single: null, member: { p0: true, p9999: true } },
    { name: 'all but two', state: exceptTwo, total: 10_000, count: 9_998, single: null, member: { p1: false, p2: false, p3: true } },
    { name: 'all while the total is unknown: 0, never a guess', state: selectAll(EMPTY_SELECTION), total: null, count: 0, single: null, member: { p0: true } },
    { name: 'all of an empty list', state: selectAll(EMPTY_SELECTION), total: 0, count: 0, single: null, member: {} },
    { name: 'all of a one-row list, focused on it', state: selectAll(selectOnly('p0', 0)), total: 1, count: 1, single: 'p0', member: { p0: true } },
    { name: 'all but one of two, focused on the other', state: toggleOne(selectAll(EMPTY_SELECTION), 'p1', 1), total: 2, count: 1, single: null, member: { p0: true, p1: false } },
    { name: 'more exceptions than rows (stale): 0, not negative', state: exceptTwo, total: 1, count: 0, single: null, member: {} },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      assert.equal(countSelection(c.state, c.total), c.count);
      assert.equal(singleSelected(c.state, c.total), c.single);
      for (const [id, expected] of Object.entries(c.member)) assert.equal(isSelected(c.state, id), expected, id);
    });
  }
});

test('selection: what a bulk action sends the core', async (t) => {
  const cases: Array<{ name: string; state: SelectionState; view: { search: string; scope?: { tag?: string; trash?: boolean } }; expected: unknown }> = [
    { name: 'ids stay ids (the view is not needed)', state: toggleOne(selectOnly('a', 0), 'b', 1), view: { search: 'x' }, expected: { ids: ['a', 'b'] } },
    { name: 'no ids', state: EMPTY_SELECTION, view: { search: '' }, expected: { ids: [] } },
    { name: 'all: the query, no ids', state: selectAll(EMPTY_SELECTION), view: { search: 'year:2021 robots' }, expected: { search: 'year:2021 robots', all: true, except: [] } },
    { name: 'all with a scope and an exception', state: toggleOne(selectAll(EMPTY_SELECTION), 'c', 2), view: { search: '', scope: { tag: 'ml' } }, expected: { search: '', scope: { tag: 'ml' }, all: true, except: ['c'] } },
    { name: 'all of the Trash', state: selectAll(EMPTY_SELECTION), view: { search: '', scope: { trash: true } }, expected: { search: '', scope: { trash: true }, all: true, except: [] } },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.deepEqual(toApiSelection(c.state, c.view), c.expected));
  }
});
