// Shutdown: hold the quit until the core has flushed its debounced writes "to prevent data loss", then exit.
// Tolerant: a failing or hanging step is logged and the app still exits.

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
}

/** Runs the steps in order; each failure is reported and the next step still runs. */
export async function runShutdownSteps(steps: readonly ShutdownStep[], warn: (message: string) => void): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      warn(`Folio shutdown: ${step.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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
  app.on('before-quit', (event) => {
    event.preventDefault();
    if (isShuttingDown) return;
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
  });
}

/** The error box shown when the library cannot be opened; the message names the folder and what to do. */
export function describeBootFailure(error: unknown, libraryDir: string): { title: string; message: string } {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'LibraryLockedError') {
    // The lock's message already says what to do (quit which process, or which file to delete).
    return { title: 'This library is locked', message: `${reason}\n\nLibrary: ${libraryDir}` };
  }
  return {
    title: 'Folio could not start',
    message: `${reason}\n\nLibrary: ${libraryDir}\n\nFolio quits now so nothing is written to a library it could not open.`,
  };
}
