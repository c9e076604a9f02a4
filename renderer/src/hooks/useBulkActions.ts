// The actions on the selected papers (tag, untag, status, Trash, restore, a key's tag toggled), each one undoable core
// call whose toast says what it did and offers Undo (the core's undo, the same as Ctrl+Z).
import { useCallback, useMemo } from 'react';
import type { ActionResult, Selection, TagChange, TagSummary } from '../../../electron/core/api.js';
import type { ReadingStatus } from '../../../electron/core/model.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import type { RowSource } from '../lib/pageStore.js';
import { filterToken } from '../lib/searchSyntax.js';
import { toggleAdds } from '../lib/shortcuts.js';
import type { SelectionApi } from './useSelection.js';
import { useToasts } from './useToasts.js';

/** Papers of an id selection whose tags are looked up one by one when the list has not loaded them. */
const MAX_LOOKUPS = 500;

export interface BulkActions {
  tag: (change: TagChange) => void;
  setStatus: (status: ReadingStatus) => void;
  trash: () => void;
  restore: () => void;
  /** Keys 1–9: the tag off every selected paper when all have it, else onto every one (one undoable step). */
  toggleTag: (tag: TagSummary) => void;
}

export function useBulkActions(selection: SelectionApi, rows: RowSource, undo: () => void): BulkActions {
  const { show } = useToasts();
  const { toApi, clear, count } = selection;

  const report = useCallback(
    (call: (api: ReturnType<typeof getFolio>, selected: Selection) => Promise<ActionResult>, failure: string, after?: () => void) => {
      call(getFolio(), toApi()).then(
        (result) => {
          show(result.label, { action: { label: 'Undo', run: undo } });
          after?.();
        },
        (err: unknown) => show(`${failure}: ${errorMessage(err)}`, { kind: 'error' }),
      );
    },
    [toApi, show, undo],
  );

  const tag = useCallback((change: TagChange) => report((api, s) => api.tagSelection(s, change), 'Could not change tags'), [report]);
  const setStatus = useCallback((status: ReadingStatus) => report((api, s) => api.setStatusOfSelection(s, status), 'Could not set the status'), [report]);
  // The papers leave the list: so does the selection (Undo brings them back, not the selection).
  const trash = useCallback(() => report((api, s) => api.trashSelection(s), 'Could not move to the Trash', clear), [report, clear]);
  const restore = useCallback(() => report((api, s) => api.restoreSelection(s), 'Could not restore', clear), [report, clear]);

  const toggleTag = useCallback(
    (target: TagSummary) => {
      const selected = toApi();
      papersWithTag(selected, target.name, rows)
        .then((withTag) => {
          const change = toggleAdds(count, withTag) ? { add: [target.name] } : { remove: [target.name] };
          return getFolio().tagSelection(selected, change);
        })
        .then(
          (result) => show(result.label, { action: { label: 'Undo', run: undo } }),
          (err: unknown) => show(`Could not change tags: ${errorMessage(err)}`, { kind: 'error' }),
        );
    },
    [toApi, rows, count, show, undo],
  );

  return useMemo(() => ({ tag, setStatus, trash, restore, toggleTag }), [tag, setStatus, trash, restore, toggleTag]);
}

/**
 * How many selected papers have the tag: for Ctrl+A the core counts the view narrowed by the tag; for ids, the loaded
 * rows answer (the list refreshes them after every change) and the others are asked for, up to MAX_LOOKUPS.
 */
async function papersWithTag(selected: Selection, tag: string, rows: RowSource): Promise<number> {
  const api = getFolio();
  if ('all' in selected) return api.countSelection({ ...selected, search: `${selected.search} ${filterToken('tag', tag)}`.trim() });
  let withTag = 0;
  const unknown: string[] = [];
  for (const id of selected.ids) {
    const row = rows.row(rows.indexOf(id));
    if (row) withTag += row.tags.includes(tag) ? 1 : 0;
    else unknown.push(id);
  }
  const looked = await Promise.all(unknown.slice(0, MAX_LOOKUPS).map((id) => api.paper(id).then((paper) => paper.tags.includes(tag))));
  return withTag + looked.filter(Boolean).length;
}
