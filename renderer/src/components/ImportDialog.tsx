// "Import profile": the pasted page text (editable), a live preview of what the core would import (its warnings,
// each paper with the start of its abstract, and the researcher's name to correct when the parser doubts it),
// and the confirmation. Nothing is written until Import is pressed.
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview } from '../../../electron/core/api.js';
import type { ProfileMetrics } from '../../../electron/core/model.js';
import { useDebouncedValue } from '../hooks/useDebouncedValue.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { abstractStart, formatDate, formatNumber, importSummary, plural } from '../lib/format.js';
import { Modal } from './Modal.js';

interface Props {
  initialText: string;
  onClose: () => void;
  /** The profile imported or updated; null for a list without a person (a BibTeX file). */
  onImported: (profileId: string | null) => void;
}

export function ImportDialog({ initialText, onClose, onImported }: Props) {
  const [text, setText] = useState(initialText);
  const debounced = useDebouncedValue(text, 200);
  // The researcher's name as the user corrected it; null until they edit it. A blank field means "as parsed".
  const [nameInput, setNameInput] = useState<string | null>(null);
  const profileName = nameInput?.trim() ?? '';
  const debouncedName = useDebouncedValue(profileName, 200);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<string | null>(null);
  const seq = useRef(0);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const importRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const toasts = useToasts();

  useEffect(() => {
    const mine = ++seq.current;
    if (debounced.trim() === '') {
      setPreview(null);
      setPreviewing(false);
      return;
    }
    setPreviewing(true);
    previewImport(debounced, debouncedName)
      .then(
        (result) => {
          if (mine !== seq.current) return;
          setPreview(result);
          setPreviewing(false);
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setPreview({ ok: false, error: errorMessage(err) });
          setPreviewing(false);
        },
      );
  }, [debounced, debouncedName]);

  const upToDate = debounced === text && debouncedName === profileName && !previewing;
  const canImport = upToDate && preview?.ok === true && !committing;

  // Opened with pasted text: once the preview says it is importable, Enter (on the focused button) confirms.
  useEffect(() => {
    if (canImport && document.activeElement === dialogRef.current) importRef.current?.focus();
  }, [canImport]);

  const commit = () => {
    if (!canImport) return;
    setCommitting(true);
    setCommitError(null);
    commitImport(text, profileName)
      .then(
        (result) => {
          setCommitting(false);
          if (!result.ok) {
            setCommitError(result.error);
            return;
          }
          toasts.show(importSummary({ ...result, sourceLabel: preview?.ok ? preview.sourceLabel : 'Import' }));
          onImported(result.profileId);
          onClose();
        },
        (err: unknown) => {
          setCommitting(false);
          setCommitError(errorMessage(err));
        },
      );
  };

  return (
    <Modal title="Import profile" onClose={onClose} initialFocus={initialText ? importRef : textRef} dialogRef={dialogRef} className="import-dialog" busy={committing}>
      <header className="modal-header">
        <h2 className="modal-title">Import profile</h2>
        <p className="muted">
          Paste a researcher’s whole profile page (select all, copy). Folio keeps the page text and adds its papers.
        </p>
      </header>
      <div className="import-body">
        <label className="import-text">
          <span className="field-label">Page text</span>
          <textarea
            ref={textRef}
            aria-label="Profile page text"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setNameInput(null); // another page: its own name
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                commit();
              }
            }}
            placeholder="Paste the profile page here (Ctrl/Cmd+V)"
            spellCheck={false}
            readOnly={committing}
          />
        </label>
        <div className="import-preview" aria-live="polite" aria-busy={!upToDate}>
          <ImportPreviewView
            preview={text.trim() === '' ? null : preview}
            stale={!upToDate}
            nameInput={nameInput}
            onNameInput={setNameInput}
          />
        </div>
      </div>
      {committing ? (
        <div className="progress" role="progressbar" aria-label="Importing">
          <div className="progress-bar" />
        </div>
      ) : null}
      {commitError ? (
        <p className="error-text" role="alert">
          {/* "Not saved: …" says itself that nothing was imported. */}
          {commitError.startsWith('Not saved:') ? commitError : `Import failed: ${commitError}`}
        </p>
      ) : null}
      <footer className="modal-footer">
        <button type="button" className="button" onClick={onClose} disabled={committing}>
          Cancel
        </button>
        <button ref={importRef} type="button" className="button primary" onClick={commit} disabled={!canImport}>
          {committing ? 'Importing…' : commitError ? 'Retry' : 'Import'}
        </button>
      </footer>
    </Modal>
  );
}

const PREVIEW_LIMIT = 300;
const WARNING_LIMIT = 50;

// The options are sent only when there are any: the call's schema takes [text] or [text, options].
const previewImport = (text: string, profileName: string) =>
  profileName === '' ? getFolio().previewImport(text) : getFolio().previewImport(text, { profileName });
const commitImport = (text: string, profileName: string) =>
  profileName === '' ? getFolio().commitImport(text) : getFolio().commitImport(text, { profileName });

const METRICS: Array<[keyof ProfileMetrics, string, string]> = [
  ['hIndex', 'h-index', ''],
  ['papers', 'Papers', ''],
  ['citations', 'Citations', ''],
  ['novelty', 'Novelty', '%'],
  ['aiScore', 'AI score', ''],
];

interface PreviewProps {
  preview: ImportPreview | null;
  stale: boolean;
  nameInput: string | null;
  onNameInput: (name: string) => void;
}

function ImportPreviewView({ preview, stale, nameInput, onNameInput }: PreviewProps) {
  if (!preview) return <p className="muted import-placeholder">{stale ? 'Reading the page…' : 'The preview appears here.'}</p>;
  if (!preview.ok) {
    return (
      <div className={`import-error${stale ? ' stale' : ''}`} role="alert">
        <strong>Nothing to import</strong>
        <p>{preview.error}</p>
      </div>
    );
  }
  const { profile } = preview;
  return (
    <div className={`import-summary${stale ? ' stale' : ''}`}>
      {profile ? (
        <>
          <div className="import-profile">
            <h3 className="import-profile-name">{profile.name}</h3>
            {profile.category ? <span className="category-badge">{profile.category}</span> : null}
            {preview.existingProfileId ? (
              <span className="badge">{preview.metricsChanged ? 'Already in library · new metrics' : 'Already in library'}</span>
            ) : null}
          </div>
          {profile.nameDoubt !== undefined || nameInput !== null ? (
            <NameCheck doubt={profile.nameDoubt} value={nameInput ?? profile.name} onChange={onNameInput} />
          ) : null}
          <dl className="metrics compact">
            {METRICS.map(([key, label, suffix]) => (
              <div key={key} className="metric">
                <dt>{label}</dt>
                <dd>
                  {profile.metrics[key] === null ? '—' : `${formatNumber(profile.metrics[key])}${suffix}`}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <p className="import-counts">
        {preview.sourceLabel} · <strong>{plural(preview.papers.length, 'paper')}</strong> found:{' '}
        <span className="badge new">{formatNumber(preview.newCount)} new</span>{' '}
        <span className="badge present">{formatNumber(preview.presentCount)} already in library</span>
      </p>
      {preview.warnings.length > 0 ? (
        <ul className="import-warnings" aria-label="Warnings">
          {preview.warnings.slice(0, WARNING_LIMIT).map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
          {preview.warnings.length > WARNING_LIMIT ? <li>…and {plural(preview.warnings.length - WARNING_LIMIT, 'more warning')}</li> : null}
        </ul>
      ) : null}
      <ul className="import-papers" aria-label="Papers found">
        {preview.papers.slice(0, PREVIEW_LIMIT).map((paper) => (
          <li key={paper.id} className="import-paper">
            <span className={`badge ${paper.isNew ? 'new' : 'present'}`}>{paper.isNew ? 'New' : 'In library'}</span>
            <span className="import-paper-title">{paper.title}</span>
            <span className="import-paper-meta">
              {paper.authors.slice(0, 3).join(', ')}
              {paper.authors.length > 3 || paper.authorsTruncated ? ' et al.' : ''}
              {paper.date ? ` · ${formatDate(paper.date)}` : ''}
              {paper.category ? ` · ${paper.category}` : ''}
            </span>
            <span className={`import-paper-abstract${paper.abstract === null ? ' muted' : ''}`}>
              {abstractStart(paper.abstract ?? '') || 'No abstract'}
            </span>
          </li>
        ))}
        {preview.papers.length > PREVIEW_LIMIT ? (
          <li className="import-paper muted">…and {formatNumber(preview.papers.length - PREVIEW_LIMIT)} more</li>
        ) : null}
      </ul>
    </div>
  );
}

/** Why the name may be wrong, and a field to correct it; the preview and the import then use the typed name. */
function NameCheck({ doubt, value, onChange }: { doubt: string | undefined; value: string; onChange: (name: string) => void }) {
  return (
    <div className="import-name-check" role="group" aria-label="Check the researcher's name">
      {doubt !== undefined ? <p>{doubt}</p> : <p>Using the name you typed.</p>}
      <label>
        <span className="field-label">Researcher’s name</span>
        <input type="text" value={value} onChange={(event) => onChange(event.target.value)} spellCheck={false} />
      </label>
    </div>
  );
}
