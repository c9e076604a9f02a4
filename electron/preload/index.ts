// The sandboxed preload: exposes `window.folio` (the contract) and `window.folioMenu` (menu actions).
// Nothing else reaches the page; ipcRenderer itself never does.
import { contextBridge, ipcRenderer } from 'electron';
import { buildFolioApi } from './folio-api.js';
import { buildMenuBridge } from './menu-bridge.js';

contextBridge.exposeInMainWorld('folio', buildFolioApi(ipcRenderer));
contextBridge.exposeInMainWorld('folioMenu', buildMenuBridge(ipcRenderer));

export type { FolioBridge, FolioMenuBridge, MenuActionEvent } from './types.js';
