// Folio's main process: boot (single instance, library, security, window, IPC, menu) and shutdown.
// The only module that imports Electron at runtime; everything it wires takes Electron as parameters.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, screen, session, shell } from 'electron';
import { CLI_COMMANDS, runCli } from '../cli.js';
import { FolioCore } from '../core/folio.js';
import { errorMessage } from '../core/library/errors.js';
import { defaultCacheDir } from '../core/index-cache.js';
import { electronExportDialogs, exportLibraryToFile } from './export-file.js';
import { electronImportDialog } from './import-files.js';
import { registerContextMenu } from './context-menu.js';
import { registerIpc } from './ipc.js';
import { resolveLibraryDir } from './library-dir.js';
import { cliArgumentsOf } from './cli-mode.js';
import { askBeforeQuittingWithUnsavedEdits, describeBootFailure, installGracefulQuit, type ShutdownStep } from './lifecycle.js';
import { createMenuActions } from './menu-actions.js';
import { buildMenuTemplate } from './menu.js';
import { installSecurity } from './security.js';
import { createWindowStateStore, type ThemeSource } from './window-state.js';
import { createMainWindow } from './window.js';

// This file is bundled to <app>/dist/electron/main.cjs; everything else is found from there, which works
// the same from the checkout and from inside app.asar.
const appRoot = path.resolve(__dirname, '..', '..');
const paths = {
  preload: path.join(__dirname, 'preload.cjs'),
  indexHtml: path.join(appRoot, 'dist', 'renderer', 'index.html'),
  rendererRoot: path.join(appRoot, 'dist', 'renderer'),
  sampleProfile: path.join(appRoot, 'assets', 'sample-profile.txt'),
};
const rendererUrl = pathToFileURL(paths.indexHtml).href;

// Test runs get their own userData, so a Folio the developer has open (same single-instance lock, same
// window-state file) neither blocks nor is touched by them. Must be set before anything reads the path.
if (process.env.FOLIO_USER_DATA) app.setPath('userData', path.resolve(process.env.FOLIO_USER_DATA));

let core: FolioCore | null = null;
let mainWindow: BrowserWindow | null = null;
let disposeIpc: (() => void) | null = null;
let disposeContextMenu: (() => void) | null = null;
let theme: ThemeSource = 'system';
const stateStore = createWindowStateStore(path.join(app.getPath('userData'), 'window-state.json'));

const liveWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
const liveWebContents = () => liveWindow()?.webContents ?? null;

function openWindow(): BrowserWindow {
  const win = createMainWindow({ BrowserWindow, nativeTheme, screen, stateStore, getTheme: () => theme }, paths);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

function focusWindow(): void {
  const win = liveWindow() ?? (app.isReady() && core ? openWindow() : null);
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function fail(error: unknown, libraryDir: string): void {
  const { title, message } = describeBootFailure(error, libraryDir);
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function boot(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets 'second-instance' and comes to the front.
    app.quit();
    return;
  }
  app.on('second-instance', focusWindow);

  let libraryDir = '(not resolved)';
  try {
    libraryDir = resolveLibraryDir(process.argv, process.env, app.getPath('userData'));
  } catch (error) {
    await app.whenReady();
    fail(error, libraryDir);
    return;
  }

  installGracefulQuit(
    app,
    (): ShutdownStep[] => [
      { name: 'saving the window state', run: () => liveWindow()?.close() },
      { name: 'removing IPC handlers', run: () => disposeIpc?.() },
      { name: 'removing the context menu handler', run: () => disposeContextMenu?.() },
      { name: 'closing the library', run: () => core?.close() },
    ],
    {
      confirmQuit: async () =>
        !core ||
        askBeforeQuittingWithUnsavedEdits(core, (options) => {
          const win = liveWindow();
          return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
        }),
    },
  );

  await app.whenReady();
  installSecurity({ app, session: session.defaultSession, shell }, { rendererRoot: paths.rendererRoot });

  try {
    core = await FolioCore.open(libraryDir, {
      samplePath: paths.sampleProfile,
      // The same cache folder as the CLI's, so either reuses the search index the other wrote.
      cacheDir: defaultCacheDir({ platform: process.platform, env: process.env, home: app.getPath('home') }),
    });
  } catch (error) {
    fail(error, libraryDir);
    return;
  }
  const openCore = core;

  theme = stateStore.load().theme;
  nativeTheme.themeSource = theme;

  disposeIpc = registerIpc({ ipcMain, core: openCore, getWebContents: liveWebContents, rendererUrl });
  disposeContextMenu = registerContextMenu({ ipcMain, buildMenu: (template) => Menu.buildFromTemplate(template), getWindow: liveWindow, getWebContents: liveWebContents, rendererUrl });

  const actions = createMenuActions({
    getWebContents: liveWebContents,
    readClipboardText: () => clipboard.readText(),
    chooseImportFiles: electronImportDialog(dialog, liveWindow),
    openPath: (dir) => shell.openPath(dir),
    libraryDir: openCore.dir,
    nativeTheme,
    saveTheme: (next) => {
      theme = next;
      stateStore.save({ ...stateStore.load(), theme: next });
    },
    exportLibrary: () =>
      exportLibraryToFile({
        dialogs: electronExportDialogs(dialog, liveWindow),
        core: openCore,
        defaultDir: app.getPath('documents'),
      }),
    showAbout: () => {
      const options = {
        type: 'info' as const,
        title: 'About Folio',
        message: `Folio ${app.getVersion()}`,
        detail: [
          'An offline reference manager.',
          `Library: ${openCore.dir}`,
          `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
        ].join('\n'),
        buttons: ['OK'],
      };
      const win = liveWindow();
      return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
    },
    showError: (title, message) => dialog.showErrorBox(title, message),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions, process.platform, app.isPackaged)));

  openWindow();
  app.on('activate', () => {
    if (!liveWindow()) openWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; the library stays open until Quit.
    if (process.platform !== 'darwin') app.quit();
  });
}

/** `folio list …` from a terminal: the same CLI as bin/folio.mjs, without a window, a single-instance lock or a menu. */
async function runCommandLine(args: string[]): Promise<void> {
  const code = await runCli(args);
  // Flush what the command printed before the process goes (stdout can be a pipe, which Node writes asynchronously).
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  app.exit(code);
}

const cliArgs = cliArgumentsOf(process.argv, CLI_COMMANDS, process.defaultApp === true);
if (cliArgs) {
  app.dock?.hide();
  void runCommandLine(cliArgs);
} else {
  boot().catch((error: unknown) => {
    console.error('Folio failed to boot:', error);
    dialog.showErrorBox('Folio could not start', errorMessage(error));
    app.exit(1);
  });
}
