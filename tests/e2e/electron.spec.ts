// The real app in a real Electron: main + preload + renderer + core over a temp library folder.
// Runs only where an Electron binary is installed (never downloaded here); otherwise it skips and says why.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { FOLIO_METHODS } from '../../electron/core/api.js';
import type { FolioBridge, FolioMenuBridge } from '../../electron/preload/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = path.join(root, 'dist', 'electron', 'main.cjs');
const SCREENSHOT = path.join(root, 'tests', 'e2e', 'screenshots', 'electron-main.png');

const DEFAULT_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/**
 * Finds the Electron executable the way node_modules/electron/index.js would, without requiring it:
 * that module tries to download the binary when it is missing.
 */
function findElectron(): { executable: string } | { reason: string } {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : DEFAULT_EXECUTABLE[process.platform];
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, relative ?? 'electron');
    return existsSync(executable) ? { executable } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${executable} does not exist` };
  }
  if (!existsSync(pathTxt)) return { reason: `no Electron binary installed (${path.relative(root, pathTxt)} is missing)` };
  const executable = path.join(packageDir, 'dist', relative!);
  return existsSync(executable) ? { executable } : { reason: `${path.relative(root, executable)} does not exist` };
}

type FolioWindow = { folio: FolioBridge; folioMenu: FolioMenuBridge; __changes?: unknown[] };

const found = findElectron();

test.describe('Folio in Electron', () => {
  test.skip('reason' in found, 'reason' in found ? `Electron e2e skipped: ${found.reason}` : '');
  if ('reason' in found) console.log(`Electron e2e skipped: ${found.reason}`);

  let app: ElectronApplication;
  let page: Page;
  let libraryDir: string;
  let scratch: string;
  const pageErrors: string[] = [];

  test.beforeAll(async () => {
    if (!('executable' in found)) return;
    expect(existsSync(MAIN), `${MAIN} is built (node scripts/build.mjs)`).toBe(true);
    scratch = await mkdtemp(path.join(os.tmpdir(), 'folio-electron-e2e-'));
    libraryDir = path.join(scratch, 'library');
    app = await electron.launch({
      executablePath: found.executable,
      args: [MAIN, '--library', libraryDir],
      cwd: root,
      env: { ...process.env, FOLIO_USER_DATA: path.join(scratch, 'user-data') } as Record<string, string>,
    });
    page = await app.firstWindow();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    if (!('executable' in found)) return;
    await app?.close();
    if (libraryDir) {
      // Quitting flushed the library (before-quit waits for core.close()): the folder holds the data.
      expect((await readdir(libraryDir)).length).toBeGreaterThan(0);
    }
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  test('the window is titled Folio and the page is isolated from Node', async () => {
    await expect(page).toHaveTitle('Folio');
    const windowTitle = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(windowTitle).toBe('Folio');
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      ipcRenderer: typeof (globalThis as Record<string, unknown>).ipcRenderer,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
  });

  test('window.folio is exactly the contract; window.folioMenu only onAction', async () => {
    const keys = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, object>;
      return { folio: Object.keys(w.folio!).sort(), folioMenu: Object.keys(w.folioMenu!) };
    });
    expect(keys.folio).toEqual([...FOLIO_METHODS, 'onChanged'].sort());
    expect(keys.folioMenu).toEqual(['onAction']);
  });

  test('an invalid call is refused by main with a clean message', async () => {
    const message = await page.evaluate(() =>
      (globalThis as unknown as FolioWindow).folio.setStatus('p-1', 'done' as 'read').then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    expect(message).toMatch(/^Invalid arguments for setStatus/);
  });

  test('pasting the sample profile imports it, announces the change and shows the papers', async () => {
    const outcome = await page.evaluate(async () => {
      const w = globalThis as unknown as FolioWindow;
      w.__changes = [];
      w.folio.onChanged((change) => w.__changes!.push(change));
      const text = await w.folio.sampleProfile();
      const preview = await w.folio.previewImport(text);
      const result = await w.folio.commitImport(text);
      const overview = await w.folio.overview();
      const first = await w.folio.query({ search: '', offset: 0, limit: 1 });
      return { preview, result, paperCount: overview.paperCount, firstTitle: first.rows[0]?.title };
    });
    expect(outcome.preview.ok).toBe(true);
    expect(outcome.result.ok).toBe(true);
    if (!outcome.result.ok || !outcome.preview.ok) return;
    expect(outcome.result.added).toBe(outcome.preview.newCount);
    expect(outcome.paperCount).toBe(outcome.result.added);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as FolioWindow).__changes?.length ?? 0)).toBeGreaterThan(0);
    expect(outcome.firstTitle).toBeTruthy();
    await expect(page.getByText(outcome.firstTitle!, { exact: false }).first()).toBeVisible();
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  test('no page errors or console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
