import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAPER_ACTIONS, STATUS_OF_ACTION, paperMenu, shortcutLabel } from '../../renderer/src/lib/actions.js';
import { READING_STATUSES } from '../../electron/core/model.js';
import { hasNativeMenu, showNativeMenu } from '../../renderer/src/lib/native-menu.js';
import { SIDEBAR_ACTIONS, sidebarMenu, type SidebarMenuKind } from '../../renderer/src/lib/sidebar-actions.js';

test('actions: the rows’ menu for each kind of selection', async (t) => {
  const cases: Array<{ name: string; count: number; inTrash: boolean; enabled: string[]; disabled: string[] }> = [
    { name: 'nothing selected', count: 0, inTrash: false, enabled: ['select-all'], disabled: ['edit', 'add-tag', 'status-unread', 'status-reading', 'status-read', 'export', 'trash'] },
    { name: 'one paper', count: 1, inTrash: false, enabled: ['edit', 'add-tag', 'status-unread', 'status-reading', 'status-read', 'export', 'select-all', 'trash'], disabled: [] },
    { name: 'many papers: no Edit', count: 3_000, inTrash: false, enabled: ['add-tag', 'status-unread', 'status-reading', 'status-read', 'export', 'select-all', 'trash'], disabled: ['edit'] },
    { name: 'in the Trash: restore and export only', count: 2, inTrash: true, enabled: ['export', 'select-all', 'restore'], disabled: [] },
    { name: 'in the Trash, nothing selected', count: 0, inTrash: true, enabled: ['select-all'], disabled: ['export', 'restore'] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const menu = paperMenu({ count: c.count, inTrash: c.inTrash });
      assert.deepEqual(menu.filter((item) => item.enabled).map((item) => item.id), c.enabled);
      assert.deepEqual(menu.filter((item) => !item.enabled).map((item) => item.id), c.disabled);
      assert.ok(menu.every((item) => item.label.length > 0));
      assert.equal(JSON.parse(JSON.stringify(menu)).length, menu.length, 'plain data: it crosses IPC');
    });
  }
});

test('actions: one "Mark as" action per reading status', () => {
  assert.deepEqual(Object.values(STATUS_OF_ACTION).sort(), [...READING_STATUSES].sort());
  for (const id of Object.keys(STATUS_OF_ACTION)) assert.ok(PAPER_ACTIONS.some((action) => action.id === id), id);
  assert.equal(new Set(PAPER_ACTIONS.map((a) => a.id)).size, PAPER_ACTIONS.length, 'ids are unique');
});

test('actions: shortcut labels per platform', async (t) => {
  const cases: Array<{ accelerator: string; isMac: boolean; expected: string }> = [
    { accelerator: '', isMac: false, expected: '' },
    { accelerator: 'CmdOrCtrl+A', isMac: false, expected: 'Ctrl+A' },
    { accelerator: 'CmdOrCtrl+A', isMac: true, expected: '⌘A' },
    { accelerator: 'CmdOrCtrl+Shift+Z', isMac: true, expected: '⌘⇧Z' },
    { accelerator: 'Delete', isMac: false, expected: 'Delete' },
    { accelerator: 'Delete', isMac: true, expected: '⌫' },
  ];
  for (const c of cases) await t.test(`${c.accelerator} ${c.isMac ? 'mac' : 'pc'}`, () => assert.equal(shortcutLabel(c.accelerator, c.isMac), c.expected));
});

test('sidebar actions: one list per kind of entry, the danger ones last; Empty Trash only with something in it', () => {
  for (const kind of Object.keys(SIDEBAR_ACTIONS) as SidebarMenuKind[]) {
    const menu = sidebarMenu(kind, { trashCount: 3 });
    assert.equal(new Set(menu.map((item) => item.id)).size, menu.length, `${kind}: ids are unique`);
    assert.ok(menu.every((item) => item.enabled && item.label.length > 0), kind);
    const firstDanger = menu.findIndex((item) => item.danger);
    assert.ok(firstDanger > 0 && menu.slice(firstDanger).every((item) => item.danger), `${kind}: a safe first item, the danger ones last`);
    assert.equal(JSON.parse(JSON.stringify(menu)).length, menu.length, 'plain data: it crosses IPC');
  }
  assert.deepEqual(sidebarMenu('trash', { trashCount: 0 }).map((item) => [item.id, item.enabled]), [['open', true], ['empty-trash', false]]);
  assert.deepEqual(sidebarMenu('profile', { trashCount: 0 }).map((item) => item.label), ['Show its papers', 'Remove profile…']);
});

test('native menu: sends only the fields main validates and answers only an id it offered', async () => {
  const sent: unknown[] = [];
  let answer: unknown = 'remove-profile';
  const g = globalThis as unknown as { window?: unknown };
  const before = g.window;
  g.window = { folioMenu: { showContextMenu: async (items: unknown[]) => {
        sent.push(items);
        return answer;
      },
    }, };
  try {
    const menu = sidebarMenu('profile', { trashCount: 0 });
    assert.equal(hasNativeMenu(), true);
    assert.equal(await showNativeMenu(menu), 'remove-profile');
    assert.deepEqual(sent[0], [
      { id: 'open', label: 'Show its papers', shortcut: '', enabled: true },
      { id: 'remove-profile', label: 'Remove profile…', shortcut: '', enabled: true },
    ]);
    answer = 'delete-everything';
    assert.equal(await showNativeMenu(menu), null);
    answer = null;
    assert.equal(await showNativeMenu(menu), null);
    g.window = {};
    assert.equal(hasNativeMenu(), false);
    assert.equal(await showNativeMenu(menu), null);
  } finally {
    g.window = before;
  }
});
