// One undo stack, the core's: Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (Ctrl+Y too) outside text fields, the Edit menu's
// items and every toast's Undo button call it, and a toast names what was undone.
import { useCallback, useEffect, useMemo } from 'react';
import { isTextField, modalOpen } from '../lib/dom.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { undoKey } from '../lib/shortcuts.js';
import { useToasts, type ToastAction } from './useToasts.js';

export interface UndoApi {
  undo: () => void;
  redo: () => void;
}

export function useUndo(): UndoApi {
  const { show } = useToasts();
  const run = useCallback(
    (which: 'undo' | 'redo') => {
      const api = getFolio();
      (which === 'undo' ? api.undo() : api.redo()).then(
        (outcome) => show(outcome ? `${which === 'undo' ? 'Undid' : 'Redid'}: ${outcome.label}` : `Nothing to ${which}`),
        (err: unknown) => show(`Could not ${which}: ${errorMessage(err)}`, { kind: 'error' }),
      );
    },
    [show],
  );
  const undo = useCallback(() => run('undo'), [run]);
  const redo = useCallback(() => run('redo'), [run]);

  return { undo, redo };
}

/** A toast's "Undo" button: the core's undo, which takes back the latest undoable action (the one just reported). */
export function useUndoButton(): ToastAction {
  const { undo } = useUndo();
  return useMemo(() => ({ label: 'Undo', run: undo }), [undo]);
}

/** Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y outside text fields and dialogs (installed once, by the app shell). */
export function useUndoKeys({ undo, redo }: UndoApi): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || modalOpen() || isTextField(event.target)) return;
      const which = undoKey(event);
      if (!which) return;
      event.preventDefault();
      (which === 'undo' ? undo : redo)();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}
