// Export the library, or the selected papers, in a citation format: save as a file or copy to the clipboard.
import { useState } from 'react';
import type { Selection } from '../../../electron/core/api.js';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportFileName, type ExportFormat } from '../../../electron/core/export/formats.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { plural } from '../lib/format.js';
import { Modal } from './Modal.js';

/** `selection`: export only those papers (the "N papers selected" pane); without it, the whole library. */
export function ExportDialog({ onClose, selection }: { onClose: () => void; selection?: { value: Selection; count: number } }) {
  const title = selection ? `Export ${plural(selection.count, 'paper')}` : 'Export library';
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();
  const chosen = EXPORT_FORMATS[format];

  const run = (how: 'save' | 'copy') => {
    setBusy(true);
    setError(null);
    const api = getFolio();
    (selection ? api.exportSelection(selection.value, format) : api.exportLibrary(format))
      .then(async (text) => {
        if (how === 'copy') {
          await navigator.clipboard.writeText(text);
          toasts.show(`Copied ${selection ? plural(selection.count, 'paper') : 'the library'} as ${chosen.label}`);
        } else {
          const url = URL.createObjectURL(new Blob([text], { type: chosen.mime }));
          const a = document.createElement('a');
          a.href = url;
          a.download = exportFileName(format, selection ? 'folio-selection' : 'folio-library');
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        }
        onClose();
      })
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };

  return (
    <Modal title={title} onClose={onClose} className="export-dialog" busy={busy}>
      <header className="modal-header">
        <h2 className="modal-title">{title}</h2>
      </header>
      <fieldset className="export-formats">
        <legend className="field-label">Format</legend>
        {EXPORT_FORMAT_IDS.map((id) => (
          <label key={id} className="radio-row">
            <input type="radio" name="export-format" value={id} checked={format === id} onChange={() => setFormat(id)} />
            {EXPORT_FORMATS[id].label} <span className="muted">({EXPORT_FORMATS[id].purpose})</span>
          </label>
        ))}
      </fieldset>
      {error ? <p className="error-text" role="alert">Export failed: {error}</p> : null}
      <footer className="modal-footer">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => run('copy')} disabled={busy}>
          Copy to clipboard
        </button>
        <button type="button" className="button primary" onClick={() => run('save')} disabled={busy}>
          Save file…
        </button>
      </footer>
    </Modal>
  );
}
