// The native menu, as a pure template: the actions it triggers are passed in, so it can be tested as data.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importFromClipboard(): void;
  importFiles(): void;
  exportLibrary(): void;
  revealLibrary(): void;
  find(): void;
  toggleTheme(): void;
  toggleSidebar(): void;
  toggleDetails(): void;
  /** The library's undo (the core's stack), or the text field's own when one has focus: the page decides. */
  undo(): void;
  redo(): void;
  about(): void;
}

export const MENU_ACCELERATORS = {
  importFromClipboard: 'CmdOrCtrl+Shift+V',
  importFiles: 'CmdOrCtrl+O',
  exportLibrary: 'CmdOrCtrl+E',
  find: 'CmdOrCtrl+F',
  toggleTheme: 'CmdOrCtrl+Shift+L',
  toggleSidebar: 'CmdOrCtrl+\\',
  toggleDetails: 'CmdOrCtrl+Shift+\\',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
} as const;

export function buildMenuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  isPackaged: boolean,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Folio',
    submenu: [
      { label: 'About Folio', click: () => actions.about() },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        label: 'Import from Clipboard',
        accelerator: MENU_ACCELERATORS.importFromClipboard,
        click: () => actions.importFromClipboard(),
      },
      { label: 'Import File…', accelerator: MENU_ACCELERATORS.importFiles, click: () => actions.importFiles() },
      { label: 'Export…', accelerator: MENU_ACCELERATORS.exportLibrary, click: () => actions.exportLibrary() },
      separator,
      { label: 'Reveal Library Folder', click: () => actions.revealLibrary() },
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Not the undo/redo roles (a text field's only): the page undoes library actions outside text fields. A key
      // the page handled itself (preventDefault) never reaches these accelerators, so nothing is undone twice.
      { label: 'Undo', accelerator: MENU_ACCELERATORS.undo, click: () => actions.undo() },
      { label: 'Redo', accelerator: MENU_ACCELERATORS.redo, click: () => actions.redo() },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      // The role's default shortcut (Shift+CmdOrCtrl+V) is taken by Import from Clipboard; this is macOS's own.
      { role: 'pasteAndMatchStyle', accelerator: 'Alt+Shift+CmdOrCtrl+V' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Find', accelerator: MENU_ACCELERATORS.find, click: () => actions.find() },
      { label: 'Toggle Dark/Light', accelerator: MENU_ACCELERATORS.toggleTheme, click: () => actions.toggleTheme() },
      { label: 'Show/Hide Sidebar', accelerator: MENU_ACCELERATORS.toggleSidebar, click: () => actions.toggleSidebar() },
      { label: 'Show/Hide Paper Details', accelerator: MENU_ACCELERATORS.toggleDetails, click: () => actions.toggleDetails() },
      separator,
      ...(isPackaged
        ? []
        : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[])),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'About Folio', click: () => actions.about() }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, { role: 'windowMenu' }, helpMenu];
}
