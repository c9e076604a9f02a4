// "Add paper…": a paper typed in by hand (title required), or a pasted BibTeX entry that goes through the normal
// import preview.
import { useId, useRef, useState } from 'react';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { requestImport } from '../lib/import-requests.js';
import { EMPTY_FORM, FIELD_LABELS, formProblems, manualPaperOf, type EditForm } from '../lib/paper-edit.js';
import { EDITABLE_FIELDS } from '../../../electron/core/model.js';
import { Modal } from './Modal.js';

const TABS = ['form', 'bibtex'] as const;
const TAB_LABEL: Record<(typeof TABS)[number], string> = { form: 'Form', bibtex: 'Paste BibTeX' };

export function AddPaperDialog({ onClose }: { onClose: () => void }) {
  const [tab, setTab] = useState<(typeof TABS)[number]>('form');
  const [form, setForm] = useState<EditForm>(EMPTY_FORM);
  const [bibtex, setBibtex] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const toasts = useToasts();
  const id = useId();
  const titleRef = useRef<HTMLInputElement>(null);

  const add = () => {
    const found = formProblems(form);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    getFolio()
      .addPaper(manualPaperOf(form))
      .then(
        (result) => {
          const title = form.title.trim();
          toasts.show(
            result.isNew ? `Added “${title}”` : result.inTrash ? `“${title}” is already in the library, in the Trash` : `“${title}” is already in the library`,
          );
          onClose();
        },
        (err: unknown) => setProblems([`Could not add the paper: ${errorMessage(err)}`]),
      )
      .finally(() => setBusy(false));
  };

  const previewBibtex = () => {
    onClose();
    // Once this dialog is gone: the import dialog does not open over another one.
    requestAnimationFrame(() => requestImport({ kind: 'text', text: bibtex }));
  };

  return (
    <Modal title="Add paper" onClose={onClose} className="add-paper-dialog" busy={busy} initialFocus={titleRef}>
      <header className="modal-header">
        <h2 className="modal-title">Add paper</h2>
      </header>
      <div role="tablist" aria-label="How to add" className="tabs">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`${id}-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`${id}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            className={`tab${tab === t ? ' selected' : ''}`}
            onClick={() => setTab(t)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next = TABS[(TABS.indexOf(t) + 1) % TABS.length]!;
                setTab(next);
                document.getElementById(`${id}-tab-${next}`)?.focus();
              }
            }}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      {tab === 'form' ? (
        <form
          id={`${id}-panel-form`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-form`}
          className="add-paper-panel"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <div className="modal-body edit-paper">
            {EDITABLE_FIELDS.map((field) => (
              <div key={field} className="edit-field">
                <label htmlFor={`${id}-${field}`} className="field-label">
                  {FIELD_LABELS[field]}
                  {field === 'title' ? ' (required)' : field === 'authors' ? <span className="muted"> (one per line)</span> : null}
                </label>
                {field === 'authors' || field === 'abstract' ? (
                  <textarea id={`${id}-${field}`} rows={field === 'abstract' ? 4 : 3} value={form[field]} onChange={(event) => setForm((f) => ({ ...f, [field]: event.target.value }))} />
                ) : (
                  <input
                    id={`${id}-${field}`}
                    ref={field === 'title' ? titleRef : undefined}
                    type="text"
                    value={form[field]}
                    placeholder={field === 'date' ? '2024-07-31' : undefined}
                    onChange={(event) => setForm((f) => ({ ...f, [field]: event.target.value }))}
                  />
                )}
              </div>
            ))}
            {problems.length > 0 ? (
              <ul className="error-text" role="alert">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <footer className="modal-footer">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              Add paper
            </button>
          </footer>
        </form>
      ) : (
        <div id={`${id}-panel-bibtex`} role="tabpanel" aria-labelledby={`${id}-tab-bibtex`} className="add-paper-panel">
          <div className="modal-body">
            <label htmlFor={`${id}-bibtex`} className="field-label">
              BibTeX entry
            </label>
            <textarea
              id={`${id}-bibtex`}
              className="bibtex-input"
              rows={10}
              value={bibtex}
              placeholder="@article{key, title = {…}, author = {…}, year = {2024}}"
              onChange={(event) => setBibtex(event.target.value)}
            />
          </div>
          <footer className="modal-footer">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button primary" disabled={!bibtex.trim()} onClick={previewBibtex}>
              Preview import
            </button>
          </footer>
        </div>
      )}
    </Modal>
  );
}
