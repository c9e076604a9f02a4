// The actions of each kind of sidebar entry, said once: an entry's "…" menu, its right-click / Menu key / Shift+F10
// menu and, in Electron, the native menu are all built from these lists (a tag's menu adds its colours and keys).
import type { MenuItem } from './actions.js';

/** What an action's availability depends on. */
export interface SidebarMenuContext {
  trashCount: number;
}

const always = () => true;

export const SIDEBAR_ACTIONS = {
  profile: [
    { id: 'open', label: 'Show its papers', danger: false, enabled: always },
    { id: 'remove-profile', label: 'Remove profile…', danger: true, enabled: always },
  ],
  tag: [
    { id: 'rename', label: 'Rename…', danger: false, enabled: always },
    { id: 'delete-tag', label: 'Delete tag…', danger: true, enabled: always },
  ],
  saved: [
    { id: 'rename', label: 'Rename…', danger: false, enabled: always },
    { id: 'delete', label: 'Delete', danger: true, enabled: always },
  ],
  trash: [
    { id: 'open', label: 'Open Trash', danger: false, enabled: always },
    { id: 'empty-trash', label: 'Empty Trash…', danger: true, enabled: ({ trashCount }: SidebarMenuContext) => trashCount > 0 },
  ],
} as const;

export type SidebarMenuKind = keyof typeof SIDEBAR_ACTIONS;
export type SidebarActionId<Kind extends SidebarMenuKind> = (typeof SIDEBAR_ACTIONS)[Kind][number]['id'];

/** The menu of one kind of entry, each item enabled or not here. */
export function sidebarMenu<Kind extends SidebarMenuKind>(kind: Kind, context: SidebarMenuContext): MenuItem<SidebarActionId<Kind>>[] {
  const actions: ReadonlyArray<(typeof SIDEBAR_ACTIONS)[SidebarMenuKind][number]> = SIDEBAR_ACTIONS[kind];
  return actions.map((action) => ({
    id: action.id as SidebarActionId<Kind>,
    label: action.label,
    shortcut: '',
    enabled: action.enabled(context),
    ...(action.danger ? { danger: true } : {}),
  }));
}
