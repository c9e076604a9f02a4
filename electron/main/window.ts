// The one library window: hardened webPreferences, shown when painted, size/position/maximized remembered.
import type { BrowserWindow, BrowserWindowConstructorOptions, NativeTheme, Screen } from 'electron';
import { restoreBounds, type WindowState, type WindowStateStore } from './window-state.js';

export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1c1d21' } as const;

export interface WindowPaths {
  preload: string;
  indexHtml: string;
}

export function buildWindowOptions(
  paths: WindowPaths,
  placement: ReturnType<typeof restoreBounds>,
  isDark: boolean,
): BrowserWindowConstructorOptions {
  return {
    ...placement,
    minWidth: 720,
    minHeight: 480,
    title: 'Folio',
    show: false,
    backgroundColor: isDark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: paths.preload,
    },
  };
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'>;
  screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>;
  stateStore: WindowStateStore;
  /** Read at save time so a theme toggle made while the window is open is kept. */
  getTheme: () => WindowState['theme'];
}

const SAVE_DELAY_MS = 500;

/** Creates the window, starts loading the page, and returns it (shown once ready-to-show fires). */
export function createMainWindow(deps: MainWindowDeps, paths: WindowPaths): BrowserWindow {
  const saved = deps.stateStore.load();
  const primary = deps.screen.getPrimaryDisplay();
  const workAreas = [primary, ...deps.screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const placement = restoreBounds(saved.bounds, workAreas);
  const win = new deps.BrowserWindow(buildWindowOptions(paths, placement, deps.nativeTheme.shouldUseDarkColors));

  let saveTimer: NodeJS.Timeout | undefined;
  // getNormalBounds is the un-maximized, un-minimized rectangle, so restoring goes back to it.
  const snapshot = (): WindowState => ({
    bounds: win.getNormalBounds(),
    isMaximized: win.isMaximized(),
    theme: deps.getTheme(),
  });
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (!win.isDestroyed()) deps.stateStore.save(snapshot());
    }, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    deps.stateStore.save(snapshot());
  });

  win.once('ready-to-show', () => {
    if (saved.isMaximized) win.maximize();
    win.show();
  });
  win.loadFile(paths.indexHtml).catch((error: unknown) => {
    console.error(`Folio could not load ${paths.indexHtml}:`, error);
  });
  return win;
}
