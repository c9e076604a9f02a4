// In Electron a context menu is main's native one, built from the same action list the page would draw (the preload's
// folioMenu.showContextMenu); in a browser, and the e2e suite, the page draws its own.
import type { MenuItem } from './actions.js';

export const hasNativeMenu = (): boolean => typeof window.folioMenu?.showContextMenu === 'function';

/** Shows `items` as a native menu; the id chosen, or null when none was (or there is no native menu). */
export async function showNativeMenu<Id extends string>(items: readonly MenuItem<Id>[]): Promise<Id | null> {
  const show = window.folioMenu?.showContextMenu;
  if (typeof show !== 'function') return null;
  const chosen = await show(items.map(({ id, label, shortcut, enabled }) => ({ id, label, shortcut, enabled })));
  return items.find((item) => item.id === chosen)?.id ?? null;
}
