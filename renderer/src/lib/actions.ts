// The actions on selected papers, said once: the detail pane's "N papers selected" buttons, the rows' context menu
// (a React menu in the browser, a native one in Electron) and the keyboard all read this list.
import type { ReadingStatus } from '../../../electron/core/model.js';

/** What an action's availability depends on. */
export interface ActionContext {
  /** Papers selected. */
  count: number;
  /** The list shows the Trash. */
  inTrash: boolean;
}

export const PAPER_ACTIONS = [
  { id: 'edit', label: 'Edit…', shortcut: '', enabled: ({ count, inTrash }: ActionContext) => count === 1 && !inTrash },
  { id: 'add-tag', label: 'Add tag…', shortcut: '', enabled: ({ count, inTrash }: ActionContext) => count > 0 && !inTrash },
  { id: 'status-unread', label: 'Mark as Unread', shortcut: '', enabled: ({ count, inTrash }: ActionContext) => count > 0 && !inTrash },
  { id: 'status-reading', label: 'Mark as Reading', shortcut: '', enabled: ({ count, inTrash }: ActionContext) => count > 0 && !inTrash },
  { id: 'status-read', label: 'Mark as Read', shortcut: '', enabled: ({ count, inTrash }: ActionContext) => count > 0 && !inTrash },
  { id: 'export', label: 'Export…', shortcut: '', enabled: ({ count }: ActionContext) => count > 0 },
  { id: 'select-all', label: 'Select All', shortcut: 'CmdOrCtrl+A', enabled: () => true },
  { id: 'trash', label: 'Move to Trash', shortcut: 'Delete', enabled: ({ count, inTrash }: ActionContext) => count > 0 && !inTrash },
  { id: 'restore', label: 'Restore', shortcut: '', enabled: ({ count, inTrash }: ActionContext) => count > 0 && inTrash },
] as const;

export type PaperActionId = (typeof PAPER_ACTIONS)[number]['id'];

/** The status each "Mark as …" action sets. */
export const STATUS_OF_ACTION: Partial<Record<PaperActionId, ReadingStatus>> = {
  'status-unread': 'unread',
  'status-reading': 'reading',
  'status-read': 'read',
};

/** An entry of a context menu, as the renderer draws it and as main builds the native one (plain data: it crosses IPC). */
export interface MenuItem<Id extends string = PaperActionId> {
  id: Id;
  label: string;
  /** An Electron accelerator ("CmdOrCtrl+A"), shown beside the label; "" for none. */
  shortcut: string;
  enabled: boolean;
  /** Destroys or removes something (drawn in the danger colour). */
  danger?: boolean;
}

/** The context menu of rows: the actions that make sense in this list, each enabled or not for this selection. */
export function paperMenu(context: ActionContext): MenuItem[] {
  return PAPER_ACTIONS.filter((action) => (context.inTrash ? !TRASH_HIDDEN.has(action.id) : action.id !== 'restore')).map((action) => ({
    id: action.id,
    label: action.label,
    shortcut: action.shortcut,
    enabled: action.enabled(context),
    ...(action.id === 'trash' ? { danger: true } : {}),
  }));
}

/** Actions that do nothing for papers in the Trash, so its menu leaves them out instead of greying them. */
const TRASH_HIDDEN: ReadonlySet<PaperActionId> = new Set(['edit', 'add-tag', 'status-unread', 'status-reading', 'status-read', 'trash']);

/** An accelerator as the platform writes it: "CmdOrCtrl+A" → "Ctrl+A" (or "⌘A" on a Mac). */
export function shortcutLabel(accelerator: string, isMac: boolean): string {
  if (!accelerator) return '';
  if (!isMac) return accelerator.replace('CmdOrCtrl', 'Ctrl');
  return accelerator.replace('CmdOrCtrl+', '⌘').replace('Shift+', '⇧').replace('Delete', '⌫');
}
