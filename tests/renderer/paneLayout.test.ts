import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paneLayout } from '../../renderer/src/lib/paneLayout.js';

test('paneLayout: fractions of the window, minimums kept, collapsed panes take no room', async (t) => {
  const both = { sidebar: true, detail: true };
  const cases: Array<{ name: string; width: number; fractions: { sidebar: number; list: number }; shown: typeof both; expected: { sidebar: number; list: number; columns: string } }> = [
    { name: 'a wide window: the fractions', width: 2000, fractions: { sidebar: 0.15, list: 0.4 }, shown: both, expected: { sidebar: 300, list: 800, columns: '300px 800px minmax(340px, 1fr)' } },
    { name: 'the same fractions at half the width', width: 1000, fractions: { sidebar: 0.2, list: 0.4 }, shown: both, expected: { sidebar: 200, list: 400, columns: '200px 400px minmax(340px, 1fr)' } },
    { name: 'a narrow window: minimums win', width: 700, fractions: { sidebar: 0.1, list: 0.2 }, shown: both, expected: { sidebar: 160, list: 280, columns: '160px 280px minmax(340px, 1fr)' } },
    { name: 'the list leaves the details their minimum', width: 1200, fractions: { sidebar: 0.2, list: 0.9 }, shown: both, expected: { sidebar: 240, list: 620, columns: '240px 620px minmax(340px, 1fr)' } },
    { name: 'the sidebar is capped at 35%', width: 1000, fractions: { sidebar: 0.6, list: 0.3 }, shown: both, expected: { sidebar: 350, list: 300, columns: '350px 300px minmax(340px, 1fr)' } },
    { name: 'sidebar collapsed', width: 1000, fractions: { sidebar: 0.2, list: 0.4 }, shown: { sidebar: false, detail: true }, expected: { sidebar: 0, list: 400, columns: '0 400px minmax(340px, 1fr)' } },
    { name: 'details collapsed: the list takes the rest', width: 1000, fractions: { sidebar: 0.2, list: 0.4 }, shown: { sidebar: true, detail: false }, expected: { sidebar: 200, list: 400, columns: '200px minmax(280px, 1fr) 0' } },
    { name: 'both collapsed', width: 1000, fractions: { sidebar: 0.2, list: 0.4 }, shown: { sidebar: false, detail: false }, expected: { sidebar: 0, list: 400, columns: '0 minmax(280px, 1fr) 0' } },
  ];
  for (const { name, width, fractions, shown, expected } of cases) {
    await t.test(name, () => {
      const layout = paneLayout(width, fractions, shown);
      assert.deepEqual({ sidebar: layout.sidebar, list: layout.list, columns: layout.columns }, expected);
    });
  }
});
