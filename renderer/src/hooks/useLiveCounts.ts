// Counts the sidebar shows that need a query of their own: each saved search's, and each parent tag's (papers with
// it or any tag under it, a paper counted once). Fetched after library changes, coalesced, never on the typing path.
import { useEffect, useState } from 'react';
import { onLibraryChange } from '../lib/changes.js';
import { getFolio } from '../lib/folio.js';

/** Changes arriving within this window are answered by one refetch. */
const COALESCE_MS = 150;

function useRefetched<T>(load: () => Promise<T>, deps: readonly unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      timer = null;
      load().then(
        (next) => live && setValue(next),
        () => live && setValue(null),
      );
    };
    run();
    const stop = onLibraryChange((change) => {
      if (change.kind === 'undo-state' || timer !== null) return;
      timer = setTimeout(run, COALESCE_MS);
    });
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
      stop();
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps, as for useEffect (`load` is rebuilt from them)
  }, deps);
  return value;
}

/** Papers each saved search lists, by id; null until known (or while the core cannot tell). */
export function useSavedSearchCounts(savedSearchIds: readonly string[]): Readonly<Record<string, number>> | null {
  const key = savedSearchIds.join('\n');
  return useRefetched(() => (key === '' ? Promise.resolve({}) : getFolio().savedSearchCounts()), [key]);
}

/** Papers under each parent tag (scope `tag: parent` covers the tags under it), by name. */
export function useParentTagCounts(parents: readonly string[]): ReadonlyMap<string, number> | null {
  const key = parents.join('\n');
  return useRefetched(async () => {
    const api = getFolio();
    const totals = await Promise.all(parents.map((name) => api.query({ search: '', scope: { tag: name }, offset: 0, limit: 0 }).then((page) => page.total)));
    return new Map(parents.map((name, i) => [name, totals[i] ?? 0]));
  }, [key]);
}
