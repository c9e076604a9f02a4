// Wires the contract over IPC: one handler per FOLIO_METHODS entry, sender checked, arguments validated.
import { dispatchFolioCall } from '../core/api-schema.js';
import { errorMessage, errorName } from '../core/library/errors.js';
import { FOLIO_METHODS, type FolioApi, type LibraryChange } from '../core/api.js';
import { CHANGED_CHANNEL, channelFor, type IpcResult } from '../shared/channels.js';
import { isRendererUrl } from './security.js';

/** What main needs from the core: the contract's methods plus a change feed. FolioCore is one. */
export type CoreLike = Omit<FolioApi, 'onChanged'> & { onChanged(listener: (change: LibraryChange) => void): () => void };

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  core: CoreLike;
  /** The library window's webContents, or null while there is none. */
  getWebContents: () => WebContentsLike | null;
  /** file:// URL of the renderer's index.html. */
  rendererUrl: string;
  /** Where failed calls are logged with their stack (default console.error); the page gets the message only. */
  logError?: (message: string, error: unknown) => void;
}

export class ForeignSenderError extends Error {
  override name = 'ForeignSenderError';
}

/** Only the top frame of our own window, showing our own page, may call the core. */
export function assertTrustedSender(event: InvokeEventLike, webContents: WebContentsLike | null, rendererUrl: string): void {
  const frame = event.senderFrame;
  if (!webContents || event.sender !== webContents) throw new ForeignSenderError('Folio: call refused, it did not come from the library window.');
  if (!frame || frame.parent !== null || !isRendererUrl(frame.url, rendererUrl)) {
    throw new ForeignSenderError('Folio: call refused, it did not come from the Folio page.');
  }
}

/** Registers every handler and forwards core changes; the returned disposer undoes both. */
export function registerIpc(deps: IpcDeps): () => void {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  for (const method of FOLIO_METHODS) {
    deps.ipcMain.handle(channelFor(method), async (event, ...args): Promise<IpcResult> => {
      try {
        assertTrustedSender(event, deps.getWebContents(), deps.rendererUrl);
        return { ok: true, value: await dispatchFolioCall(deps.core, method, args) };
      } catch (error) {
        logError(`Folio: ${method} failed:`, error);
        return { ok: false, error: { name: errorName(error), message: errorMessage(error) } };
      }
    });
  }
  const stopForwarding = deps.core.onChanged((change) => {
    const webContents = deps.getWebContents();
    if (webContents && !webContents.isDestroyed()) webContents.send(CHANGED_CHANNEL, change);
  });
  return () => {
    stopForwarding();
    for (const method of FOLIO_METHODS) deps.ipcMain.removeHandler(channelFor(method));
  };
}
