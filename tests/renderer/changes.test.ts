import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LibraryChange } from '../../electron/core/api.js';
import { onLibraryChange, touchesPaper } from '../../renderer/src/lib/changes.js';
import { installFakeDom } from './fakeWindow.js';

const { window } = installFakeDom();

function fakeBridge() {
  let listener: ((change: LibraryChange) => void) | null = null;
  const bridge = {
    subscribed: 0,
    unsubscribed: 0,
    onChanged(l: (change: LibraryChange) => void) {
      bridge.subscribed++;
      listener = l;
      return () => {
        bridge.unsubscribed++;
        listener = null;
      };
    },
    emit(change: LibraryChange) {
      listener?.(change);
    },
  };
  return bridge;
}

test('changes: touchesPaper', async (t) => {
  const cases: Array<{ name: string; input: [LibraryChange, string]; expected: boolean }> = [
    { name: 'user data of that paper', input: [{ kind: 'user-data', paperIds: ['a', 'b'] }, 'b'], expected: true },
    { name: 'user data of other papers', input: [{ kind: 'user-data', paperIds: ['a'] }, 'b'], expected: false },
    { name: 'import including the paper', input: [{ kind: 'import', profileId: 'p', paperIds: ['b'] }, 'b'], expected: true },
    { name: 'import without it', input: [{ kind: 'import', profileId: 'p', paperIds: [] }, 'b'], expected: false },
    { name: 'tag rename/merge/delete may touch any paper', input: [{ kind: 'tags' }, 'b'], expected: true },
    { name: 'ids compared exactly', input: [{ kind: 'user-data', paperIds: ['B', ' b'] }, 'b'], expected: false },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(touchesPaper(...input), expected));
  }
});

test('changes: one bridge subscription fanned out; dropped with the last listener; renewed after', () => {
  const bridge = fakeBridge();
  window.folio = bridge;
  const heard: string[] = [];
  const offA = onLibraryChange((c) => heard.push(`A:${c.kind}`));
  const offB = onLibraryChange((c) => heard.push(`B:${c.kind}`));
  assert.equal(bridge.subscribed, 1, 'one subscription for many listeners');
  bridge.emit({ kind: 'tags' });
  assert.deepEqual(heard, ['A:tags', 'B:tags']);
  offA();
  assert.equal(bridge.unsubscribed, 0);
  bridge.emit({ kind: 'user-data', paperIds: ['x'] });
  assert.deepEqual(heard, ['A:tags', 'B:tags', 'B:user-data']);
  offB();
  assert.equal(bridge.unsubscribed, 1, 'last listener gone: bridge unsubscribed');
  offB(); // twice: harmless
  assert.equal(bridge.unsubscribed, 1);
  const offC = onLibraryChange((c) => heard.push(`C:${c.kind}`));
  assert.equal(bridge.subscribed, 2, 'subscribed again');
  bridge.emit({ kind: 'tags' });
  assert.deepEqual(heard.at(-1), 'C:tags');
  offC();
});

test('changes: a listener removing itself or another during a change does not skip the rest', () => {
  const bridge = fakeBridge();
  window.folio = bridge;
  const heard: string[] = [];
  let offB: () => void = () => {};
  const offA = onLibraryChange(() => {
    heard.push('A');
    offA();
  });
  offB = onLibraryChange(() => heard.push('B'));
  bridge.emit({ kind: 'tags' });
  assert.deepEqual(heard, ['A', 'B']);
  bridge.emit({ kind: 'tags' });
  assert.deepEqual(heard, ['A', 'B', 'B']);
  offB();
});

test('changes: without the bridge, listening is a no-op that subscribes once the bridge is there', () => {
  window.folio = undefined;
  const off = onLibraryChange(() => {});
  assert.doesNotThrow(off);
  const bridge = fakeBridge();
  window.folio = bridge;
  const off2 = onLibraryChange(() => {});
  assert.equal(bridge.subscribed, 1);
  off2();
});
