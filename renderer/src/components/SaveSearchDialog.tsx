// "Save search…": names the current search plus the sidebar's scope, so the sidebar lists it with a live count.
import { useRef, useState } from 'react';
import type { SavedSearch, ViewScope } from '../../../electron/core/api.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { useUndoButton } from '../hooks/useUndo.js';
import { Modal } from './Modal.js';

interface Props {
  search: string;
  scope: ViewScope | undefined;
  /** Says the scope in words ("Tag “ml”"), or null for the whole library. */
  scopeLabel: string | null;
  existing: readonly SavedSearch[];
  onSaved: (saved: SavedSearch) => void;
  onClose: () => void;
}

export function SaveSearchDialog({ search, scope, scopeLabel, existing, onSaved, onClose }: Props) {
  const [name, setName] = useState(search.trim().slice(0, 60));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();
  const undoButton = useUndoButton();
  const inputRef = useRef<HTMLInputElement>(null);
  const trimmed = name.trim();
  const taken = existing.find((s) => s.name.toLowerCase() === trimmed.toLowerCase());

  const save = () => {
    if (!trimmed || taken || busy) return;
    setBusy(true);
    setError(null);
    getFolio()
      .saveSearch({ name: trimmed, search: search.trim(), ...(scope ? { scope } : {}) })
      .then(
        (saved) => {
          toasts.show(`Saved search “${saved.name}”`, { action: undoButton });
          onSaved(saved);
        },
        (err: unknown) => {
          setError(errorMessage(err));
          setBusy(false);
        },
      );
  };

  return (
    <Modal title="Save search" onClose={onClose} className="save-search-dialog" busy={busy} initialFocus={inputRef}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <header className="modal-header">
          <h2 className="modal-title">Save search</h2>
        </header>
        <div className="modal-body">
          <label className="field">
            <span className="field-label">Name</span>
            <input ref={inputRef} value={name} maxLength={100} onChange={(event) => setName(event.target.value)} aria-invalid={taken ? true : undefined} aria-describedby="save-search-problem" />
          </label>
          <dl className="save-search-summary">
            <dt>Search</dt>
            <dd>{search.trim() ? <code>{search.trim()}</code> : <span className="muted">(none)</span>}</dd>
            <dt>In</dt>
            <dd>{scopeLabel ?? 'All papers'}</dd>
          </dl>
          <p id="save-search-problem" className="error-text" role="alert">
            {taken ? `A saved search is already called “${taken.name}”.` : error ? `Could not save: ${error}` : ''}
          </p>
        </div>
        <footer className="modal-footer">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !trimmed || taken !== undefined}>
            Save
          </button>
        </footer>
      </form>
    </Modal>
  );
}
