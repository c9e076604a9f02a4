// Boots the real bundled main process (index.ts → main.cjs, built by esbuild like scripts/build.mjs does)
// against a fake `electron` module and a real library folder: single-instance lock, library from
// --library, security installed, window options, IPC reaching the real core, menu, and a quit that
// flushes and releases the library before exiting.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { channelFor, FOLIO_METHODS } from '../../electron/core/api.js';
import { CONTEXT_MENU_CHANNEL } from '../../electron/shared/channels.js';
import { electronBundles } from '../../scripts/electron-bundles.mjs';
import { bibtexLibrary } from '../core/parse/bibtex-library.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

class FakeWebContents extends EventEmitter {
  sent: unknown[][] = [];
  url = '';
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler() {}
}

function fakeElectron(userDataDefault: string) {
  const log: string[] = [];
  const windows: FakeWindow[] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const paths: Record<string, string> = { userData: userDataDefault, documents: os.tmpdir(), home: path.join(userDataDefault, 'home') };
  let exitCode: number | undefined;
  let onExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (onExit = resolve));

  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadFile(file: string) {
      this.webContents.url = pathToFileURL(file).href;
      log.push(`loadFile ${path.relative(root, file)}`);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 1, y: 2, width: 1000, height: 700 });
    show = () => log.push('show');
    close = () => this.emit('close');
    focus() {}
    restore() {}
    maximize() {}
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getPath: (name: string) => paths[name]!,
    setPath: (name: string, value: string) => void (paths[name] = value),
    getVersion: () => '0.1.0',
    quit: () => log.push('quit'),
    exit: (code = 0) => {
      exitCode = code;
      onExit(code);
    },
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    clipboard: { readText: async () => '' },
    dialog: {
      showErrorBox: (title: string, message: string) => log.push(`errorBox ${title}: ${message}`),
      showMessageBox: async () => ({ response: 0 }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: Array<{ label?: string; role?: string }> }) =>
        log.push(`menu ${menu.template.map((m) => m.label ?? m.role).join(',')}`),
    },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => log.push('csp'), onBeforeRequest: () => log.push('offline') },
        setPermissionRequestHandler: () => log.push('permissions'),
        setPermissionCheckHandler: () => {},
      },
    },
    shell: { openExternal: async () => {}, openPath: async () => '' },
  };
  return { electron, app, log, windows, handlers, paths, exited, exitCode: () => exitCode };
}

describe('main.cjs boot and shutdown (fake electron, real core)', () => {
  let scratch: string;
  let fake: ReturnType<typeof fakeElectron>;
  let libraryDir: string;
  let rendererUrl: string;
  const originalLoad = (Module as any)._load;
  const originalArgv = process.argv;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-boot-'));
    // Same layout as the app: <root>/dist/electron/main.cjs, <root>/assets/sample-profile.txt.
    // The bundles scripts/build.mjs makes (main, preload and the parsing worker), with its options.
    for (const options of electronBundles(root, path.join(scratch, 'dist/electron'))) await build({ ...options, sourcemap: false, logLevel: 'error' });
    fs.mkdirSync(path.join(scratch, 'assets'));
    fs.copyFileSync(path.join(root, 'assets/sample-profile.txt'), path.join(scratch, 'assets/sample-profile.txt'));
    libraryDir = path.join(scratch, 'library');
    rendererUrl = pathToFileURL(path.join(scratch, 'dist/renderer/index.html')).href;
    fake = fakeElectron(path.join(scratch, 'default-user-data'));
    (Module as any)._load = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest);
    };
    process.argv = ['/opt/electron', path.join(scratch, 'dist/electron/main.cjs'), '--library', libraryDir];
    process.env.FOLIO_USER_DATA = path.join(scratch, 'user-data');
    Module.createRequire(import.meta.url)(path.join(scratch, 'dist/electron/main.cjs'));
    // Boot is async (the core opens files); wait on its last step, the window.
    while (fake.windows.length === 0 && !fake.log.some((l) => l.startsWith('errorBox'))) await new Promise((r) => setTimeout(r, 10));
  });

  after(() => {
    (Module as any)._load = originalLoad;
    process.argv = originalArgv;
    delete process.env.FOLIO_USER_DATA;
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('boots without an error box, with security, menu and a hidden hardened window', () => {
    assert.ok(!fake.log.some((l) => l.startsWith('errorBox')), fake.log.join('\n'));
    assert.equal(fake.paths.userData, path.join(scratch, 'user-data'));
    assert.ok(fake.log.includes('csp') && fake.log.includes('offline') && fake.log.includes('permissions'));
    assert.ok(fake.log.some((l) => l.startsWith('menu File,Edit,View,windowMenu,help') || l.startsWith('menu Folio,File')));
    const [win] = fake.windows;
    assert.equal(win!.options.show, false);
    assert.equal(win!.options.webPreferences.preload, path.join(scratch, 'dist/electron/preload.cjs'));
    assert.equal(win!.options.webPreferences.sandbox, true);
    assert.ok(fake.log.includes(`loadFile ${path.relative(root, path.join(scratch, 'dist/renderer/index.html'))}`));
    win!.emit('ready-to-show');
    assert.ok(fake.log.includes('show'));
  });

  it('registers every contract channel, and calls from the window reach the real core', async () => {
    assert.deepEqual([...fake.handlers.keys()].sort(), [...FOLIO_METHODS.map(channelFor), CONTEXT_MENU_CHANNEL].sort());
    const event = { sender: fake.windows[0]!.webContents, senderFrame: { url: rendererUrl, parent: null } };
    const call = (method: (typeof FOLIO_METHODS)[number], ...args: unknown[]) => fake.handlers.get(channelFor(method))!(event, ...args);
    const overview = (await call('overview')) as { ok: true; value: { libraryDir: string; paperCount: number } };
    assert.equal(overview.ok, true);
    assert.equal(overview.value.libraryDir, libraryDir);
    const sample = (await call('sampleProfile')) as { ok: true; value: string };
    const imported = (await call('commitImport', sample.value)) as { ok: true; value: { ok: boolean; added: number } };
    assert.equal(imported.value.ok, true);
    assert.ok(imported.value.added > 0);
    assert.ok(fake.windows[0]!.webContents.sent.some(([channel]) => channel === 'folio:changed'), 'change forwarded');
    const foreign = (await fake.handlers.get(channelFor('overview'))!({ sender: {}, senderFrame: { url: rendererUrl, parent: null } })) as {
      ok: boolean;
    };
    assert.equal(foreign.ok, false);
  });

  it('a large file is read by the bundled parsing worker beside main.cjs, with its progress sent to the window', async () => {
    const event = { sender: fake.windows[0]!.webContents, senderFrame: { url: rendererUrl, parent: null } };
    const text = bibtexLibrary(800);
    assert.ok(text.length > 256 * 1024);
    const sentBefore = fake.windows[0]!.webContents.sent.length;
    const reply = (await fake.handlers.get(channelFor('previewImport'))!(event, text, { jobId: 'boot', fileName: 'big.bib' })) as {
      ok: boolean;
      value: { ok: boolean; source: string; newCount: number };
    };
    assert.equal(reply.ok, true, JSON.stringify(reply));
    assert.deepEqual([reply.value.ok, reply.value.source, reply.value.newCount], [true, 'bibtex', 800]);
    const progress = fake.windows[0]!.webContents.sent.slice(sentBefore).filter(([, change]) => (change as { kind?: string }).kind === 'import-progress');
    assert.ok(progress.length > 0, 'progress reached the window');
    assert.ok(fs.existsSync(path.join(scratch, 'dist/electron/parse-worker.cjs')));
  });

  it('quit waits for the library to close, then exits 0 and releases the library', async () => {
    let prevented = false;
    fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    assert.ok(prevented);
    assert.equal(await fake.exited, 0);
    assert.ok(fs.existsSync(path.join(scratch, 'user-data/window-state.json')), 'window state saved on the way out');
    const { FolioCore } = await import('../../electron/core/folio.js');
    const reopened = await FolioCore.open(libraryDir, { samplePath: path.join(root, 'assets/sample-profile.txt') });
    try {
      assert.ok((await reopened.overview()).paperCount > 0, 'the import was flushed to disk');
    } finally {
      await reopened.close();
    }
  });
});
