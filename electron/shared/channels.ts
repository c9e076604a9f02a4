// IPC channel names and payload shapes shared by main and the preload, so the two cannot drift apart.
// Request/response channels come from the contract (channelFor); this adds the push channels.
export { CHANGED_CHANNEL, channelFor } from '../core/api.js';
import type { ImportFileText } from './import-file.js';

/** Main → renderer: a native menu item was chosen that the page has to act on. */
export const MENU_CHANNEL = 'folio:menu';

/**
 * What each menu action carries. `import` brings the clipboard's text (read in main, where the clipboard is
 * always readable); `import-files` the files chosen in File ▸ Import File… (read in main) and a line for each one
 * that is not imported; `toggle-theme` says which theme main switched the native chrome to; View ▸ Sidebar /
 * Paper Details ask the page to show or hide that pane.
 */
interface MenuActionPayloads {
  import: { text: string };
  'import-files': { files: ImportFileText[]; refused: string[] };
  find: Record<never, never>;
  'toggle-theme': { theme: 'light' | 'dark' };
  'toggle-sidebar': Record<never, never>;
  'toggle-details': Record<never, never>;
  undo: Record<never, never>;
  redo: Record<never, never>;
}

export type MenuAction = keyof MenuActionPayloads;

export type MenuActionEvent = { [A in MenuAction]: { action: A } & MenuActionPayloads[A] }[MenuAction];

const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every((line) => typeof line === 'string');
const always = (): boolean => true;

/** Each action's payload check: the one list of the actions main may send. */
const PAYLOAD_CHECKS: { [A in MenuAction]: (event: Record<string, unknown>) => boolean } = {
  import: (event) => typeof event.text === 'string',
  'import-files': (event) => Array.isArray(event.files) && event.files.every(isImportFileText) && isStringArray(event.refused),
  find: always,
  'toggle-theme': (event) => event.theme === 'light' || event.theme === 'dark',
  'toggle-sidebar': always,
  'toggle-details': always,
  undo: always,
  redo: always,
};

export const MENU_ACTIONS = Object.keys(PAYLOAD_CHECKS) as MenuAction[];

export function isMenuActionEvent(value: unknown): value is MenuActionEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return Object.hasOwn(PAYLOAD_CHECKS, event.action as PropertyKey) && PAYLOAD_CHECKS[event.action as MenuAction](event);
}

/** Renderer → main (invoke): show a native context menu of these items; resolves the chosen item's id, or null. */
export const CONTEXT_MENU_CHANNEL = 'folio:context-menu';

/** One item of a context menu as the page describes it (the renderer's action list, lib/actions.ts). */
export interface ContextMenuItem {
  id: string;
  label: string;
  /** An Electron accelerator shown beside the label ("CmdOrCtrl+A"); "" for none. */
  shortcut: string;
  enabled: boolean;
}

/** The most items a context menu takes from the page. */
const MAX_CONTEXT_ITEMS = 50;

export function isContextMenuItems(value: unknown): value is ContextMenuItem[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_CONTEXT_ITEMS &&
    value.every((item: unknown) => {
      if (typeof item !== 'object' || item === null) return false;
      const i = item as Record<string, unknown>;
      return typeof i.id === 'string' && i.id.length <= 64 && typeof i.label === 'string' && i.label.length <= 200 && typeof i.shortcut === 'string' && i.shortcut.length <= 40 && typeof i.enabled === 'boolean';
    })
  );
}

function isImportFileText(value: unknown): value is ImportFileText {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return typeof file.name === 'string' && typeof file.text === 'string';
}

/**
 * How every contract call comes back over IPC. Main never lets a handler throw: Electron would wrap the
 * message as "Error invoking remote method 'folio:x': Error: …", so main sends the clean message and the
 * preload rethrows it as an Error in the page.
 */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

export function isIpcResult(value: unknown): value is IpcResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  if (result.ok === true) return 'value' in result;
  if (result.ok !== false || typeof result.error !== 'object' || result.error === null) return false;
  const error = result.error as Record<string, unknown>;
  return typeof error.name === 'string' && typeof error.message === 'string';
}
