// A saved search's actions in the sidebar: a "…" button (or right-click) opens a menu to rename or delete it; both
// can be undone (the toast's Undo). Rename is inline, like a tag's.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFloatingMenu } from '../hooks/useFloatingMenu.js';
import type { SavedSearch } from '../../../electron/core/api.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { useUndoButton } from '../hooks/useUndo.js';

interface Props {
  search: SavedSearch;
  menuAt: { x: number; y: number } | null;
  setMenuAt: (at: { x: number; y: number } | null) => void;
  onRename: () => void;
  onDeleted: () => void;
}

export function SavedSearchActions({ search, menuAt, setMenuAt, onRename, onDeleted }: Props) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toasts = useToasts();
  const undoButton = useUndoButton();
  const open = menuAt !== null;
  const close = (refocus: boolean) => {
    setMenuAt(null);
    if (refocus) buttonRef.current?.focus();
  };
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
      {menuAt ? (
        <SimpleMenu label={`Saved search ${search.name}`} at={menuAt} onClose={close}>
          <button type="button" role="menuitem" tabIndex={-1} className="menu-item" onClick={() => { close(false); onRename(); }}>
            Rename…
          </button>
          <button type="button" role="menuitem" tabIndex={-1} className="menu-item danger" onClick={remove}>
            Delete
          </button>
        </SimpleMenu>
      ) : null}
    </>
  );
}

function SimpleMenu({ label, at, onClose, children }: { label: string; at: { x: number; y: number }; onClose: (refocus: boolean) => void; children: React.ReactNode }) {
  const { menuRef, pos, items: menuItems } = useFloatingMenu(at, '[role="menuitem"]', () => onClose(false));
  const onKeyDown = (event: KeyboardEvent) => {
    const items = menuItems();
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    const next = event.key === 'ArrowDown' ? items[(i + 1) % items.length] : event.key === 'ArrowUp' ? items[(i - 1 + items.length) % items.length] : undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    <div ref={menuRef} className="menu" role="menu" aria-label={label} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
      {children}
    </div>
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
