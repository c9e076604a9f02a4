import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { onLibraryChange } from '../lib/changes.js';
import { getFolio } from '../lib/folio.js';
import { PageStore, shownSnapshot, type ListQuery, type PageStoreSnapshot } from '../lib/pageStore.js';

/**
 * A PageStore for the current list query; refreshed (not reset) when the library changes.
 *
 * `snapshot` is the store's latest state (total null while a new query runs); `shown` is what the list
 * draws: the previous query's results stay until the new query answers, so typing does not blank and
 * rebuild the list twice per query. Store updates reach React as transitions (not useSyncExternalStore,
 * whose updates are always synchronous): rendering a page of results is interruptible and runs in its own
 * tasks, in slices, instead of inside the task that delivered the answer, so keystrokes are not held up.
 */
export function usePageStore(query: ListQuery): { store: PageStore; snapshot: PageStoreSnapshot; shown: PageStoreSnapshot } {
  const [store] = useState(() => new PageStore((view) => getFolio().query(view)));
  const key = JSON.stringify(query);
  useEffect(() => {
    store.setQuery(JSON.parse(key) as ListQuery);
  }, [store, key]);
  useEffect(() => onLibraryChange(() => store.refresh()), [store]);

  const [snapshot, setSnapshot] = useState(store.getSnapshot);
  useEffect(() => {
    const update = () => startTransition(() => setSnapshot(store.getSnapshot()));
    const unsubscribe = store.subscribe(update);
    update(); // anything published between the first render and now
    return unsubscribe;
  }, [store]);

  const committed = useRef<PageStoreSnapshot | null>(null);
  const shown = shownSnapshot(committed.current, snapshot);
  useLayoutEffect(() => {
    committed.current = shown;
  }, [shown]);
  return { store, snapshot, shown };
}
