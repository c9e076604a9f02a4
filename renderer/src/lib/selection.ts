// Which papers of the list are selected, as the renderer holds it: a few explicit ids (clicks, ranges) or "every row
// of this list but these" (Ctrl/Cmd+A), so that selecting 100,000 rows never means holding 100,000 ids.
import type { Selection, ViewQuery } from '../../../electron/core/api.js';

export interface SelectionState {
  /** 'ids': exactly `ids` are selected; 'all': every row of the list except `ids`. */
  mode: 'ids' | 'all';
  ids: ReadonlySet<string>;
  /** Where a Shift+click range starts: the row last clicked without Shift. */
  anchor: { id: string; index: number } | null;
  /** The row the keyboard is on (the one the detail pane shows when it is the only one selected). */
  focusId: string | null;
}

export const EMPTY_SELECTION: SelectionState = Object.freeze({ mode: 'ids', ids: new Set<string>(), anchor: null, focusId: null });

/** A plain click (or an arrow key): only this row. */
export function selectOnly(id: string, index: number): SelectionState {
  return { mode: 'ids', ids: new Set([id]), anchor: { id, index }, focusId: id };
}

/** Ctrl/Cmd+click: this row in or out, the rest untouched; it becomes the anchor of the next range. */
export function toggleOne(state: SelectionState, id: string, index: number): SelectionState {
  const ids = new Set(state.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { mode: state.mode, ids, anchor: { id, index }, focusId: id };
}

/** Ctrl/Cmd+A: every row of the list, loaded or not. */
export function selectAll(state: SelectionState): SelectionState {
  return { mode: 'all', ids: new Set(), anchor: state.anchor, focusId: state.focusId };
}

/** The rows a Shift+click range covers: all known (ids) or some not loaded yet (fetch `start..end`, then call again). */
export type RangeResult = { state: SelectionState } | { missing: { start: number; end: number } };

/**
 * Shift+click (or Shift+arrow) on row `index`: the rows from the anchor to it, replacing the selection. `idAt` answers
 * the id of a loaded row (undefined for one not loaded): when any row of the range is unknown, the caller fetches the
 * range and calls again with an `idAt` that knows it. The anchor stays, so the next Shift+click re-ranges from it.
 */
export function selectRange(state: SelectionState, id: string, index: number, idAt: (index: number) => string | undefined): RangeResult {
  const anchor = state.anchor ?? { id, index };
  // The anchor's row may have moved (the list refreshed): trust its id where its index now holds another paper.
  const anchorIndex = idAt(anchor.index) === anchor.id || idAt(anchor.index) === undefined ? anchor.index : index;
  const start = Math.min(anchorIndex, index);
  const end = Math.max(anchorIndex, index);
  const ids = new Set<string>();
  for (let i = start; i <= end; i++) {
    const at = idAt(i);
    if (at === undefined) return { missing: { start, end } };
    ids.add(at);
  }
  return { state: { mode: 'ids', ids, anchor: { id: anchor.id, index: anchorIndex }, focusId: id } };
}

export function isSelected(state: SelectionState, id: string): boolean {
  return state.mode === 'all' ? !state.ids.has(id) : state.ids.has(id);
}

/** How many rows are selected, without fetching anything: `total` is the list's row count (null while unknown). */
export function countSelection(state: SelectionState, total: number | null): number {
  if (state.mode === 'ids') return state.ids.size;
  return total === null ? 0 : Math.max(0, total - state.ids.size);
}

/** The one paper the detail pane shows: the only one selected, else none. */
export function singleSelected(state: SelectionState, total: number | null): string | null {
  if (countSelection(state, total) !== 1) return null;
  if (state.mode === 'ids') return state.ids.values().next().value ?? null;
  // Everything but total-1 rows of the list: the focused row, when it is the one left.
  return state.focusId !== null && !state.ids.has(state.focusId) ? state.focusId : null;
}

/** What a bulk action sends the core: the list's search and scope for 'all', else the ids. */
export function toApiSelection(state: SelectionState, view: Pick<ViewQuery, 'search' | 'scope'>): Selection {
  if (state.mode === 'ids') return { ids: [...state.ids] };
  return view.scope ? { search: view.search, scope: view.scope, all: true, except: [...state.ids] } : { search: view.search, all: true, except: [...state.ids] };
}
