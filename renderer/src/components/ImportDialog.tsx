// "Import profile": the pasted page text (editable), a live preview of what the core would import, and the
// confirmation. Nothing is written until Import is pressed.
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview } from '../../../electron/core/api.js';
import type { ProfileMetrics } from '../../../electron/core/model.js';
import { useDebouncedValue } from '../hooks/useDebouncedValue.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { formatDate, formatNumber, importSummary, plural } from '../lib/format.js';
import { Modal } from './Modal.js';

interface Props {
  initialText: string;
  onClose: () => void;
  onImported: (profileId: string) => void;
}

export function ImportDialog({ initialText, onClose, onImported }: Props) {
  const [text, setText] = useState(initialText);
  const debounced = useDebouncedValue(text, 200);
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
    getFolio()
      .previewImport(debounced)
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
  }, [debounced]);

  const upToDate = debounced === text && !previewing;
  const canImport = upToDate && preview?.ok === true && !committing;

  // Opened with pasted text: once the preview says it is importable, Enter (on the focused button) confirms.
  useEffect(() => {
    if (canImport && document.activeElement === dialogRef.current) importRef.current?.focus();
  }, [canImport]);

  const commit = () => {
    if (!canImport) return;
    setCommitting(true);
    setCommitError(null);
    getFolio()
      .commitImport(text)
      .then(
        (result) => {
          setCommitting(false);
          if (!result.ok) {
            setCommitError(result.error);
            return;
          }
          toasts.show(importSummary(result));
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
            onChange={(event) => setText(event.target.value)}
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
          <ImportPreviewView preview={text.trim() === '' ? null : preview} stale={!upToDate} />
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

const METRICS: Array<[keyof ProfileMetrics, string, string]> = [
  ['hIndex', 'h-index', ''],
  ['papers', 'Papers', ''],
  ['citations', 'Citations', ''],
  ['novelty', 'Novelty', '%'],
  ['aiScore', 'AI score', ''],
];

function ImportPreviewView({ preview, stale }: { preview: ImportPreview | null; stale: boolean }) {
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
      <div className="import-profile">
        <h3 className="import-profile-name">{profile.name}</h3>
        {profile.category ? <span className="category-badge">{profile.category}</span> : null}
        {preview.existingProfileId ? (
          <span className="badge">{preview.metricsChanged ? 'Already in library · new metrics' : 'Already in library'}</span>
        ) : null}
      </div>
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
      <p className="import-counts">
        <strong>{plural(preview.papers.length, 'paper')}</strong> found: <span className="badge new">{formatNumber(preview.newCount)} new</span>{' '}
        <span className="badge present">{formatNumber(preview.presentCount)} already in library</span>
      </p>
      {preview.warnings.length > 0 ? (
        <ul className="import-warnings" aria-label="Warnings">
          {preview.warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <ul className="import-papers" aria-label="Papers found">
        {preview.papers.slice(0, PREVIEW_LIMIT).map((paper) => (
          <li key={paper.id} className="import-paper">
            <span className={`badge ${paper.isNew ? 'new' : 'present'}`}>{paper.isNew ? 'New' : 'In library'}</span>
            <span className="import-paper-title">{paper.title}</span>
            <span className="import-paper-meta">
              {paper.authors.slice(0, 3).join(', ')}
              {paper.authors.length > 3 || paper.authorsTruncated ? ' et al.' : ''} · {formatDate(paper.date)}
              {paper.category ? ` · ${paper.category}` : ''}
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
