// "Import": the pasted text (editable) or the files, one at a time, each with a live preview of what the core would
// import (the source it read, the person, each paper new or matching one in the library, the warnings), and the
// confirmation. A long read or import shows its progress and Cancel stops it. Nothing is written until Import.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ImportPreview } from '../../../electron/core/api.js';
import { useDebouncedValue } from '../hooks/useDebouncedValue.js';
import { cancelJob, importOptions, nextJobId, useImportPreview, useJobProgress } from '../hooks/useImportJob.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { importSummary } from '../lib/format.js';
import { applyRequest, currentItem, importedScope, setItemText, settleItem, type ImportItem, type ImportOutcome } from '../lib/import-queue.js';
import { onImportRequest } from '../lib/import-requests.js';
import { modalOpen } from '../lib/dom.js';
import { ImportPreviewView, previewHeading } from './ImportPreview.js';
import { ImportProgressBar } from './ImportProgress.js';
import { ImportQueue } from './ImportQueue.js';
import { Modal } from './Modal.js';

/**
 * Owns the import queue: opens the dialog on a request (lib/import-requests.ts), adds files dropped on the open one,
 * and once it closes tells `onImported` the profile to show (null: the whole library) when something was imported.
 */
export function ImportDialogHost({ onImported }: { onImported: (profileId: string | null) => void }) {
  const [items, setItems] = useState<ImportItem[] | null>(null);
  const [isClosing, setClosing] = useState(false);

  useEffect(() => onImportRequest((request) => setItems((current) => applyRequest(current, request, current === null && modalOpen()))), []);

  // Closed by Cancel, or because every item has ended; the state is settled by then, so the scope sees every import.
  useEffect(() => {
    if (items === null || (!isClosing && currentItem(items) !== undefined)) return;
    setItems(null);
    setClosing(false);
    const scope = importedScope(items);
    if (scope) onImported(scope.profileId);
  }, [items, isClosing, onImported]);

  const update = useCallback((change: (items: ImportItem[]) => ImportItem[]) => setItems((current) => (current === null ? null : change(current))), []);
  const close = useCallback(() => setClosing(true), []);
  return items === null ? null : <ImportDialog items={items} onItemsChange={update} onClose={close} />;
}

interface DialogProps {
  items: ImportItem[];
  onItemsChange: (change: (items: ImportItem[]) => ImportItem[]) => void;
  onClose: () => void;
}

function ImportDialog({ items, onItemsChange, onClose }: DialogProps) {
  const item = currentItem(items);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const importRef = useRef<HTMLButtonElement>(null);
  const refs = useMemo(() => ({ dialog: dialogRef, text: textRef, import: importRef }), []);
  const [opensEmpty] = useState(() => items[0]?.fileName === null && items[0].text === '');
  const waiting = items.filter((candidate) => candidate.outcome === null).length;

  return (
    <Modal title="Import" onClose={onClose} initialFocus={opensEmpty ? textRef : importRef} dialogRef={dialogRef} className="import-dialog" busy={busy}>
      <header className="modal-header">
        <h2 className="modal-title">Import</h2>
        <p className="muted">
          Paste a researcher’s profile page (select all, copy) or a list of references, or drop .bib, .ris, .json or .txt
          files on the window. Folio keeps the text and adds its papers; nothing is written until you press Import.
        </p>
      </header>
      {item ? (
        <ImportStep
          key={item.key}
          item={item}
          items={items}
          hasNext={waiting > 1}
          refs={refs}
          onTextChange={(text) => onItemsChange((all) => setItemText(all, item.key, text))}
          onSettled={(outcome) => onItemsChange((all) => settleItem(all, item.key, outcome))}
          onBusyChange={setBusy}
          onClose={onClose}
        />
      ) : null}
    </Modal>
  );
}

interface StepProps {
  item: ImportItem;
  items: readonly ImportItem[];
  /** Other items wait after this one (Skip moves on to them). */
  hasNext: boolean;
  refs: { dialog: RefObject<HTMLDivElement | null>; text: RefObject<HTMLTextAreaElement | null>; import: RefObject<HTMLButtonElement | null> };
  onTextChange: (text: string) => void;
  onSettled: (outcome: ImportOutcome) => void;
  onBusyChange: (busy: boolean) => void;
  onClose: () => void;
}

/** One item's turn: its text, its preview, its import. */
function ImportStep({ item, items, hasNext, refs, onTextChange, onSettled, onBusyChange, onClose }: StepProps) {
  const isPaste = item.fileName === null;
  const [text, setText] = useState(item.text);
  const debounced = useDebouncedValue(text, 200);
  // The researcher's name as the user corrected it; null until they edit it. A blank field means "as parsed".
  const [nameInput, setNameInput] = useState<string | null>(null);
  const profileName = nameInput?.trim() ?? '';
  const debouncedName = useDebouncedValue(profileName, 200);
  const { preview, isUpToDate, runningJobId } = useImportPreview(debounced, item.fileName, debouncedName);
  const [commitJobId, setCommitJobId] = useState<string | null>(null);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [isCancelling, setCancelling] = useState(false);
  const [restoreIds, setRestoreIds] = useState<ReadonlySet<string>>(() => new Set());
  const toggleRestore = useCallback(
    (id: string) =>
      setRestoreIds((ids) => {
        const next = new Set(ids);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const progress = useJobProgress(commitJobId ?? runningJobId);
  const toasts = useToasts();

  const committing = commitJobId !== null;
  const upToDate = debounced === text && debouncedName === profileName && isUpToDate;
  const canImport = upToDate && preview?.ok === true && !committing && !isCancelling;

  // A later item's turn: focus moves from the Import button that was just removed to the dialog. (The first one's
  // focus is the Modal's to place, after it noted where focus was.)
  const [isLaterTurn] = useState(() => items.some((other) => other.outcome !== null));
  useEffect(() => {
    const dialog = refs.dialog.current;
    if (isLaterTurn && dialog && !dialog.contains(document.activeElement)) dialog.focus();
  }, [isLaterTurn, refs.dialog]);

  // Once the preview says it is importable, Enter (on the focused button) confirms.
  useEffect(() => {
    if (canImport && document.activeElement === refs.dialog.current) refs.import.current?.focus();
  }, [canImport, refs]);

  const finishCommit = () => {
    setCommitJobId(null);
    onBusyChange(false);
  };

  const commit = () => {
    if (!canImport || !preview?.ok) return;
    const jobId = nextJobId();
    setCommitJobId(jobId);
    setCommitError(null);
    onBusyChange(true);
    getFolio()
      .commitImport(text, { ...importOptions(jobId, item.fileName, profileName), ...(restoreIds.size > 0 ? { restoreFromTrash: [...restoreIds] } : {}) })
      .then(
        (result) => {
          finishCommit();
          if (result.ok) {
            const summary = importSummary({ ...result, sourceLabel: sourceName(preview) });
            toasts.show(summary);
            onSettled({ kind: 'imported', summary, profileId: result.profileId });
          } else if (!result.cancelled) {
            setCommitError(result.error);
          }
          if (!result.ok && result.cancelled) onClose();
        },
        (error: unknown) => {
          finishCommit();
          setCommitError(errorMessage(error));
        },
      );
  };

  // While a commit runs, Cancel asks the core to stop it and waits: an import already writing finishes, and then
  // it is imported (the toast says so). Otherwise closing is enough: the preview's read is cancelled as it unmounts.
  const cancel = () => {
    if (commitJobId === null) return onClose();
    setCancelling(true);
    cancelJob(commitJobId);
  };
  useEffect(() => {
    if (isCancelling && !committing) onClose();
  }, [isCancelling, committing, onClose]);

  const skip = () => onSettled({ kind: 'skipped', source: preview?.ok && upToDate ? previewHeading(preview) : null });
  const isReading = runningJobId !== null && progress !== null;

  return (
    <>
      {items.length > 1 ? <ImportQueue items={items} currentKey={item.key} currentStatus={queueStatus(preview, upToDate)} /> : null}
      <div className="import-body">
        {isPaste ? (
          <label className="import-text">
            <span className="field-label">Text</span>
            <textarea
              ref={refs.text}
              aria-label="Text to import"
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                onTextChange(event.target.value);
                setNameInput(null); // another page: its own name
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  commit();
                }
              }}
              placeholder="Paste a profile page or a list of references here (Ctrl/Cmd+V), or drop files on the window"
              spellCheck={false}
              readOnly={committing}
            />
          </label>
        ) : (
          <FileStart name={item.fileName ?? ''} text={text} />
        )}
        <div className="import-preview" role="region" aria-label="Preview" tabIndex={0} aria-live="polite" aria-busy={!upToDate}>
          <ImportPreviewView preview={text.trim() === '' ? null : preview} stale={!upToDate} nameInput={nameInput} onNameInput={setNameInput} restoreIds={restoreIds} onToggleRestore={toggleRestore} />
        </div>
      </div>
      {committing || isReading ? <ImportProgressBar progress={progress} isCommit={committing} what={item.fileName ?? 'the text'} /> : null}
      {commitError ? (
        <p className="error-text" role="alert">
          {/* "Not saved: …" says itself that nothing was imported. */}
          {commitError.startsWith('Not saved:') ? commitError : `Import failed: ${commitError}`}
        </p>
      ) : null}
      <footer className="modal-footer">
        <button type="button" className="button" onClick={cancel} disabled={isCancelling}>
          {isCancelling ? 'Cancelling…' : 'Cancel'}
        </button>
        {hasNext ? (
          <button type="button" className="button" onClick={skip} disabled={committing}>
            Skip
          </button>
        ) : null}
        <button ref={refs.import} type="button" className="button primary" onClick={commit} disabled={!canImport}>
          {committing ? 'Importing…' : commitError ? 'Retry' : 'Import'}
        </button>
      </footer>
    </>
  );
}

/** How much of a file the dialog shows: enough to recognise it. */
const FILE_START_CHARS = 4000;

// Memoized, like the preview: the dialog re-renders at each progress report of a long read.
const FileStart = memo(function FileStart({ name, text }: { name: string; text: string }) {
  return (
    <section className="import-file" aria-label={`File ${name}`}>
      <p className="field-label">{name}</p>
      <pre className="import-file-start">
        {text.slice(0, FILE_START_CHARS)}
        {text.length > FILE_START_CHARS ? '\n…' : ''}
      </pre>
    </section>
  );
});

/** Who the toast names for a list without a person: its source, and the file it came from. */
function sourceName(preview: Extract<ImportPreview, { ok: true }>): string {
  return preview.fileName === null ? preview.sourceLabel : `${preview.sourceLabel} ${preview.fileName}`;
}

function queueStatus(preview: ImportPreview | null, upToDate: boolean): string {
  if (!upToDate || preview === null) return 'Reading…';
  if (!preview.ok) return preview.cancelled ? 'Cancelled' : 'Nothing to import';
  return previewHeading(preview);
}
