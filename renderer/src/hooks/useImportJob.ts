// The import calls behind the dialog, each under its own job id: a large text is read off the core's event loop and
// reports its progress as 'import-progress' changes for that id, and cancelImport(id) stops it.
import { startTransition, useEffect, useState } from 'react';
import type { ImportOptions, ImportPreview } from '../../../electron/core/api.js';
import { onImportProgress, type ImportProgress } from '../lib/changes.js';
import { errorMessage, getFolio } from '../lib/folio.js';

let lastJob = 0;
const session = Date.now().toString(36);

/** A job id no other call of this window uses (nor one from before a reload). */
export const nextJobId = (): string => `import-${session}-${++lastJob}`;

/** Papers a preview lists (its counts count all): enough to check a file, few enough to receive and draw at once. */
const PREVIEW_PAPERS = 200;

/** What the user chose for the import; only the choices made are sent. */
export function importOptions(jobId: string, fileName: string | null, profileName: string): ImportOptions {
  return { jobId, ...(fileName === null ? {} : { fileName }), ...(profileName === '' ? {} : { profileName }) };
}

/** Stops a running import call; one that has already ended ignores it. */
export function cancelJob(jobId: string): void {
  getFolio()
    .cancelImport(jobId)
    .catch(() => undefined);
}

/** The latest progress `jobId` reported; null before the first report and without a job. */
export function useJobProgress(jobId: string | null): ImportProgress | null {
  const [latest, setLatest] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (jobId === null) return;
    return onImportProgress((progress) => {
      if (progress.jobId === jobId) setLatest(progress);
    });
  }, [jobId]);
  return latest !== null && latest.jobId === jobId ? latest : null;
}

export interface PreviewState {
  /** The latest answer; it may be for an older text while a newer one is read (see isUpToDate). */
  preview: ImportPreview | null;
  /** Whether `preview` answers exactly this text and these choices, and no newer call runs. */
  isUpToDate: boolean;
  /** The job id of the preview call still running, null when none runs. */
  runningJobId: string | null;
}

interface Asked {
  text: string;
  fileName: string | null;
  profileName: string;
}

const sameAsked = (a: Asked | null, b: Asked) => a !== null && a.text === b.text && a.fileName === b.fileName && a.profileName === b.profileName;

/**
 * The core's preview of `text` with the user's choices (none for an empty text). A newer text or name cancels the
 * older call (a large file stops being read); so does closing the dialog.
 */
export function useImportPreview(text: string, fileName: string | null, profileName: string): PreviewState {
  const [answer, setAnswer] = useState<{ asked: Asked; preview: ImportPreview | null } | null>(null);
  const [runningJobId, setRunningJobId] = useState<string | null>(null);
  useEffect(() => {
    const asked = { text, fileName, profileName };
    if (text.trim() === '') {
      setAnswer({ asked, preview: null });
      setRunningJobId(null);
      return;
    }
    const jobId = nextJobId();
    let isCurrent = true;
    let isRunning = true;
    setRunningJobId(jobId);
    const settle = (preview: ImportPreview) => {
      isRunning = false;
      if (!isCurrent) return;
      // A transition: React draws the (up to 200) papers in slices, yielding to the page between them.
      startTransition(() => {
        setAnswer({ asked, preview });
        setRunningJobId(null);
      });
    };
    getFolio()
      .previewImport(text, { ...importOptions(jobId, fileName, profileName), previewLimit: PREVIEW_PAPERS })
      .then(settle, (error: unknown) => settle({ ok: false, error: errorMessage(error) }));
    return () => {
      isCurrent = false;
      if (isRunning) cancelJob(jobId);
    };
  }, [text, fileName, profileName]);
  const isUpToDate = runningJobId === null && sameAsked(answer?.asked ?? null, { text, fileName, profileName });
  return { preview: answer?.preview ?? null, isUpToDate, runningJobId };
}
