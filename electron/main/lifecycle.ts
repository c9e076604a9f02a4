// Shutdown: hold the quit until the core has flushed its debounced writes "to prevent data loss", then exit.
// Tolerant: a failing or hanging step is logged and the app still exits. While edits are not saved (a full disk)
// the user is asked first: Retry, Quit Anyway or Cancel.
import type { FolioApi } from '../core/api.js';
import { errorMessage, errorName, errorStack } from '../core/library/errors.js';

export interface QuitAppLike {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  exit(exitCode?: number): void;
}

export interface ShutdownStep {
  name: string;
  run: () => unknown;
}

export interface GracefulQuitOptions {
  /** Longest wait for all steps together; past it the app exits anyway rather than hang forever. */
  timeoutMs?: number;
  warn?: (message: string) => void;
  /** Asked before the steps run; false cancels the quit (e.g. askBeforeQuittingWithUnsavedEdits). */
  confirmQuit?: () => Promise<boolean>;
}

/** Runs the steps in order; each failure is reported and the next step still runs. */
export async function runShutdownSteps(steps: readonly ShutdownStep[], warn: (message: string) => void): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      warn(`Folio shutdown: ${step.name} failed: ${errorStack(error)}`);
    }
  }
}

/**
 * On the first before-quit: cancel the quit, run the steps, then app.exit(0) (exit skips before-quit, so
 * this does not loop). Quit requests made while the steps run are swallowed.
 */
export function installGracefulQuit(app: QuitAppLike, getSteps: () => readonly ShutdownStep[], options: GracefulQuitOptions = {}): void {
  const warn = options.warn ?? console.warn;
  const timeoutMs = options.timeoutMs ?? 15_000;
  let isShuttingDown = false;
  let isAsking = false;
  app.on('before-quit', (event) => {
    event.preventDefault();
    if (isShuttingDown || isAsking) return;
    if (!options.confirmQuit) return shutDown();
    isAsking = true;
    // A confirmation that throws must not keep the app from quitting.
    void options.confirmQuit().catch(() => true).then((quit) => {
      isAsking = false;
      if (quit) shutDown();
    });
  });

  function shutDown(): void {
    isShuttingDown = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        warn(`Folio shutdown: still busy after ${timeoutMs} ms, exiting anyway.`);
        resolve();
      }, timeoutMs);
    });
    void Promise.race([runShutdownSteps(getSteps(), warn), timeout]).then(() => {
      clearTimeout(timer);
      app.exit(0);
    });
  }
}

/** The part of Electron's dialog the quit confirmation uses (dialog.showMessageBox, bound to the window). */
export type ShowMessageBox = (options: {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}) => Promise<{ response: number }>;

const QUIT_CHOICES = ['Retry', 'Quit Anyway', 'Cancel'] as const;

/**
 * Whether to quit: yes at once when every edit is saved. Otherwise it asks, until the edits are saved or the
 * user decides: Retry saves now (and asks again if the disk still refuses), Quit Anyway quits (those edits are
 * lost: they never reached the disk), Cancel keeps Folio open (to free some space, say).
 */
export async function askBeforeQuittingWithUnsavedEdits(
  core: Pick<FolioApi, 'saveStatus' | 'retryUnsaved'>,
  showMessageBox: ShowMessageBox,
): Promise<boolean> {
  let status = await core.saveStatus();
  while (status.unsavedEdits > 0) {
    const count = status.unsavedEdits === 1 ? '1 change is' : `${status.unsavedEdits} changes are`;
    const { response } = await showMessageBox({
      type: 'warning',
      title: 'Changes not saved',
      message: `${count} not saved.`,
      detail: `${status.error ?? 'Folio could not write them to the library.'}\n\nIf you quit now, they are lost.`,
      buttons: [...QUIT_CHOICES],
      defaultId: 0,
      cancelId: QUIT_CHOICES.indexOf('Cancel'),
      noLink: true,
    });
    const choice = QUIT_CHOICES[response] ?? 'Cancel';
    if (choice === 'Quit Anyway') return true;
    if (choice === 'Cancel') return false;
    status = await core.retryUnsaved();
  }
  return true;
}

/** The error box shown when the library cannot be opened; the message names the folder and what to do. */
export function describeBootFailure(error: unknown, libraryDir: string): { title: string; message: string } {
  const reason = errorMessage(error);
  if (errorName(error) === 'LibraryLockedError') {
    // The lock's message already says what to do (quit which process, or which file to delete).
    return { title: 'This library is locked', message: `${reason}\n\nLibrary: ${libraryDir}` };
  }
  return {
    title: 'Folio could not start',
    message: `${reason}\n\nLibrary: ${libraryDir}\n\nFolio quits now so nothing is written to a library it could not open.`,
  };
}
