// The library's save status (is every edit on disk?): asked once, then kept current by 'save-status' changes.
import { useEffect, useState } from 'react';
import type { SaveStatus } from '../../../electron/core/api.js';
import { onSaveStatus } from '../lib/changes.js';
import { getFolio } from '../lib/folio.js';

export function useSaveStatus(): SaveStatus | null {
  const [status, setStatus] = useState<SaveStatus | null>(null);
  useEffect(() => {
    let live = true;
    const stop = onSaveStatus((next) => setStatus(next));
    getFolio()
      .saveStatus()
      .then(
        // A change that arrived while this was asked is newer.
        (first) => live && setStatus((current) => current ?? first),
        () => undefined,
      );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return status;
}
