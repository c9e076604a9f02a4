// "Re-read stored imports": what reading the stale imports again with the improved parsers would change (papers the
// old parse missed, fields corrected old → new, profile metrics), from planReparse, and Apply (commitReparse) or
// Cancel. Planning writes nothing; Apply is one atomic commit that never touches tags, notes or reading status.
import { useEffect, useRef, useState } from 'react';
import type { ReparseImport, ReparsePlan, ReparseResult } from '../../../electron/core/api.js';
import type { ProvenanceField } from '../../../electron/core/model.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { abstractStart, formatDateTime, formatNumber, plural } from '../lib/format.js';
import { Modal } from './Modal.js';

const FIELD_LABELS: Record<ProvenanceField, string> = {
  title: 'Title',
  authors: 'Authors',
  date: 'Date',
  venue: 'Venue',
  abstract: 'Abstract',
  doi: 'DOI',
  arxivId: 'arXiv id',
  url: 'URL',
  category: 'Category',
  orgs: 'Organisations',
};

type PlanState = { kind: 'planning' } | { kind: 'ready'; plan: ReparsePlan } | { kind: 'failed'; error: string };

export function ReparseDialog({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<PlanState>({ kind: 'planning' });
  const [isApplying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const toasts = useToasts();

  useEffect(() => {
    let isCurrent = true;
    getFolio()
      .planReparse()
      .then(
        (plan) => isCurrent && setState({ kind: 'ready', plan }),
        (error: unknown) => isCurrent && setState({ kind: 'failed', error: errorMessage(error) }),
      );
    return () => {
      isCurrent = false;
    };
  }, []);

  // Once the plan is there, Enter (on the focused button) applies it.
  useEffect(() => {
    if (state.kind === 'ready' && document.activeElement === dialogRef.current) applyRef.current?.focus();
  }, [state.kind]);

  const apply = () => {
    setApplying(true);
    setApplyError(null);
    getFolio()
      .commitReparse()
      .then(
        (result) => {
          toasts.show(reparseSummary(result));
          onClose();
        },
        (error: unknown) => {
          setApplying(false);
          setApplyError(errorMessage(error));
        },
      );
  };

  return (
    <Modal title="Re-read stored imports" onClose={onClose} initialFocus={applyRef} dialogRef={dialogRef} className="reparse-dialog" busy={isApplying}>
      <header className="modal-header">
        <h2 className="modal-title">Re-read stored imports</h2>
        <p className="muted">
          Folio keeps every page and file you imported. Its parsers have improved since some were read: this is what
          reading them again changes. Your tags, notes and reading status are not touched.
        </p>
      </header>
      <div className="reparse-body" aria-live="polite" aria-busy={state.kind === 'planning'}>
        {state.kind === 'planning' ? (
          <div className="progress" role="progressbar" aria-label="Reading the stored imports again">
            <div className="progress-bar" />
          </div>
        ) : state.kind === 'failed' ? (
          <p className="error-text" role="alert">
            Could not read the stored imports again: {state.error}
          </p>
        ) : (
          <PlanView plan={state.plan} />
        )}
      </div>
      {applyError ? (
        <p className="error-text" role="alert">
          {applyError.startsWith('Not saved:') ? applyError : `Nothing was changed: ${applyError}`}
        </p>
      ) : null}
      <footer className="modal-footer">
        <button type="button" className="button" onClick={onClose} disabled={isApplying}>
          Cancel
        </button>
        <button ref={applyRef} type="button" className="button primary" onClick={apply} disabled={state.kind !== 'ready' || isApplying}>
          {isApplying ? 'Applying…' : 'Apply'}
        </button>
      </footer>
    </Modal>
  );
}

function PlanView({ plan }: { plan: ReparsePlan }) {
  const changes = plan.newPapers + plan.correctedFields + plan.metricChanges;
  return (
    <>
      <p className="reparse-summary">
        {changes === 0
          ? `The improved parsers read ${plural(plan.staleImports, 'import')} as before: nothing changes, and they are marked as read by them.`
          : `${plural(plan.staleImports, 'import')}: ${planCounts(plan)}.`}
      </p>
      <ul className="reparse-imports" aria-label="Imports to re-read">
        {plan.imports.map((item) => (
          <ImportChanges key={item.importId} item={item} />
        ))}
      </ul>
    </>
  );
}

function ImportChanges({ item }: { item: ReparseImport }) {
  return (
    <li className="reparse-import">
      <h3 className="reparse-import-title">
        {item.label} <span className="muted">· {item.sourceLabel} · imported {formatDateTime(item.importedAt)}</span>
      </h3>
      {item.error !== null ? (
        <p className="error-text">Cannot be read again: {item.error}</p>
      ) : item.newPaperCount + item.correctionCount + item.metricChanges.length === 0 ? (
        <p className="muted">Nothing changes.</p>
      ) : null}
      {item.newPaperCount > 0 ? (
        <section aria-label={`New papers from ${item.label}`}>
          <h4>{plural(item.newPaperCount, 'new paper')}</h4>
          <ul className="reparse-new">
            {item.newPapers.map((title, i) => (
              <li key={i}>{title}</li>
            ))}
            {item.newPaperCount > item.newPapers.length ? <li className="muted">…and {formatNumber(item.newPaperCount - item.newPapers.length)} more</li> : null}
          </ul>
        </section>
      ) : null}
      {item.correctionCount > 0 ? (
        <table className="reparse-table" aria-label={`Corrections from ${item.label}`}>
          <caption>{plural(item.correctionCount, 'corrected field')}</caption>
          <thead>
            <tr>
              <th scope="col">Paper</th>
              <th scope="col">Field</th>
              <th scope="col">Now</th>
              <th scope="col">Re-read</th>
            </tr>
          </thead>
          <tbody>
            {item.corrections.map((correction, i) => (
              <tr key={i}>
                <th scope="row">{correction.title}</th>
                <td>{FIELD_LABELS[correction.field]}</td>
                <td className="reparse-before">{abstractStart(correction.before) || '—'}</td>
                <td className="reparse-after">{abstractStart(correction.after) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {item.metricChanges.length > 0 ? (
        <table className="reparse-table" aria-label={`Metric changes from ${item.label}`}>
          <caption>{plural(item.metricChanges.length, 'metric change')}</caption>
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Metric</th>
              <th scope="col">Now</th>
              <th scope="col">Re-read</th>
            </tr>
          </thead>
          <tbody>
            {item.metricChanges.map((change, i) => (
              <tr key={i}>
                <th scope="row">{change.profileName}</th>
                <td>{change.metric}</td>
                <td className="reparse-before">{formatNumber(change.before)}</td>
                <td className="reparse-after">{formatNumber(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

/** "1 new paper, 2 fields corrected in 1 paper, 1 metric change". */
function planCounts(counts: { newPapers: number; correctedFields: number; correctedPapers: number; metricChanges: number }): string {
  const parts: string[] = [];
  if (counts.newPapers > 0) parts.push(plural(counts.newPapers, 'new paper'));
  if (counts.correctedFields > 0) parts.push(`${plural(counts.correctedFields, 'field')} corrected in ${plural(counts.correctedPapers, 'paper')}`);
  if (counts.metricChanges > 0) parts.push(plural(counts.metricChanges, 'metric change'));
  return parts.length === 0 ? 'nothing changed' : parts.join(', ');
}

/** What the toast says after Apply. */
function reparseSummary(result: ReparseResult): string {
  const failed = result.failedImports > 0 ? ` (${plural(result.failedImports, 'import')} could not be read again)` : '';
  return `Re-read ${plural(result.reread, 'import')}: ${planCounts({ ...result, newPapers: result.added })}${failed}`;
}
