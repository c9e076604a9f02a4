// The page's global commands: keyboard shortcuts, paste-to-import and the application menu's actions (the preload's
// bridge), each mapped to what App passes in. Subscribed once; an event reads the commands of the latest render.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { MenuActionEvent } from '../folio.js';
import { isTextField, modalOpen } from '../lib/dom.js';
import type { DroppedFiles } from '../lib/dropped-files.js';
import { setTheme } from '../lib/theme.js';

export interface AppCommands {
  focusSearch(): void;
  openImport(text: string): void;
  takeFiles(files: DroppedFiles): void;
  toggleSidebar(): void;
  toggleDetails(): void;
  /** Ctrl/⌘+A outside text fields; null when the view has no list to select. */
  selectAll: (() => void) | null;
  /** Keys 1–9: the tag holding that key, on the selected papers. */
  toggleTagByKey(key: number): void;
  /** Delete; null when nothing can be moved to the Trash. */
  trashSelected: (() => void) | null;
  undo(): void;
  redo(): void;
}

export function useAppCommands(commands: AppCommands): void {
  const latest = useRef(commands);
  useLayoutEffect(() => {
    latest.current = commands;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || modalOpen()) return;
      const run = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      // View ▸ Show/Hide Sidebar (Ctrl/⌘+\) and Paper Details (Ctrl/⌘+Shift+\); in the app the menu takes them first.
      if (mod && !event.altKey && (event.code === 'Backslash' || event.key === '\\' || event.key === '|')) {
        event.preventDefault();
        if (event.shiftKey) run.toggleDetails();
        else run.toggleSidebar();
        return;
      }
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        run.focusSearch();
        return;
      }
      if (isTextField(event.target)) return;
      // Ctrl/⌘+A anywhere but a text field selects the whole list (the listbox handles it itself when focused).
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a' && run.selectAll) {
        event.preventDefault();
        run.selectAll();
        return;
      }
      if (mod || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        run.focusSearch();
      } else if (/^[1-9]$/.test(event.key)) {
        event.preventDefault();
        run.toggleTagByKey(Number(event.key));
      } else if (event.key === 'Delete' && run.trashSelected) {
        event.preventDefault();
        run.trashSelected();
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      if (modalOpen() || isTextField(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      event.preventDefault();
      latest.current.openImport(text);
    };
    const onMenuAction = (event: MenuActionEvent) => {
      const run = latest.current;
      switch (event.action) {
        case 'import':
          run.openImport(event.text);
          break;
        case 'import-files':
          run.takeFiles({ files: event.files, refused: event.refused });
          break;
        case 'find':
          if (!modalOpen()) run.focusSearch();
          break;
        case 'toggle-theme':
          setTheme(event.theme);
          break;
        case 'undo':
        case 'redo':
          // Edit ▸ Undo: a text field's own undo while one has focus, else the library's.
          if (isTextField(document.activeElement)) document.execCommand(event.action);
          else if (!modalOpen()) (event.action === 'undo' ? run.undo : run.redo)();
          break;
        case 'toggle-sidebar':
          run.toggleSidebar();
          break;
        case 'toggle-details':
          run.toggleDetails();
          break;
      }
    };
    const stopMenuBridge = window.folioMenu?.onAction(onMenuAction);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('paste', onPaste);
      stopMenuBridge?.();
    };
  }, []);
}
