// What the menu items do. Page-side actions go to the renderer over MENU_CHANNEL (window.folioMenu);
// the rest (export, reveal, theme, about) happen here in main.
import { errorMessage } from '../core/library/errors.js';
import { MENU_CHANNEL, type MenuActionEvent } from '../shared/channels.js';
import { readImportFiles } from './import-files.js';
import type { MenuActions } from './menu.js';
import type { ThemeSource } from './window-state.js';
import type { WebContentsLike } from './ipc.js';

export interface MenuActionDeps {
  getWebContents: () => WebContentsLike | null;
  /** Electron 45's clipboard.readText() is a promise (modelled on navigator.clipboard). */
  readClipboardText: () => Promise<string>;
  /** The native open dialog for File ▸ Import File…: the chosen paths, [] when cancelled. */
  chooseImportFiles: () => Promise<string[]>;
  /** Opens a folder in the file manager; resolves to an error message, '' on success (like shell.openPath). */
  openPath: (dir: string) => Promise<string>;
  libraryDir: string;
  nativeTheme: { shouldUseDarkColors: boolean; themeSource: ThemeSource };
  saveTheme: (theme: ThemeSource) => void;
  exportLibrary: () => Promise<unknown>;
  showAbout: () => Promise<unknown>;
  showError: (title: string, message: string) => void;
}

export function sendMenuAction(getWebContents: () => WebContentsLike | null, event: MenuActionEvent): boolean {
  const webContents = getWebContents();
  if (!webContents || webContents.isDestroyed()) return false;
  webContents.send(MENU_CHANNEL, event);
  return true;
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const report = (what: string) => (error: unknown) => deps.showError(what, errorMessage(error));
  return {
    importFromClipboard() {
      deps
        .readClipboardText()
        .then((text) => sendMenuAction(deps.getWebContents, { action: 'import', text }))
        .catch(report('Could not read the clipboard'));
    },
    importFiles() {
      // Read here, where the files are; the page previews them. A refused file is a line the page shows.
      deps
        .chooseImportFiles()
        .then(async (paths) => {
          if (paths.length > 0) sendMenuAction(deps.getWebContents, { action: 'import-files', ...(await readImportFiles(paths)) });
        })
        .catch(report('Could not import the files'));
    },
    find() {
      sendMenuAction(deps.getWebContents, { action: 'find' });
    },
    toggleSidebar() {
      sendMenuAction(deps.getWebContents, { action: 'toggle-sidebar' });
    },
    toggleDetails() {
      sendMenuAction(deps.getWebContents, { action: 'toggle-details' });
    },
    undo() {
      sendMenuAction(deps.getWebContents, { action: 'undo' });
    },
    redo() {
      sendMenuAction(deps.getWebContents, { action: 'redo' });
    },
    toggleTheme() {
      // The page follows prefers-color-scheme, which follows themeSource: setting it repaints both the page
      // and the native parts (menus, dialogs, scrollbars). The message lets the page update any toggle UI.
      const theme = deps.nativeTheme.shouldUseDarkColors ? 'light' : 'dark';
      deps.nativeTheme.themeSource = theme;
      deps.saveTheme(theme);
      sendMenuAction(deps.getWebContents, { action: 'toggle-theme', theme });
    },
    exportLibrary() {
      deps.exportLibrary().catch(report('Export failed'));
    },
    revealLibrary() {
      deps
        .openPath(deps.libraryDir)
        .then((problem) => {
          if (problem) deps.showError('Could not open the library folder', `${deps.libraryDir}\n\n${problem}`);
        })
        .catch(report('Could not open the library folder'));
    },
    about() {
      deps.showAbout().catch(report('About Folio'));
    },
  };
}
