// While edits are not on disk (their save failed: a full disk, say) this says why, how many changes wait and that
// Folio keeps retrying, with a Retry button. It cannot be dismissed: it goes away once they are saved. Best-effort
// work that fails (backups, folding the journal into user.json) gets a quieter note.
import { useState } from 'react';
import { useSaveStatus } from '../hooks/useSaveStatus.js';
import { getFolio } from '../lib/folio.js';
import { formatDateTime, plural } from '../lib/format.js';

export function SaveBanner() {
  const status = useSaveStatus();
  const [retrying, setRetrying] = useState(false);
  if (!status) return null;
  const retry = () => {
    setRetrying(true);
    // The outcome arrives as a save-status change (and a failure keeps the banner as it is).
    const done = () => setRetrying(false);
    getFolio().retryUnsaved().then(done, done);
  };
  return (
    <>
      {status.unsavedEdits > 0 ? (
        <div className="banner error save-banner" role="alert">
          <div>
            <strong>{status.error}</strong>
            <p>
              {plural(status.unsavedEdits, 'change')} {status.unsavedEdits === 1 ? 'is' : 'are'} waiting to be saved
              {status.since ? ` (since ${formatDateTime(status.since)})` : ''}. Folio keeps them and retries every few
              seconds; they are lost if you quit before they are saved.
            </p>
          </div>
          <button type="button" className="button" onClick={retry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      ) : null}
      {status.warnings.length > 0 ? (
        <div className="banner" role="status" aria-label="Save warnings">
          <ul>
            {status.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
