// What the core would import from one text: the source it was read as and how many papers ("Google Scholar profile ·
// 14 papers"), the person and their metrics when there is one, the warnings, and each paper with whether it is new
// or which paper of the library it is, and why ("matches … (same DOI)").
import { memo } from 'react';
import type { ImportPreview, ImportPreviewPaper } from '../../../electron/core/api.js';
import { abstractStart, formatDate, formatNumber, plural } from '../lib/format.js';
import { compareMetrics, signedChange, type MetricComparison } from '../lib/metricChanges.js';
import { formatMetric } from '../lib/metrics.js';

const WARNING_LIMIT = 50;

interface Props {
  preview: ImportPreview | null;
  /** The text or the choices changed since this preview (it is dimmed until the new one arrives). */
  stale: boolean;
  nameInput: string | null;
  onNameInput: (name: string) => void;
  /** Papers in the Trash the user chose to bring back with this import (none by default: never silently). */
  restoreIds?: ReadonlySet<string>;
  onToggleRestore?: (id: string) => void;
}

/** Every paper the text holds (the preview lists the first ones). */
const paperCount = (preview: Extract<ImportPreview, { ok: true }>) => preview.newCount + preview.presentCount;

/** "Google Scholar profile · 14 papers", "BibTeX file library.bib · 10 papers". */
export function previewHeading(preview: Extract<ImportPreview, { ok: true }>): string {
  return `${preview.sourceLabel}${preview.fileName === null ? '' : ` ${preview.fileName}`} · ${plural(paperCount(preview), 'paper')}`;
}

// Memoized: a long read re-renders the dialog at each progress report, and the preview has not changed.
export const ImportPreviewView = memo(function ImportPreviewView({ preview, stale, nameInput, onNameInput, restoreIds, onToggleRestore }: Props) {
  if (!preview) return <p className="muted import-placeholder">{stale ? 'Reading…' : 'The preview appears here.'}</p>;
  if (!preview.ok) {
    return (
      <div className={`import-error${stale ? ' stale' : ''}`} role="alert">
        <strong>{preview.cancelled ? 'Cancelled' : 'Nothing to import'}</strong>
        <p>{preview.error}</p>
      </div>
    );
  }
  const { profile } = preview;
  return (
    <div className={`import-summary${stale ? ' stale' : ''}`}>
      <h3 className="import-source">{previewHeading(preview)}</h3>
      {profile ? (
        <div className="import-person">
          <div className="import-profile">
            <h4 className="import-profile-name">{profile.name}</h4>
            {profile.category ? <span className="category-badge">{profile.category}</span> : null}
            {preview.existingProfileId ? (
              <span className="badge">{preview.metricsChanged ? 'Already in library · new metrics' : 'Already in library'}</span>
            ) : null}
          </div>
          {profile.affiliation ? <p className="import-affiliation muted">{profile.affiliation}</p> : null}
          {profile.nameDoubt !== undefined || nameInput !== null ? (
            <NameCheck doubt={profile.nameDoubt} value={nameInput ?? profile.name} onChange={onNameInput} />
          ) : null}
          <dl className="metrics compact">
            {compareMetrics(preview.previousMetrics, profile.metrics).map((metric) => (
              <div key={metric.key} className={`metric${isChanged(metric) ? ' changed' : ''}`}>
                <dt>{metric.label}</dt>
                <dd>
                  <MetricValue metric={metric} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      <p className="import-counts">
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
        {preview.papers.map((paper, i) => (
          <PaperRow key={`${i}:${paper.id}`} paper={paper} restore={restoreIds?.has(paper.id) ?? false} onToggleRestore={onToggleRestore} />
        ))}
        {paperCount(preview) > preview.papers.length ? (
          <li className="import-paper muted">…and {formatNumber(paperCount(preview) - preview.papers.length)} more</li>
        ) : null}
      </ul>
    </div>
  );
});

function PaperRow({ paper, restore, onToggleRestore }: { paper: ImportPreviewPaper; restore: boolean; onToggleRestore: ((id: string) => void) | undefined }) {
  return (
    <li className="import-paper">
      <span className={`badge ${paper.isNew ? 'new' : 'present'}`}>{paper.isNew ? 'New' : paper.inTrash ? 'In Trash' : 'In library'}</span>
      <span className="import-paper-title">{paper.title}</span>
      <span className="import-paper-meta">
        {paper.authors.slice(0, 3).join(', ')}
        {paper.authors.length > 3 || paper.authorsTruncated ? ' et al.' : ''}
        {paper.date ? ` · ${formatDate(paper.date)}` : paper.year !== null ? ` · ${paper.year}` : ''}
        {paper.venue ? ` · ${paper.venue}` : ''}
        {paper.category ? ` · ${paper.category}` : ''}
      </span>
      {paper.match ? (
        <span className="import-match">
          matches <q>{paper.match.title}</q> ({paper.match.reason})
        </span>
      ) : null}
      {paper.inTrash && onToggleRestore ? (
        <label className="import-restore">
          <input type="checkbox" checked={restore} onChange={() => onToggleRestore(paper.id)} aria-label={`Restore “${paper.title}” from Trash`} /> Restore from Trash
        </label>
      ) : null}
      <span className={`import-paper-abstract${paper.abstract === null ? ' muted' : ''}`}>{abstractStart(paper.abstract ?? '') || 'No abstract'}</span>
    </li>
  );
}

const isChanged = (metric: MetricComparison) => metric.before !== undefined && metric.before !== metric.after;

/** "117" when unchanged (or nothing to compare with); "117 → 119 (+2)" when the page shows another value than the library's. */
function MetricValue({ metric }: { metric: MetricComparison }) {
  const { key, before, after, change } = metric;
  if (before === undefined || before === after) return <>{formatMetric(key, after)}</>;
  return (
    <>
      <span className="metric-before">{formatMetric(key, before)}</span>
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">now</span>
      <span className="metric-after">{formatMetric(key, after)}</span>
      <span className="metric-change">({change !== null ? signedChange(change) : after === null ? 'not on this page' : 'new'})</span>
    </>
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
