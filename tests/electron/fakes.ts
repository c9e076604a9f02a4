// Hand-written stand-ins for the Electron objects main and the preload talk to. Electron itself cannot run
// here, so the fakes sit exactly at the boundary the modules take as parameters, and no further.
import { FOLIO_METHODS, type FolioMethod, type LibraryChange } from '../../electron/core/api.js';
import type { IpcRendererLike } from '../../electron/preload/folio-api.js';
import type { CoreLike, InvokeEventLike, IpcMainLike, WebContentsLike } from '../../electron/main/ipc.js';

export const RENDERER_URL = 'file:///opt/Folio/resources/app.asar/dist/renderer/index.html';

export class FakeCore {
  readonly calls: Array<{ method: FolioMethod; args: unknown[] }> = [];
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  /** Per-method replacement behaviour; the default resolves `${method} result`. */
  readonly behaviour: Partial<Record<FolioMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  readonly api: CoreLike;

  constructor() {
    const methods = Object.fromEntries(
      FOLIO_METHODS.map((method) => [
        method,
        async (...args: unknown[]) => {
          this.calls.push({ method, args });
          const custom = this.behaviour[method];
          return custom ? custom(...args) : `${method} result`;
        },
      ]),
    );
    this.api = {
      ...methods,
      onChanged: (listener: (change: LibraryChange) => void) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    } as unknown as CoreLike;
  }

  emit(change: LibraryChange): void {
    for (const listener of this.listeners) listener(change);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();

  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    // Electron throws on a second handler for the same channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    // Electron structured-clones arguments; so does the fake, which also catches non-cloneable payloads.
    return handler(event, ...structuredClone(args));
  }
}

export class FakeWebContents implements WebContentsLike {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  isDestroyedFlag = false;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args: structuredClone(args) });
  }

  isDestroyed(): boolean {
    return this.isDestroyedFlag;
  }
}

export function eventFrom(sender: unknown, url = RENDERER_URL, parent: unknown = null): InvokeEventLike {
  return { sender, senderFrame: { url, parent } };
}

/** An ipcRenderer whose invoke goes straight to a FakeIpcMain, as if from the window's top frame. */
export class FakeIpcRenderer implements IpcRendererLike {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  private readonly listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();

  constructor(
    private readonly ipcMain?: FakeIpcMain,
    private readonly webContents?: FakeWebContents,
  ) {}

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    if (!this.ipcMain) return Promise.resolve({ ok: true, value: null });
    return this.ipcMain.invoke(channel, eventFrom(this.webContents), ...args).then((reply) => structuredClone(reply));
  }

  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }

  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  /** Delivers a main → renderer message with an event object carrying a `sender`, like Electron's. */
  emit(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0 };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}
