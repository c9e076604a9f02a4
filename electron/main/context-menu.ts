// The rows' context menu as a native menu: the page sends its action list (renderer/src/lib/actions.ts) and gets back
// the id of the item chosen, or null. Electron comes in as parameters, so the wiring is tested with fakes.
import type { MenuItemConstructorOptions } from 'electron';
import { CONTEXT_MENU_CHANNEL, isContextMenuItems, type ContextMenuItem } from '../shared/channels.js';
import { assertTrustedSender, type IpcMainLike, type WebContentsLike } from './ipc.js';

/** The part of an Electron Menu this needs: popup with a callback run when the menu closes. */
export interface PopupMenuLike<Window> {
  popup(options: { window?: Window; callback?: () => void }): void;
}

export interface ContextMenuDeps<Window> {
  ipcMain: IpcMainLike;
  /** Menu.buildFromTemplate. */
  buildMenu: (template: MenuItemConstructorOptions[]) => PopupMenuLike<Window>;
  getWindow: () => Window | null;
  getWebContents: () => WebContentsLike | null;
  rendererUrl: string;
}

/** The native menu's template: one item per action, greyed when not enabled, each click answering its id. */
export function contextMenuTemplate(items: readonly ContextMenuItem[], choose: (id: string) => void): MenuItemConstructorOptions[] {
  return items.map((item) => ({
    label: item.label,
    enabled: item.enabled,
    ...(item.shortcut ? { accelerator: item.shortcut, registerAccelerator: false } : {}),
    click: () => choose(item.id),
  }));
}

/** Handles CONTEXT_MENU_CHANNEL; the returned disposer removes the handler. */
export function registerContextMenu<Window>(deps: ContextMenuDeps<Window>): () => void {
  deps.ipcMain.handle(CONTEXT_MENU_CHANNEL, async (event, items) => {
    assertTrustedSender(event, deps.getWebContents(), deps.rendererUrl);
    if (!isContextMenuItems(items)) throw new Error('Folio: a context menu needs a list of items.');
    return new Promise<string | null>((resolve) => {
      const menu = deps.buildMenu(contextMenuTemplate(items, (id) => resolve(id)));
      // On some platforms the menu reports closing before the chosen item's click: answer null only after it.
      menu.popup({ window: deps.getWindow() ?? undefined, callback: () => setImmediate(() => resolve(null)) });
    });
  });
  return () => deps.ipcMain.removeHandler(CONTEXT_MENU_CHANNEL);
}
