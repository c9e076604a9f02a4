import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { contextMenuTemplate, registerContextMenu } from '../../electron/main/context-menu.js';
import { buildMenuBridge } from '../../electron/preload/menu-bridge.js';
import { CONTEXT_MENU_CHANNEL, isContextMenuItems, type ContextMenuItem } from '../../electron/shared/channels.js';
import { paperMenu } from '../../renderer/src/lib/actions.js';
import { FakeIpcMain, FakeIpcRenderer, FakeWebContents, eventFrom } from './fakes.js';

const ITEMS: ContextMenuItem[] = paperMenu({ count: 2, inTrash: false });

/** A Menu stand-in: remembers its template; the test plays the user (click an item, or close the menu). */
class FakeMenu {
  static last: FakeMenu | null = null;
  popups: Array<{ window?: unknown }> = [];
  private closed: (() => void) | undefined;
  constructor(readonly template: MenuItemConstructorOptions[]) {
    FakeMenu.last = this;
  }
  popup(options: { window?: unknown; callback?: () => void }): void {
    this.popups.push({ window: options.window });
    this.closed = options.callback;
  }
  /** What Electron does when the user picks an item: the menu closes, then (on some platforms) the click arrives. */
  choose(label: string): void {
    const item = this.template.find((i) => i.label === label);
    this.closed?.();
    (item?.click as (() => void) | undefined)?.();
  }
  dismiss(): void {
    this.closed?.();
  }
}

function wire() {
  const ipcMain = new FakeIpcMain();
  const webContents = new FakeWebContents();
  const window = { id: 'main-window' };
  const dispose = registerContextMenu({ ipcMain, buildMenu: (template) => new FakeMenu(template), getWindow: () => window, getWebContents: () => webContents, rendererUrl: eventFrom(null).senderFrame!.url });
  const bridge = buildMenuBridge(new FakeIpcRenderer(ipcMain, webContents));
  return { ipcMain, webContents, window, dispose, bridge };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('native context menu', () => {
  it('the template: one item per action, greyed when disabled, accelerators shown but not registered', () => {
    const chosen: string[] = [];
    const template = contextMenuTemplate(ITEMS, (id) => chosen.push(id));
    assert.deepEqual(
      template.map((i) => [i.label, i.enabled, i.accelerator ?? null]),
      ITEMS.map((i) => [i.label, i.enabled, i.shortcut || null]),
    );
    assert.ok(template.every((i) => !i.accelerator || i.registerAccelerator === false));
    const markRead = template.find((i) => i.label === 'Mark as Read')?.click as () => void;
    markRead();
    assert.deepEqual(chosen, ['status-read']);
  });

  it('the page’s showContextMenu pops the menu on the window and resolves the chosen id, even when the click comes after the close', async () => {
    const { bridge, window } = wire();
    const answer = bridge.showContextMenu(ITEMS);
    await settle();
    assert.deepEqual(FakeMenu.last?.popups, [{ window }]);
    FakeMenu.last?.choose('Move to Trash');
    assert.equal(await answer, 'trash');
  });

  it('a menu closed without a choice resolves null', async () => {
    const { bridge } = wire();
    const answer = bridge.showContextMenu(ITEMS);
    await settle();
    FakeMenu.last?.dismiss();
    assert.equal(await answer, null);
  });

  it('refuses malformed item lists and foreign senders; the disposer removes the handler', async () => {
    const { ipcMain, webContents, dispose } = wire();
    const malformed: unknown[] = [null, 'items', [{ id: 1, label: 'x', shortcut: '', enabled: true }], [{ id: 'x', label: 'x', enabled: true }], Array.from({ length: 51 }, (_, i) => ({ id: `${i}`, label: 'x', shortcut: '', enabled: true }))];
    for (const items of malformed) {
      assert.equal(isContextMenuItems(items), false);
      await assert.rejects(ipcMain.invoke(CONTEXT_MENU_CHANNEL, eventFrom(webContents), items), /needs a list of items/);
    }
    await assert.rejects(ipcMain.invoke(CONTEXT_MENU_CHANNEL, eventFrom({ other: true }), ITEMS), /did not come from the library window/);
    await assert.rejects(ipcMain.invoke(CONTEXT_MENU_CHANNEL, eventFrom(webContents, 'https://evil.example/'), ITEMS), /did not come from the Folio page/);
    dispose();
    assert.equal(ipcMain.handlers.has(CONTEXT_MENU_CHANNEL), false);
  });

  it('an id main did not offer never reaches the page', async () => {
    const ipcMain = new FakeIpcMain();
    const webContents = new FakeWebContents();
    ipcMain.handle(CONTEXT_MENU_CHANNEL, async () => 'format-disk');
    const bridge = buildMenuBridge(new FakeIpcRenderer(ipcMain, webContents));
    assert.equal(await bridge.showContextMenu(ITEMS), null);
  });
});
