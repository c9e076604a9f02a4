// How far a long import has come: reading the text (entries read of all) or writing the library, from the core's
// 'import-progress' changes for the dialog's job. Without a report yet it runs without a value.
import type { ImportProgress } from '../lib/changes.js';
import { formatNumber } from '../lib/format.js';

interface Props {
  /** The latest report of the running job; null before the first. */
  progress: ImportProgress | null;
  /** Whether the running job is the import itself (else it is the preview reading the text). */
  isCommit: boolean;
  /** What is being read ("library.bib", "the text"). */
  what: string;
}

export function ImportProgressBar({ progress, isCommit, what }: Props) {
  const label = isCommit ? 'Importing' : `Reading ${what}`;
  const known = progress !== null && progress.total > 0;
  const text =
    progress === null || !known
      ? `${label}…`
      : progress.phase === 'parse'
        ? `${label}: ${formatNumber(progress.done)} of ${formatNumber(progress.total)} entries read`
        : `${label}: writing ${formatNumber(progress.total)} papers to the library`;
  return (
    <div className="import-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuetext={known ? text : undefined}
      >
        {/* Scaled, not resized: a transform animates off the page's main thread, a width would lay the page out. */}
        <div className={`progress-bar${known ? ' determinate' : ''}`} style={known ? { transform: `scaleX(${progress.done / progress.total})` } : undefined} />
      </div>
      <p className="import-progress-text muted">{text}</p>
    </div>
  );
}
