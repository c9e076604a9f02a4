// The renderer's view of the preload bridges. Types only: nothing from electron/ is bundled into the UI.
// (From electron/preload/types.ts: type-only, so no Electron or Node types reach the renderer.)
import type { FolioBridge, FolioMenuBridge, MenuActionEvent } from '../../electron/preload/types.js';
import type { ImportFileText } from '../../electron/shared/import-file.js';

/**
 * Actions the application menu can trigger. They arrive through `window.folioMenu.onAction` (the preload's
 * bridge; `import` carries the clipboard text read in main) or, for scripts and tests, as a `folio:menu`
 * CustomEvent on window with detail `{ action }`.
 */
export type MenuAction = 'import' | 'import-files' | 'find' | 'toggle-theme' | 'export' | 'toggle-sidebar' | 'toggle-details' | 'undo' | 'redo';

export interface FolioMenuEventDetail {
  action: MenuAction;
  /** For 'import': text to open the import dialog with. */
  text?: string;
  /** For 'import-files': the files read in main (File ▸ Import File…), and one line per file not imported. */
  files?: ImportFileText[];
  refused?: string[];
  /** For 'toggle-theme': the theme main switched to (else the page toggles). */
  theme?: 'light' | 'dark';
}

declare global {
  interface Window {
    /** Undefined only when the page is opened outside Folio (no preload). */
    folio?: FolioBridge;
    folioMenu?: FolioMenuBridge;
  }
  interface WindowEventMap {
    'folio:menu': CustomEvent<FolioMenuEventDetail>;
  }
}

export type { FolioBridge, FolioMenuBridge, MenuActionEvent };
