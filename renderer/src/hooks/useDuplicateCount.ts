// How many pairs of papers may be one ("Possible duplicates (N)" in the sidebar), refetched after library changes.
import { useEffect, useState } from 'react';
import { onLibraryChange } from '../lib/changes.js';
import { getFolio } from '../lib/folio.js';

/** Null until known, or while the core cannot tell (the sidebar then leaves the entry out). */
export function useDuplicateCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let seq = 0;
    const load = () => {
      const mine = ++seq;
      getFolio()
        .duplicates({ limit: 0 })
        .then(
          (list) => mine === seq && setCount(list.total),
          () => mine === seq && setCount(null),
        );
    };
    load();
    const stop = onLibraryChange((change) => {
      if (change.kind !== 'undo-state') load();
    });
    return () => {
      seq = -1;
      stop();
    };
  }, []);
  return count;
}
