// Per-tag actions in the sidebar: a "…" button (or right-click, the Menu key, Shift+F10) opens a menu to rename, recolour, assign a key 1–9
// or delete. Renaming onto an existing tag asks before merging the two; a merge, like a rename or a key, can be undone.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFloatingMenu } from '../hooks/useFloatingMenu.js';
import type { TagKey, TagSummary } from '../../../electron/core/api.js';
import { TAG_KEYS } from '../../../electron/core/model.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { plural } from '../lib/format.js';
import { sidebarMenu } from '../lib/sidebar-actions.js';
import { TAG_PALETTE } from '../lib/tagColors.js';
import { useToasts } from '../hooks/useToasts.js';
import { Modal } from './Modal.js';
import { useUndoButton } from '../hooks/useUndo.js';

interface Props {
  tag: TagSummary;
  /** Every tag: which one holds each key. */
  tags: readonly TagSummary[];
  menuAt: { x: number; y: number } | null;
  setMenuAt: (at: { x: number; y: number } | null) => void;
  onRename: () => void;
  onDeleted: () => void;
}

export function TagActions({ tag, tags, menuAt, setMenuAt, onRename, onDeleted }: Props) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toasts = useToasts();
  const undoButton = useUndoButton();
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

  const assignKey = (key: TagKey | null) => {
    close(true);
    if ((tag.key ?? null) === key) return;
    getFolio()
      .assignTagKey(tag.name, key)
      .then(
        () => toasts.show(key === null ? `Key ${tag.key} no longer toggles “${tag.name}”` : `Key ${key} toggles “${tag.name}”`, { action: undoButton }),
        (err: unknown) => toasts.show(`Could not assign the key: ${errorMessage(err)}`, { kind: 'error' }),
      );
  };

  const remove = () => {
    close(false);
    getFolio()
      .deleteTag(tag.name)
      .then(
        (deletion) => {
          onDeleted();
          toasts.show(`Deleted tag “${tag.name}” from ${plural(deletion.paperIds.length, 'paper')}`, { action: undoButton });
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
        <TagMenu tag={tag} tags={tags} at={menuAt} onClose={close} onRename={() => { close(false); onRename(); }} onRecolor={recolor} onAssignKey={assignKey} onDelete={remove} />
      ) : null}
    </>
  );
}

/** A tag's actions do not depend on the Trash. */
const NO_CONTEXT = { trashCount: 0 };

interface MenuProps {
  tag: TagSummary;
  tags: readonly TagSummary[];
  at: { x: number; y: number };
  onClose: (refocus: boolean) => void;
  onRename: () => void;
  onRecolor: (color: string) => void;
  onAssignKey: (key: TagKey | null) => void;
  onDelete: () => void;
}

function TagMenu({ tag, tags, at, onClose, onRename, onRecolor, onAssignKey, onDelete }: MenuProps) {
  const holder = new Map(tags.flatMap((t) => (t.key ? [[t.key, t.name] as const] : [])));
  // The plain actions come from the tag's action list (lib/sidebar-actions.ts); the colours and keys are this menu's own.
  const items = sidebarMenu('tag', NO_CONTEXT);
  const run: Record<(typeof items)[number]['id'], () => void> = { rename: onRename, 'delete-tag': onDelete };
  const menuItem = (item: (typeof items)[number]) => (
    <button key={item.id} type="button" role="menuitem" tabIndex={-1} className={`menu-item${item.danger ? ' danger' : ''}`} onClick={run[item.id]}>
      {item.label}
    </button>
  );
  // Radio items too (colours, keys).
  const { menuRef, pos, items: menuItems } = useFloatingMenu(at, '[role^="menuitem"]', () => onClose(false));

  const onKeyDown = (event: KeyboardEvent) => {
    const items = menuItems();
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    // Swatches and keys sit in rows: ←/→ walk a row, ↑/↓ (and ←/→ at a row's end) step through every item.
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = items[(i + 1) % items.length];
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = items[(i - 1 + items.length) % items.length];
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
      {items.filter((item) => !item.danger).map(menuItem)}
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
      <div role="group" aria-label="Key" className="menu-keys">
        <span className="menu-group-label" aria-hidden="true">
          Key
        </span>
        {TAG_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            role="menuitemradio"
            tabIndex={-1}
            aria-checked={tag.key === key}
            aria-label={`Assign to key ${key}`}
            title={holder.has(key) && holder.get(key) !== tag.name ? `Assign to key ${key} (now “${holder.get(key)}”)` : `Assign to key ${key}`}
            className={`key-choice${holder.has(key) && holder.get(key) !== tag.name ? ' taken' : ''}`}
            onClick={() => onAssignKey(key)}
          >
            {key}
          </button>
        ))}
        <button type="button" role="menuitemradio" tabIndex={-1} aria-checked={tag.key === undefined} className="key-choice none" onClick={() => onAssignKey(null)}>
          No key
        </button>
      </div>
      <div role="separator" className="menu-separator" />
      {items.filter((item) => item.danger).map(menuItem)}
    </div>
  );
}

/**
 * Inline rename in the sidebar. Enter renames, Esc cancels. A name that is another tag's asks first ("Merge tags"
 * dialog) and then merges the two; the toast offers Undo.
 */
export function TagRenameInput({ tag, existing, onDone }: { tag: TagSummary; existing: readonly TagSummary[]; onDone: (newName: string | null) => void }) {
  const [value, setValue] = useState(tag.name);
  const [mergeInto, setMergeInto] = useState<TagSummary | null>(null);
  // The dialog takes focus from the input: that blur must not cancel the rename being confirmed.
  const confirming = useRef(false);
  const toasts = useToasts();
  const undoButton = useUndoButton();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const rename = (to: string, target: TagSummary | null) => {
    getFolio()
      .renameTag(tag.name, to, target ? { merge: true } : undefined)
      .then(
        (result) => {
          toasts.show(result.merged ? `Merged “${tag.name}” into “${result.name}”` : `Renamed “${tag.name}” to “${result.name}”`, { action: undoButton });
          onDone(result.name);
        },
        (err: unknown) => {
          toasts.show(`Could not rename “${tag.name}”: ${errorMessage(err)}`, { kind: 'error' });
          onDone(null);
        },
      );
  };

  const commit = () => {
    const to = value.trim();
    if (!to || to === tag.name) return onDone(null);
    const target = existing.find((t) => t.name.toLowerCase() === to.toLowerCase() && t.name !== tag.name) ?? null;
    if (target) {
      confirming.current = true;
      setMergeInto(target);
    } else rename(to, null);
  };

  if (mergeInto) {
    return (
      <Modal title="Merge tags" onClose={() => onDone(null)} className="confirm-dialog">
        <div className="modal-header">
          <h2 className="modal-title">Merge “{tag.name}” into “{mergeInto.name}”?</h2>
          <p>
            “{mergeInto.name}” already exists ({plural(mergeInto.count, 'paper')}). The {plural(tag.count, 'paper')} tagged “{tag.name}” will be tagged “{mergeInto.name}”
            instead, and “{tag.name}” goes away. You can undo this.
          </p>
        </div>
        <div className="modal-footer">
          <button type="button" className="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="button" className="button primary" onClick={() => rename(mergeInto.name, mergeInto)}>
            Merge
          </button>
        </div>
      </Modal>
    );
  }

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
      onBlur={() => {
        if (!confirming.current) onDone(null);
      }}
    />
  );
}
