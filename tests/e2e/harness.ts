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
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(root, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(root, 'tests', 'e2e', 'screenshots');
export const FIXTURES_DIR = path.join(root, 'tests', 'fixtures');
/** A made-up origin served from disk by page.route: no socket, no network, CSP 'self' still applies. */
const APP_ORIGIN = 'http://folio.localhost';

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
  private constructor(
    readonly dir: string,
    public core: FolioCore,
  ) {}

  /** A fresh temp library folder with its own core. */
  static async start(): Promise<FolioHarness> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-'));
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

    await page.exposeBinding('__folioInvoke', (_source, method: unknown, args: unknown) =>
      dispatchFolioCall(this.core, method, args).catch((error: unknown) => {
        // Main sends the page an error's name and message only (registerIpc); so does this bridge (Playwright
        // would otherwise add an errno code such as " (ENOSPC)" to the message).
        const plain = new Error(error instanceof Error ? error.message : String(error));
        plain.name = error instanceof Error ? error.name : 'Error';
        throw plain;
      }),
    );
    await page.addInitScript(
      ({ methods, channel }) => {
        const listeners = new Set<(change: unknown) => void>();
        const page = globalThis as unknown as Record<string, unknown>;
        const invoke = page.__folioInvoke as (m: string, a: unknown[]) => Promise<unknown>;
        const api: Record<string, unknown> = {};
        for (const method of methods) api[method] = (...args: unknown[]) => invoke(method, args);
        api.onChanged = (listener: (change: unknown) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        };
        Object.defineProperty(page, 'folio', { value: Object.freeze(api), configurable: false });
        Object.defineProperty(page, `__emit_${channel.replace(':', '_')}`, {
          value: (change: unknown) => listeners.forEach((listener) => listener(change)),
        });
      },
      { methods: [...FOLIO_METHODS], channel: CHANGED_CHANNEL },
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
