// The object the preload exposes as `window.folioMenu`: a subscription to native menu actions.
// A second bridge rather than a DOM CustomEvent: with contextIsolation an event dispatched from the
// preload's isolated world reaches main-world listeners, but an object `detail` created in the isolated
// world does not reliably cross (it reads as null), whereas contextBridge copies arguments explicitly.
import { CONTEXT_MENU_CHANNEL, isMenuActionEvent, MENU_CHANNEL, type ContextMenuItem, type MenuActionEvent } from '../shared/channels.js';
import type { IpcRendererLike } from './folio-api.js';

export function buildMenuBridge(ipcRenderer: IpcRendererLike) {
  return {
    /** Calls `listener` for every menu action main sends; returns the unsubscribe function. */
    onAction(listener: (event: MenuActionEvent) => void): () => void {
      const forward = (_event: unknown, payload: unknown) => {
        if (isMenuActionEvent(payload)) listener(payload);
      };
      ipcRenderer.on(MENU_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(MENU_CHANNEL, forward);
      };
    },
    /** Shows a native context menu of `items` at the pointer; resolves the chosen item's id, or null when none was. */
    async showContextMenu(items: ContextMenuItem[]): Promise<string | null> {
      const chosen: unknown = await ipcRenderer.invoke(CONTEXT_MENU_CHANNEL, items);
      return typeof chosen === 'string' && items.some((item) => item.id === chosen) ? chosen : null;
    },
  };
}

/** The type of `window.folioMenu`. */
export type FolioMenuBridge = ReturnType<typeof buildMenuBridge>;
export type { MenuActionEvent };
