import { useEffect, useState, useSyncExternalStore } from 'react';
import { onLibraryChange } from '../lib/changes.js';
import { getFolio } from '../lib/folio.js';
import { PageStore, type ListQuery, type PageStoreSnapshot } from '../lib/pageStore.js';

/** A PageStore for the current list query; refreshed (not reset) when the library changes. */
export function usePageStore(query: ListQuery): { store: PageStore; snapshot: PageStoreSnapshot } {
  const [store] = useState(() => new PageStore((view) => getFolio().query(view)));
  const key = JSON.stringify(query);
  useEffect(() => {
    store.setQuery(JSON.parse(key) as ListQuery);
  }, [store, key]);
  useEffect(() => onLibraryChange(() => store.refresh()), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, snapshot };
}
