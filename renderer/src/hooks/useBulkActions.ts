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

/** The largest id selection whose tags are read paper by paper before a key toggles a tag on it. */
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
          show(result.done, { action: { label: 'Undo', run: undo } });
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
          (result) => show(result.done, { action: { label: 'Undo', run: undo } }),
          (err: unknown) => show(`Could not change tags: ${errorMessage(err)}`, { kind: 'error' }),
        );
    },
    [toApi, rows, count, show, undo],
  );

  return useMemo(() => ({ tag, setStatus, trash, restore, toggleTag }), [tag, setStatus, trash, restore, toggleTag]);
}

/**
 * How many selected papers have the tag, asked of the core (the list's rows may not have caught up with the last
 * change yet): for Ctrl+A it counts the view narrowed by the tag; ids up to MAX_LOOKUPS are read one by one; a larger
 * id selection (a long Shift range) goes by the rows the list holds.
 */
async function papersWithTag(selected: Selection, tag: string, rows: RowSource): Promise<number> {
  const api = getFolio();
  if ('all' in selected) return api.countSelection({ ...selected, search: `${selected.search} ${filterToken('tag', tag)}`.trim() });
  if (selected.ids.length <= MAX_LOOKUPS) {
    const has = await Promise.all(selected.ids.map((id) => api.paper(id).then((paper) => paper.tags.includes(tag))));
    return has.filter(Boolean).length;
  }
  return selected.ids.filter((id) => rows.row(rows.indexOf(id))?.tags.includes(tag)).length;
}
