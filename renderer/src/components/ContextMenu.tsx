// A context menu drawn by the page from an action list (lib/actions.ts, lib/sidebar-actions.ts): role="menu", arrows/Home/End move, Enter
// picks, Esc or a click elsewhere closes and focus goes back. In Electron main draws the native menu from the same list.
import { useRef, type KeyboardEvent } from 'react';
import { useFloatingMenu } from '../hooks/useFloatingMenu.js';
import { shortcutLabel, type MenuItem } from '../lib/actions.js';

interface Props<Id extends string> {
  label: string;
  items: readonly MenuItem<Id>[];
  at: { x: number; y: number };
  onPick: (id: Id) => void;
  onClose: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export function ContextMenu<Id extends string>({ label, items, at, onPick, onClose }: Props<Id>) {
  const returnFocus = useRef<HTMLElement | null>(document.activeElement as HTMLElement | null);

  const close = (refocus: boolean) => {
    onClose();
    if (refocus) returnFocus.current?.focus();
  };
  // Only the enabled items are focused and stepped through.
  const { menuRef, pos, items: enabledItems } = useFloatingMenu(at, '[role="menuitem"]:not([aria-disabled="true"])', () => close(false));

  const onKeyDown = (event: KeyboardEvent) => {
    const enabled = enabledItems();
    const i = enabled.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key === 'ArrowDown') next = enabled[(i + 1) % enabled.length];
    else if (event.key === 'ArrowUp') next = enabled[(i - 1 + enabled.length) % enabled.length];
    else if (event.key === 'Home') next = enabled[0];
    else if (event.key === 'End') next = enabled[enabled.length - 1];
    // Keys typed while the menu is open are the menu's (1–9, Delete, Ctrl+A must not act on the list behind it).
    event.stopPropagation();
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div ref={menuRef} className="menu context-menu" role="menu" aria-label={label} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={!item.enabled}
          aria-keyshortcuts={item.shortcut ? item.shortcut.replace('CmdOrCtrl', isMac ? 'Meta' : 'Control') : undefined}
          className={`menu-item${item.danger ? ' danger' : ''}`}
          onClick={() => {
            if (!item.enabled) return;
            close(true);
            onPick(item.id);
          }}
        >
          <span>{item.label}</span>
          {item.shortcut ? <kbd className="menu-shortcut">{shortcutLabel(item.shortcut, isMac)}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
