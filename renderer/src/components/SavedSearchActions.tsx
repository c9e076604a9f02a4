// A saved search's actions in the sidebar: a "…" button (or right-click, the Menu key, Shift+F10) opens a menu to rename or delete it; both
// can be undone (the toast's Undo). Rename is inline, like a tag's.
import { useEffect, useRef, useState } from 'react';
import type { SavedSearch } from '../../../electron/core/api.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { hasNativeMenu, showNativeMenu } from '../lib/native-menu.js';
import { sidebarMenu, type SidebarActionId } from '../lib/sidebar-actions.js';
import { ContextMenu } from './ContextMenu.js';
import { useUndoButton } from '../hooks/useUndo.js';

interface Props {
  search: SavedSearch;
  menuAt: { x: number; y: number } | null;
  setMenuAt: (at: { x: number; y: number } | null) => void;
  onRename: () => void;
  onDeleted: () => void;
}

/** A saved search's actions do not depend on the Trash. */
const NO_CONTEXT = { trashCount: 0 };

export function SavedSearchActions({ search, menuAt, setMenuAt, onRename, onDeleted }: Props) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toasts = useToasts();
  const undoButton = useUndoButton();
  const open = menuAt !== null;
  const close = (refocus: boolean) => {
    setMenuAt(null);
    if (refocus) buttonRef.current?.focus();
  };
  const items = sidebarMenu('saved', NO_CONTEXT);
  const remove = () => {
    close(false);
    getFolio()
      .deleteSavedSearch(search.id)
      .then(
        () => {
          onDeleted();
          toasts.show(`Deleted saved search “${search.name}”`, { action: undoButton });
        },
        (err: unknown) => toasts.show(`Could not delete “${search.name}”: ${errorMessage(err)}`, { kind: 'error' }),
      );
  };
  const run = (id: SidebarActionId<'saved'>) => (id === 'rename' ? onRename() : remove());
  // In Electron main draws the menu (whichever way it was asked for): ask it once per request, then forget the request.
  const native = hasNativeMenu();
  // biome-ignore lint/correctness/useExhaustiveDependencies: each request (menuAt) asks main once; the menu's items and actions are read as they are then
  useEffect(() => {
    if (!menuAt || !native) return;
    setMenuAt(null);
    showNativeMenu(items).then(
      (id) => id && run(id),
      (err: unknown) => toasts.show(`Could not open the menu: ${errorMessage(err)}`, { kind: 'error' }),
    );
  }, [menuAt]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button tag-menu-button"
        aria-label={`Actions for saved search ${search.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          if (open) return close(false);
          const rect = buttonRef.current?.getBoundingClientRect();
          setMenuAt(rect ? { x: rect.left, y: rect.bottom + 2 } : { x: 0, y: 0 });
        }}
      >
        …
      </button>
      {menuAt && !native ? (
        <ContextMenu label={`Saved search ${search.name}`} items={items} at={menuAt} onPick={run} onClose={() => setMenuAt(null)} />
      ) : null}
    </>
  );
}

/** Inline rename: Enter saves the new name (refused when another saved search has it), Esc cancels. */
export function SavedSearchRenameInput({ search, existing, onDone }: { search: SavedSearch; existing: readonly SavedSearch[]; onDone: () => void }) {
  const [value, setValue] = useState(search.name);
  const toasts = useToasts();
  const undoButton = useUndoButton();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const commit = () => {
    const to = value.trim();
    if (!to || to === search.name) return onDone();
    if (existing.some((s) => s.id !== search.id && s.name.toLowerCase() === to.toLowerCase())) {
      toasts.show(`A saved search is already called “${to}”`, { kind: 'error' });
      return;
    }
    getFolio()
      .renameSavedSearch(search.id, to)
      .then(
        () => toasts.show(`Renamed saved search to “${to}”`, { action: undoButton }),
        (err: unknown) => toasts.show(`Could not rename “${search.name}”: ${errorMessage(err)}`, { kind: 'error' }),
      );
    onDone();
  };
  return (
    <input
      ref={inputRef}
      className="tag-rename-input"
      aria-label={`Rename saved search ${search.name}`}
      value={value}
      maxLength={100}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
      onBlur={onDone}
    />
  );
}
