// The library overview (sidebar counts, profiles, tags), refetched on every library change.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { LibraryOverview } from '../../../electron/core/api.js';
import { onLibraryChange } from '../lib/changes.js';
import { errorMessage, getFolio } from '../lib/folio.js';

interface LibraryState {
  overview: LibraryOverview | null;
  error: string | null;
  reload: () => void;
}

const LibraryContext = createContext<LibraryState>({ overview: null, error: null, reload: () => {} });

export function LibraryProvider({ children }: { children: ReactNode }) {
  const [overview, setOverview] = useState<LibraryOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    getFolio()
      .overview()
      .then(
        (next) => {
          if (mine !== seq.current) return;
          setOverview(next);
          setError(null);
        },
        (err: unknown) => {
          if (mine === seq.current) setError(errorMessage(err));
        },
      );
  }, []);

  useEffect(() => {
    reload();
    return onLibraryChange(reload);
  }, [reload]);

  return <LibraryContext value={{ overview, error, reload }}>{children}</LibraryContext>;
}

export function useLibrary(): LibraryState {
  return useContext(LibraryContext);
}
