import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LibraryChange, SaveStatus } from '../../electron/core/api.js';
import { onImportProgress, onLibraryChange, onSaveStatus, touchesPaper, type DataChange, type ImportProgress } from '../../renderer/src/lib/changes.js';
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
  const cases: Array<{ name: string; input: [DataChange, string]; expected: boolean }> = [
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

test('changes: save-status changes go to onSaveStatus only, over the same one subscription', () => {
  const bridge = fakeBridge();
  window.folio = bridge;
  const data: string[] = [];
  const statuses: SaveStatus[] = [];
  const offData = onLibraryChange((c) => data.push(c.kind));
  const offStatus = onSaveStatus((s) => statuses.push(s));
  assert.equal(bridge.subscribed, 1);
  const status: SaveStatus = { unsavedEdits: 2, error: 'Not saved: the disk holding /l is full.', since: '2026-01-01T00:00:00.000Z', warnings: [] };
  bridge.emit({ kind: 'save-status', status });
  bridge.emit({ kind: 'tags' });
  assert.deepEqual(data, ['tags'], 'a save status is not a data change (no re-query)');
  assert.deepEqual(statuses, [status]);
  offData();
  assert.equal(bridge.unsubscribed, 0, 'the status listener still needs the subscription');
  offStatus();
  assert.equal(bridge.unsubscribed, 1);
});

test('changes: import progress goes to onImportProgress only, and keeps the subscription alone', () => {
  const bridge = fakeBridge();
  window.folio = bridge;
  const data: string[] = [];
  const progress: ImportProgress[] = [];
  const offData = onLibraryChange((c) => data.push(c.kind));
  const offProgress = onImportProgress((p) => progress.push(p));
  const step: ImportProgress = { kind: 'import-progress', jobId: 'import-1', phase: 'parse', done: 256, total: 10_000 };
  bridge.emit(step);
  bridge.emit({ kind: 'import', profileId: null, paperIds: ['p'] });
  assert.deepEqual(data, ['import'], 'progress is not a data change (no re-query per step)');
  assert.deepEqual(progress, [step]);
  offData();
  assert.equal(bridge.unsubscribed, 0, 'the progress listener still needs the subscription');
  offProgress();
  assert.equal(bridge.unsubscribed, 1);
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
