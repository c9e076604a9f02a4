// The renderer's view of the preload bridges, types only: the preload itself is never bundled into the UI, and no
// Electron or Node types reach the renderer (electron/preload/types.ts is type-only).
import type { FolioBridge, FolioMenuBridge, MenuActionEvent } from '../../electron/preload/types.js';

declare global {
  interface Window {
    /** Undefined only when the page is opened outside Folio (no preload). */
    folio?: FolioBridge;
    /** The application menu's actions (MenuActionEvent) and native context menus; undefined outside Electron. */
    folioMenu?: FolioMenuBridge;
  }
}

export type { FolioBridge, FolioMenuBridge, MenuActionEvent };
