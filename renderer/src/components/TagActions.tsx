// Per-tag actions in the sidebar: a "…" button (or right-click) opens a menu to rename, recolour or delete.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TagSummary } from '../../../electron/core/api.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { plural } from '../lib/format.js';
import { TAG_PALETTE } from '../lib/tagColors.js';
import { useToasts } from '../hooks/useToasts.js';
import { useUndo } from '../hooks/useUndo.js';

interface Props {
  tag: TagSummary;
  menuAt: { x: number; y: number } | null;
  setMenuAt: (at: { x: number; y: number } | null) => void;
  onRename: () => void;
  onDeleted: () => void;
}

export function TagActions({ tag, menuAt, setMenuAt, onRename, onDeleted }: Props) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toasts = useToasts();
  const { undo } = useUndo();
  const open = menuAt !== null;

  const close = (refocus: boolean) => {
    setMenuAt(null);
    if (refocus) buttonRef.current?.focus();
  };

  const recolor = (color: string) => {
    close(true);
    getFolio()
      .setTagColor(tag.name, color)
      .catch((err: unknown) => toasts.show(`Could not recolour “${tag.name}”: ${errorMessage(err)}`, { kind: 'error' }));
  };

  const remove = () => {
    close(false);
    getFolio()
      .deleteTag(tag.name)
      .then(
        (deletion) => {
          onDeleted();
          toasts.show(`Deleted tag “${tag.name}” from ${plural(deletion.paperIds.length, 'paper')}`, {
            action: { label: 'Undo', run: undo },
          });
        },
        (err: unknown) => toasts.show(`Could not delete “${tag.name}”: ${errorMessage(err)}`, { kind: 'error' }),
      );
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button tag-menu-button"
        aria-label={`Actions for tag ${tag.name}`}
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
        <TagMenu tag={tag} at={menuAt} onClose={close} onRename={() => { close(false); onRename(); }} onRecolor={recolor} onDelete={remove} />
      ) : null}
    </>
  );
}

interface MenuProps {
  tag: TagSummary;
  at: { x: number; y: number };
  onClose: (refocus: boolean) => void;
  onRename: () => void;
  onRecolor: (color: string) => void;
  onDelete: () => void;
}

function TagMenu({ tag, at, onClose, onRename, onRecolor, onDelete }: MenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);

  // Keep the menu inside the window, focus its first item.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const rect = menu.getBoundingClientRect();
    setPos({
      x: Math.max(4, Math.min(at.x, window.innerWidth - rect.width - 4)),
      y: Math.max(4, Math.min(at.y, window.innerHeight - rect.height - 4)),
    });
    menu.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [at]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    if (event.key === 'ArrowDown' || (event.key === 'ArrowRight' && i >= 1 && i <= TAG_PALETTE.length)) next = items[(i + 1) % items.length];
    else if (event.key === 'ArrowUp' || (event.key === 'ArrowLeft' && i >= 1 && i <= TAG_PALETTE.length)) next = items[(i - 1 + items.length) % items.length];
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div
      ref={menuRef}
      className="menu"
      role="menu"
      aria-label={`Tag ${tag.name}`}
      style={{ left: pos.x, top: pos.y }}
      onKeyDown={onKeyDown}
    >
      <button type="button" role="menuitem" tabIndex={-1} className="menu-item" onClick={onRename}>
        Rename…
      </button>
      <div role="group" aria-label="Colour" className="menu-swatches">
        {TAG_PALETTE.map((swatch) => (
          <button
            key={swatch.color}
            type="button"
            role="menuitemradio"
            tabIndex={-1}
            aria-checked={swatch.color.toLowerCase() === tag.color.toLowerCase()}
            aria-label={swatch.name}
            title={swatch.name}
            className="swatch"
            style={{ backgroundColor: swatch.color }}
            onClick={() => onRecolor(swatch.color)}
          />
        ))}
      </div>
      <div role="separator" className="menu-separator" />
      <button type="button" role="menuitem" tabIndex={-1} className="menu-item danger" onClick={onDelete}>
        Delete tag…
      </button>
    </div>
  );
}

/** Inline rename in the sidebar. Enter renames (merging into an existing tag of that name), Esc cancels. */
export function TagRenameInput({ tag, existing, onDone }: { tag: TagSummary; existing: readonly TagSummary[]; onDone: (newName: string | null) => void }) {
  const [value, setValue] = useState(tag.name);
  const toasts = useToasts();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const commit = () => {
    const to = value.trim();
    if (!to || to === tag.name) return onDone(null);
    const target = existing.find((t) => t.name.toLowerCase() === to.toLowerCase() && t.name !== tag.name);
    getFolio()
      // Renaming onto an existing tag merges only when asked to (the caller already knows the target).
      .renameTag(tag.name, to, target ? { merge: true } : undefined)
      .then(
        () => toasts.show(target ? `Merged “${tag.name}” into “${target.name}”` : `Renamed “${tag.name}” to “${to}”`),
        (err: unknown) => toasts.show(`Could not rename “${tag.name}”: ${errorMessage(err)}`, { kind: 'error' }),
      );
    onDone(target?.name ?? to);
  };

  return (
    <input
      ref={inputRef}
      className="tag-rename-input"
      aria-label={`Rename tag ${tag.name}`}
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
          onDone(null);
        }
      }}
      onBlur={() => onDone(null)}
    />
  );
}
