// The paper list's selection (lib/selection.ts) held for one view: a new search or sidebar scope drops it, so the
// detail pane and keys 1–9 never act on a paper the list no longer shows.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ViewQuery } from '../../../electron/core/api.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import type { ListQuery, RowSource } from '../lib/pageStore.js';
import {
  EMPTY_SELECTION,
  countSelection,
  selectAll,
  selectOnly,
  selectRange,
  singleSelected,
  toApiSelection,
  toggleOne,
  type SelectionState,
} from '../lib/selection.js';

/** How a row was picked: a plain click or arrow key, Ctrl/Cmd+click, Shift+click or Shift+arrow. */
export type PickHow = 'only' | 'toggle' | 'range';

export interface SelectionApi {
  state: SelectionState;
  /** Selected papers (Ctrl+A counts the whole list without fetching it). */
  count: number;
  /** The paper the detail pane shows: the only one selected. */
  single: string | null;
  pick: (id: string, index: number, how: PickHow) => void;
  selectAll: () => void;
  clear: () => void;
  /** The selection as a bulk action sends it. */
  toApi: () => ReturnType<typeof toApiSelection>;
}

export function useSelection(list: ListQuery, rows: RowSource, total: number | null, onError: (message: string) => void): SelectionApi {
  // Only the search and scope identify the view: sorting the same papers keeps them selected.
  const view = useMemo<Pick<ViewQuery, 'search' | 'scope'>>(() => ({ search: list.search, ...(list.scope ? { scope: list.scope } : {}) }), [list.search, list.scope]);
  const viewKey = JSON.stringify(view);
  const [held, setHeld] = useState<{ viewKey: string; state: SelectionState }>({ viewKey, state: EMPTY_SELECTION });
  const state = held.viewKey === viewKey ? held.state : EMPTY_SELECTION;

  // Read by the callbacks, so they stay the same objects while rows load (the list's rows are memoized on them).
  const live = useRef({ state, rows, list, viewKey });
  live.current = { state, rows, list, viewKey };
  const rangeRequest = useRef(0);

  const set = useCallback((next: SelectionState) => setHeld({ viewKey: live.current.viewKey, state: next }), []);

  const pick = useCallback(
    (id: string, index: number, how: PickHow) => {
      const { state: current, rows: loaded, list: query, viewKey: key } = live.current;
      if (how === 'only') return set(selectOnly(id, index));
      if (how === 'toggle') return set(toggleOne(current, id, index));
      const result = selectRange(current, id, index, (i) => loaded.row(i)?.id);
      if ('state' in result) return set(result.state);
      // Rows not loaded yet: fetch the ids of the whole range, then resolve it again.
      const mine = ++rangeRequest.current;
      const { start, end } = result.missing;
      rangeIds(query, start, end)
        .then((ids) => {
          if (mine !== rangeRequest.current || live.current.viewKey !== key) return;
          const fetched = (i: number) => ids[i - start];
          const resolved = selectRange(live.current.state, id, index, fetched);
          if ('state' in resolved) set(resolved.state);
        })
        .catch((err: unknown) => onError(`Could not select those papers: ${errorMessage(err)}`));
    },
    [set, onError],
  );

  const all = useCallback(() => set(selectAll(live.current.state)), [set]);
  const clear = useCallback(() => set(EMPTY_SELECTION), [set]);
  const toApi = useCallback(() => toApiSelection(live.current.state, view), [view]);

  return { state, count: countSelection(state, total), single: singleSelected(state, total), pick, selectAll: all, clear, toApi };
}

/** The most rows one query call answers (the contract's limit). */
const QUERY_LIMIT = 1000;

/** The ids of rows start..end of the list, a query call per thousand rows. */
async function rangeIds(query: ListQuery, start: number, end: number): Promise<string[]> {
  const calls = [];
  for (let offset = start; offset <= end; offset += QUERY_LIMIT) {
    calls.push(getFolio().query({ ...query, offset, limit: Math.min(QUERY_LIMIT, end - offset + 1) }));
  }
  return (await Promise.all(calls)).flatMap((page) => page.rows.map((row) => row.id));
}
