import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it, mock } from 'node:test';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { buildWindowOptions, createMainWindow, WINDOW_BACKGROUND } from '../../electron/main/window.js';
import { DEFAULT_WINDOW_STATE, type WindowState, type WindowStateStore } from '../../electron/main/window-state.js';

const PATHS = { preload: '/app/dist/electron/preload.cjs', indexHtml: '/app/dist/renderer/index.html' };

describe('buildWindowOptions', () => {
  it('hardens webPreferences and waits to show', () => {
    const options = buildWindowOptions(PATHS, { width: 1000, height: 700 }, false);
    assert.equal(options.title, 'Folio');
    assert.equal(options.show, false);
    assert.equal(options.backgroundColor, WINDOW_BACKGROUND.light);
    assert.deepEqual(options.webPreferences, {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: PATHS.preload,
    });
  });

  it('paints the dark background in dark mode and keeps the placement', () => {
    const options = buildWindowOptions(PATHS, { x: 3, y: 4, width: 1000, height: 700 }, true);
    assert.equal(options.backgroundColor, WINDOW_BACKGROUND.dark);
    assert.deepEqual([options.x, options.y, options.width, options.height], [3, 4, 1000, 700]);
  });
});

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly calls: string[] = [];
  isMaximizedFlag = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
  loadFile(file: string) {
    this.calls.push(`loadFile ${file}`);
    return Promise.resolve();
  }
  show() {
    this.calls.push('show');
  }
  maximize() {
    this.calls.push('maximize');
    this.isMaximizedFlag = true;
  }
  isMaximized() {
    return this.isMaximizedFlag;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 11, y: 22, width: 1111, height: 777 };
  }
}

function memoryStore(initial: WindowState): WindowStateStore & { saved: WindowState[] } {
  const saved: WindowState[] = [];
  return { saved, load: () => initial, save: (state) => void saved.push(state) };
}

function open(initial: WindowState) {
  FakeWindow.created = [];
  const store = memoryStore(initial);
  const screen = {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
  };
  createMainWindow(
    {
      BrowserWindow: FakeWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
      nativeTheme: { shouldUseDarkColors: true },
      screen: screen as never,
      stateStore: store,
      getTheme: () => 'dark',
    },
    PATHS,
  );
  return { win: FakeWindow.created[0]!, store };
}

describe('createMainWindow', () => {
  it('loads the page hidden and shows it on ready-to-show', () => {
    const { win } = open(DEFAULT_WINDOW_STATE);
    assert.deepEqual(win.calls, [`loadFile ${PATHS.indexHtml}`]);
    assert.equal(win.options.backgroundColor, WINDOW_BACKGROUND.dark);
    win.emit('ready-to-show');
    assert.deepEqual(win.calls.slice(1), ['show']);
  });

  it('restores the saved bounds, and maximizes before showing when it was maximized', () => {
    const { win } = open({ bounds: { x: 40, y: 50, width: 1200, height: 800 }, isMaximized: true, theme: 'system' });
    assert.deepEqual([win.options.x, win.options.y, win.options.width, win.options.height], [40, 50, 1200, 800]);
    win.emit('ready-to-show');
    assert.deepEqual(win.calls.slice(1), ['maximize', 'show']);
  });

  it('saves normal bounds, maximized flag and theme on close, and debounced after moves', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { win, store } = open(DEFAULT_WINDOW_STATE);
      win.emit('move');
      win.emit('resize');
      assert.equal(store.saved.length, 0);
      mock.timers.tick(600);
      assert.equal(store.saved.length, 1, 'one save for a burst of moves');
      win.isMaximizedFlag = true;
      win.emit('close');
      assert.deepEqual(store.saved.at(-1), { bounds: { x: 11, y: 22, width: 1111, height: 777 }, isMaximized: true, theme: 'dark' });
    } finally {
      mock.timers.reset();
    }
  });
});
