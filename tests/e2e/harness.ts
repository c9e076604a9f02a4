// Runs the built renderer in a real Chromium against the real core and a real library folder on disk.
// The page gets `window.folio` with exactly the contract's methods, as the preload gives it in the app;
// every call goes through dispatchFolioCall, the same validation main applies to IPC payloads.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { CHANGED_CHANNEL, FOLIO_METHODS, type LibraryChange } from '../../electron/core/api.js';
import { dispatchFolioCall } from '../../electron/core/api-schema.js';
import { FolioCore } from '../../electron/core/folio.js';
import { errorMessage, errorName } from '../../electron/core/library/errors.js';
import { createMenuActions, type MenuActionDeps } from '../../electron/main/menu-actions.js';
import type { MenuActions } from '../../electron/main/menu.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.js';
import { buildMenuBridge } from '../../electron/preload/menu-bridge.js';
import { MENU_CHANNEL } from '../../electron/shared/channels.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(root, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(root, 'tests', 'e2e', 'screenshots');
export const FIXTURES_DIR = path.join(root, 'tests', 'fixtures');
/** A made-up origin served from disk by page.route: no socket, no network, CSP 'self' still applies. */
const APP_ORIGIN = 'http://folio.localhost';
/** Where the page uploads a call's large text argument, and the key that names the upload in its place. */
const UPLOAD_PATH = '/__folio-upload/';
const UPLOADED = '__folioUpload';
/** Where the page fetches a call's large result, and the key that names it in the binding's reply. */
const RESULT_PATH = '/__folio-result/';
const FETCH_RESULT = '__folioResult';
/** Above this many characters an argument or a result takes the fetch way. */
const LARGE_TEXT = 32 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export class FolioHarness {
  /** Every contract call the page made, with what it resolved to (undefined when it threw), oldest first. */
  readonly calls: Array<{ method: string; args: unknown; result?: unknown }> = [];

  private constructor(
    readonly dir: string,
    public core: FolioCore,
  ) {}

  /** A fresh temp library folder with its own core; `prepare` may first put a library there (a fixture's copy). */
  static async start(prepare?: (dir: string) => Promise<void>): Promise<FolioHarness> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-'));
    await prepare?.(dir);
    const core = await FolioCore.open(dir, { samplePath: path.join(root, 'assets', 'sample-profile.txt') });
    return new FolioHarness(dir, core);
  }

  /** Closes the core (flushing everything to disk) and opens the folder again, as an app restart does. */
  async restart(): Promise<void> {
    await this.core.close();
    this.core = await FolioCore.open(this.dir, { samplePath: path.join(root, 'assets', 'sample-profile.txt') });
  }

  async stop(): Promise<void> {
    await this.core.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Loads the app into `page` with `window.folio` bound to this harness's core. */
  async open(page: Page): Promise<void> {
    await page.route(`${APP_ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      const file = path.join(RENDERER_DIR, decodeURIComponent(url.pathname));
      if (!file.startsWith(RENDERER_DIR)) return route.fulfill({ status: 403 });
      try {
        const body = await readFile(file);
        await route.fulfill({
          status: 200,
          body,
          headers: {
            'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
            // The same policy main sets on every response in the app.
            'content-security-policy': CONTENT_SECURITY_POLICY,
          },
        });
      } catch {
        await route.fulfill({ status: 404 });
      }
    });
    // Anything else (remote images, fonts…) must never be requested: Folio is offline.
    await page.route(/^(?!http:\/\/folio\.localhost\/)/, (route) => {
      externalRequests.push(route.request().url());
      return route.abort();
    });

    // Large text arguments come as uploads (see the page side below), each taken once by the call that names it.
    const uploads = new Map<string, string>();
    await page.route(`${APP_ORIGIN}${UPLOAD_PATH}*`, async (route) => {
      uploads.set(new URL(route.request().url()).pathname.slice(UPLOAD_PATH.length), route.request().postDataBuffer()?.toString('utf8') ?? '');
      await route.fulfill({ status: 204 });
    });
    const withUploads = (args: unknown) =>
      Array.isArray(args)
        ? args.map((arg) => {
            const id = (arg as { [UPLOADED]?: unknown } | null)?.[UPLOADED];
            if (typeof id !== 'string') return arg;
            const text = uploads.get(id);
            uploads.delete(id);
            return text;
          })
        : args;

    // And a large result is fetched by the page: Playwright hands a binding's result to the page as a DevTools
    // command that takes ~60 ms of the page's main thread per 150 kB; a fetched body is parsed by JSON.parse.
    const results = new Map<string, string>();
    let lastResult = 0;
    await page.route(`${APP_ORIGIN}${RESULT_PATH}*`, async (route) => {
      const id = new URL(route.request().url()).pathname.slice(RESULT_PATH.length);
      const body = results.get(id);
      results.delete(id);
      await route.fulfill({ status: body === undefined ? 404 : 200, body: body ?? '', headers: { 'content-type': 'application/json' } });
    });

    await page.exposeBinding('__folioInvoke', (_source, method: unknown, sent: unknown) => {
      const args = withUploads(sent);
      const call: (typeof this.calls)[number] = { method: String(method), args };
      this.calls.push(call);
      return dispatchFolioCall(this.core, method, args).then((result) => {
        call.result = result;
        const json = result === undefined ? undefined : JSON.stringify(result);
        if (json === undefined || json.length <= LARGE_TEXT) return result;
        const id = String(++lastResult);
        results.set(id, json);
        return { [FETCH_RESULT]: id };
      }, (error: unknown) => {
        // Main sends the page an error's name and message only (registerIpc); so does this bridge (Playwright
        // would otherwise add an errno code such as " (ENOSPC)" to the message).
        const plain = new Error(errorMessage(error));
        plain.name = errorName(error);
        throw plain;
      });
    });
    await page.addInitScript(
      ({ methods, channel, uploadPath, uploaded, resultPath, fetchResult, largeText }) => {
        const listeners = new Set<(change: unknown) => void>();
        const page = globalThis as unknown as Record<string, unknown>;
        const invoke = page.__folioInvoke as (m: string, a: unknown[]) => Promise<unknown>;
        const api: Record<string, unknown> = {};
        // A binding copies its arguments into Playwright's JSON channel on the page's main thread (about a second for
        // 10 MB), where the app's IPC makes a structured clone: a large text goes as an upload instead, encoded in
        // slices between which the page is free, its body sent off the main thread, so that the page's long tasks
        // are the app's own.
        let lastUpload = 0;
        const upload = async (text: string) => {
          const id = String(++lastUpload);
          const parts: Blob[] = [];
          for (let start = 0; start < text.length; ) {
            let end = Math.min(text.length, start + largeText);
            if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1; // not between a surrogate pair
            parts.push(new Blob([text.slice(start, end)]));
            start = end;
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          await fetch(`${uploadPath}${id}`, { method: 'POST', body: new Blob(parts) });
          return { [uploaded]: id };
        };
        const received = async (reply: unknown) => {
          const id = (reply as { [fetchResult]?: unknown } | null)?.[fetchResult];
          return typeof id === 'string' ? (await fetch(`${resultPath}${id}`)).json() : reply;
        };
        for (const method of methods) {
          api[method] = async (...args: unknown[]) =>
            received(await invoke(method, await Promise.all(args.map((arg) => (typeof arg === 'string' && arg.length > largeText ? upload(arg) : arg)))));
        }
        api.onChanged = (listener: (change: unknown) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        };
        Object.defineProperty(page, 'folio', { value: Object.freeze(api), configurable: false });
        Object.defineProperty(page, `__emit_${channel.replace(':', '_')}`, {
          value: (change: unknown) => listeners.forEach((listener) => listener(change)),
        });
        // window.folioMenu as the preload gives it; menuActions() below delivers what main sends.
        const menuListeners = new Set<(event: unknown) => void>();
        const folioMenu = {
          onAction(listener: (event: unknown) => void) {
            menuListeners.add(listener);
            return () => menuListeners.delete(listener);
          },
        };
        Object.defineProperty(page, 'folioMenu', { value: Object.freeze(folioMenu), configurable: false });
        Object.defineProperty(page, '__emit_folio_menu', { value: (event: unknown) => menuListeners.forEach((listener) => listener(event)) });
      },
      {
        methods: [...FOLIO_METHODS],
        channel: CHANGED_CHANNEL,
        uploadPath: UPLOAD_PATH,
        uploaded: UPLOADED,
        resultPath: RESULT_PATH,
        fetchResult: FETCH_RESULT,
        largeText: LARGE_TEXT,
      },
    );
    const forward = (change: LibraryChange) => {
      if (page.isClosed()) return;
      page
        .evaluate(
          ({ change, fn }) => (globalThis as unknown as Record<string, ((c: unknown) => void) | undefined>)[fn]?.(change),
          { change, fn: `__emit_${CHANGED_CHANNEL.replace(':', '_')}` },
        )
        .catch(() => {
          // The page navigated or closed while the event was in flight; it re-queries on load anyway.
        });
    };
    let unsubscribe = this.core.onChanged(forward);
    let subscribedCore = this.core;
    // After restart() the core object changes: follow it so change events keep flowing.
    page.on('load', () => {
      if (subscribedCore !== this.core) {
        unsubscribe();
        subscribedCore = this.core;
        unsubscribe = this.core.onChanged(forward);
      }
    });
    page.on('close', () => unsubscribe());
    await page.goto(`${APP_ORIGIN}/index.html`);
  }
}

/**
 * Main's menu actions (createMenuActions) wired to `page` as the app wires them: what main sends on MENU_CHANNEL goes
 * through the preload's own bridge (buildMenuBridge, which drops malformed payloads) to the page's window.folioMenu
 * listeners. `deps` replaces what a test needs (the open dialog, say); the rest fails loudly if used.
 */
export function menuActions(page: Page, deps: Partial<MenuActionDeps>): MenuActions {
  const listeners = new Set<(event: unknown, ...args: unknown[]) => void>();
  const ipcRenderer = {
    invoke: () => Promise.reject(new Error('not used')),
    on: (_channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.add(listener),
    removeListener: (_channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.delete(listener),
  };
  buildMenuBridge(ipcRenderer).onAction((event) => {
    page.evaluate((e) => (globalThis as unknown as { __emit_folio_menu: (e: unknown) => void }).__emit_folio_menu(e), event).catch(() => {
      // The page closed meanwhile: nobody to tell.
    });
  });
  const webContents = {
    send: (channel: string, ...args: unknown[]) => {
      expect(channel).toBe(MENU_CHANNEL);
      for (const listener of listeners) listener({ sender: null }, ...structuredClone(args));
    },
    isDestroyed: () => page.isClosed(),
  };
  const unused = (what: string) => () => {
    throw new Error(`menuActions: ${what} is not wired in this test`);
  };
  return createMenuActions({
    getWebContents: () => webContents,
    readClipboardText: unused('readClipboardText'),
    chooseImportFiles: unused('chooseImportFiles'),
    openPath: unused('openPath'),
    libraryDir: '',
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    saveTheme: unused('saveTheme'),
    exportLibrary: unused('exportLibrary'),
    showAbout: unused('showAbout'),
    showError: (title, message) => {
      throw new Error(`menu action failed: ${title}: ${message}`);
    },
    ...deps,
  });
}

/** A file as a test drops it: its text, or raw bytes for a binary one. */
export interface DroppedFile {
  name: string;
  text?: string;
  bytes?: number[];
  type?: string;
}

/** A DataTransfer in the page holding `files`, as the OS hands a drag of files to the window. */
export async function dataTransferOf(page: Page, files: DroppedFile[]) {
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const body = file.bytes === undefined ? [file.text ?? ''] : [new Uint8Array(file.bytes)];
      transfer.items.add(new File(body, file.name, { type: file.type ?? '' }));
    }
    return transfer;
  }, files);
}

/** Drags `files` over the window (dragenter, dragover): the drop overlay shows. */
export async function dragFilesOver(page: Page, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await dataTransferOf(page, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
}

/**
 * Drops `files` on the window, as a user dragging them from the file manager does. `files` may be a DataTransfer
 * already made (dataTransferOf), so that making it is not counted as the app's work.
 */
export async function dropFiles(page: Page, files: DroppedFile[] | Awaited<ReturnType<typeof dataTransferOf>>): Promise<void> {
  const dataTransfer = Array.isArray(files) ? await dataTransferOf(page, files) : files;
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

const externalRequests: string[] = [];

/** `test` with a guard that fails any test whose page threw, logged a console error or went online. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      externalRequests.length = 0;
      await use(errors);
      expect(errors, 'the page reported errors').toEqual([]);
      expect(externalRequests, 'the page tried to reach the network').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** `<name>.png` in the light theme and `<name>-dark.png` in the dark one (the OS preference the app follows). */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}
