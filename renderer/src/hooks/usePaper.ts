// One paper's full record for the detail pane, with the current search highlighted. Refetched when a
// library change touches it; answers to older requests are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaperDetail } from '../../../electron/core/api.js';
import { onLibraryChange, touchesPaper } from '../lib/changes.js';
import { errorMessage, getFolio } from '../lib/folio.js';

export interface PaperState {
  paper: PaperDetail | null;
  loading: boolean;
  error: string | null;
  /** Local, optimistic change (tags, status) until the core's change event brings the real record. */
  patch: (update: Partial<PaperDetail>) => void;
  reload: () => void;
}

export function usePaper(id: string | null, highlight: string): PaperState {
  const [paper, setPaper] = useState<PaperDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(
    (keepCurrent: boolean) => {
      const mine = ++seq.current;
      if (!id) {
        setPaper(null);
        setError(null);
        setLoading(false);
        return;
      }
      if (!keepCurrent) setLoading(true);
      getFolio()
        .paper(id, highlight.trim() ? highlight : undefined)
        .then(
          (detail) => {
            if (mine !== seq.current) return;
            setPaper(detail);
            setError(null);
            setLoading(false);
          },
          (err: unknown) => {
            if (mine !== seq.current) return;
            setPaper(null);
            setError(errorMessage(err));
            setLoading(false);
          },
        );
    },
    [id, highlight],
  );

  // A different paper: clear at once (never show one paper's data under another's id); a new highlight
  // for the same paper: keep showing it until the re-highlighted record arrives.
  const lastId = useRef<string | null>(null);
  useEffect(() => {
    const samePaper = lastId.current === id;
    lastId.current = id;
    if (!samePaper) setPaper(null);
    load(samePaper);
  }, [id, load]);

  useEffect(() => {
    if (!id) return;
    return onLibraryChange((change) => {
      if (touchesPaper(change, id)) load(true);
    });
  }, [id, load]);

  const patch = useCallback((update: Partial<PaperDetail>) => {
    setPaper((current) => (current ? { ...current, ...update } : current));
  }, []);

  const reload = useCallback(() => load(true), [load]);
  return { paper, loading, error, patch, reload };
}
