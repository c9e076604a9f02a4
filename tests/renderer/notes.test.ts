import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeDom } from './fakeWindow.js';

const { window, document } = installFakeDom();
const saved: Array<[string, string]> = [];
window.folio = {
  setNote: (id: string, text: string) => {
    saved.push([id, text]);
    return Promise.resolve();
  },
};
const { installNoteFlushing, noteSaver } = await import('../../renderer/src/lib/notes.js');

test('notes: installNoteFlushing registers each page-lifecycle listener once', () => {
  installNoteFlushing();
  installNoteFlushing();
  assert.equal(window.count('pagehide'), 1);
  assert.equal(window.count('beforeunload'), 1);
  assert.equal(document.count('visibilitychange'), 1);
});

test('notes: the window going away starts pending saves synchronously, through window.folio.setNote', async (t) => {
  const cases: Array<{ name: string; input: () => void; expected: boolean }> = [
    { name: 'pagehide', input: () => window.dispatch('pagehide'), expected: true },
    { name: 'beforeunload', input: () => window.dispatch('beforeunload'), expected: true },
    {
      name: 'hidden',
      input: () => {
        document.visibilityState = 'hidden';
        document.dispatch('visibilitychange');
      },
      expected: true,
    },
    {
      name: 'visible again: nothing',
      input: () => {
        document.visibilityState = 'visible';
        document.dispatch('visibilitychange');
      },
      expected: false,
    },
  ];
  let n = 0;
  for (const { name, input, expected } of cases) {
    await t.test(name, async () => {
      const text = `note ${++n} ✍️`;
      noteSaver.edit('paper-1', text);
      saved.length = 0;
      input();
      assert.deepEqual(saved, expected ? [['paper-1', text]] : []);
      noteSaver.flush('paper-1'); // leave nothing pending (and no timer) for the next row
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(noteSaver.hasPending(), false);
    });
  }
});
