// The renderer's view of the preload bridge. Types only: nothing from electron/ is bundled into the UI.
//
// TODO(preload): switch to the bridge's own type once electron/preload/index.ts exists:
//   import type { FolioBridge } from '../../electron/preload/index.js';
// Until then the contract interface is used; it has the same shape (the bridge `satisfies FolioApi`).
import type { FolioApi } from '../../electron/core/api.js';

type FolioBridge = FolioApi;

/** Actions the application menu can trigger; the preload dispatches them as a `folio:menu` CustomEvent. */
export type MenuAction = 'import' | 'find' | 'toggle-theme' | 'export';

export interface FolioMenuEventDetail {
  action: MenuAction;
}

declare global {
  interface Window {
    /** Undefined only when the page is opened outside Folio (no preload). */
    folio?: FolioBridge;
  }
  interface WindowEventMap {
    'folio:menu': CustomEvent<FolioMenuEventDetail>;
  }
}

export type { FolioBridge };
