// The bridge types for the renderer's tsconfig: importing them from here pulls in no Electron or Node types.
export type { FolioBridge } from './folio-api.js';
export type { FolioMenuBridge, MenuActionEvent } from './menu-bridge.js';
