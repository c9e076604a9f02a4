import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu.js';
import { createMenuActions, type MenuActionDeps } from '../../electron/main/menu-actions.js';
import { isMenuActionEvent, MENU_CHANNEL } from '../../electron/shared/channels.js';
import { FakeWebContents } from './fakes.js';

function recordingActions() {
  const called: string[] = [];
  const actions = Object.fromEntries(
    ['importFromClipboard', 'importFiles', 'exportLibrary', 'revealLibrary', 'find', 'toggleTheme', 'toggleSidebar', 'toggleDetails', 'about', 'undo', 'redo'].map((name) => [
      name,
      () => called.push(name),
    ]),
  ) as unknown as MenuActions;
  return { actions, called };
}

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function byLabel(template: MenuItemConstructorOptions[], label: string) {
  return template.find((menu) => menu.label === label || menu.role === label);
}

function flatten(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...flatten(items(item))]);
}

function click(item: MenuItemConstructorOptions | undefined) {
  assert.ok(item?.click, `${item?.label} has a click handler`);
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`${platform}: File, Edit, View, Window, Help with the Folio items and accelerators`, () => {
      const { actions, called } = recordingActions();
      const template = buildMenuTemplate(actions, platform, true);
      const file = items(byLabel(template, 'File'));
      const view = items(byLabel(template, 'View'));
      const edit = items(byLabel(template, 'Edit'));
      const expected: Array<[MenuItemConstructorOptions[], string, string | undefined, string]> = [
        [file, 'Import from Clipboard', 'CmdOrCtrl+Shift+V', 'importFromClipboard'],
        [file, 'Import File…', 'CmdOrCtrl+O', 'importFiles'],
        [file, 'Export…', 'CmdOrCtrl+E', 'exportLibrary'],
        [file, 'Reveal Library Folder', undefined, 'revealLibrary'],
        [view, 'Find', 'CmdOrCtrl+F', 'find'],
        [view, 'Toggle Dark/Light', 'CmdOrCtrl+Shift+L', 'toggleTheme'],
        [view, 'Show/Hide Sidebar', 'CmdOrCtrl+\\', 'toggleSidebar'],
        [view, 'Show/Hide Paper Details', 'CmdOrCtrl+Shift+\\', 'toggleDetails'],
        [edit, 'Undo', 'CmdOrCtrl+Z', 'undo'],
        [edit, 'Redo', 'CmdOrCtrl+Shift+Z', 'redo'],
      ];
      for (const [menu, label, accelerator, action] of expected) {
        const item = menu.find((i) => i.label === label);
        assert.ok(item, `${label} is in the menu`);
        assert.equal(item.accelerator, accelerator, label);
        click(item);
        assert.equal(called.at(-1), action);
      }
      assert.ok(byLabel(template, 'windowMenu'), 'Window menu');
      click(items(byLabel(template, 'help')).find((i) => i.label === 'About Folio'));
      assert.equal(called.at(-1), 'about');
    });
  }

  it('Edit: Undo and Redo go to the page (library or text field); the rest is role-based so copy/paste work everywhere', () => {
    const edit = items(byLabel(buildMenuTemplate(recordingActions().actions, 'darwin', true), 'Edit'));
    const roles = edit.filter((i) => i.type !== 'separator').map((i) => i.role ?? i.label);
    assert.deepEqual(roles, ['Undo', 'Redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
    assert.ok(edit.slice(2).every((i) => i.type === 'separator' || !i.click), 'no custom handlers but Undo and Redo');
  });

  it('macOS gets the app menu with About and Quit first; others quit from File', () => {
    const mac = buildMenuTemplate(recordingActions().actions, 'darwin', true);
    assert.equal(mac[0]!.label, 'Folio');
    assert.ok(items(mac[0]).some((i) => i.label === 'About Folio'));
    assert.ok(items(mac[0]).some((i) => i.role === 'quit'));
    assert.ok(!items(byLabel(mac, 'File')).some((i) => i.role === 'quit'));
    const win = buildMenuTemplate(recordingActions().actions, 'win32', true);
    assert.equal(win[0]!.label, 'File');
    assert.ok(items(byLabel(win, 'File')).some((i) => i.role === 'quit'));
  });

  it('Reload and DevTools only when not packaged', () => {
    const devRoles = (packaged: boolean) =>
      items(byLabel(buildMenuTemplate(recordingActions().actions, 'linux', packaged), 'View')).map((i) => i.role);
    assert.ok(devRoles(false).includes('toggleDevTools') && devRoles(false).includes('reload'));
    assert.ok(!devRoles(true).includes('toggleDevTools') && !devRoles(true).includes('reload') && !devRoles(true).includes('forceReload'));
  });

  it('no two items share an explicit accelerator', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const accelerators = flatten(buildMenuTemplate(recordingActions().actions, platform, false))
        .map((i) => i.accelerator)
        .filter((a): a is string => typeof a === 'string');
      assert.equal(new Set(accelerators).size, accelerators.length, accelerators.join(', '));
    }
  });
});

function actionDeps(overrides: Partial<MenuActionDeps> = {}) {
  const webContents = new FakeWebContents();
  const errors: string[] = [];
  const themes: string[] = [];
  const nativeTheme = { shouldUseDarkColors: false, themeSource: 'system' as 'system' | 'light' | 'dark' };
  const deps: MenuActionDeps = {
    getWebContents: () => webContents,
    readClipboardText: async () => 'Sabela Ramos\nLG\nh-index117',
    chooseImportFiles: async () => [],
    openPath: async () => '',
    libraryDir: '/data/lib',
    nativeTheme,
    saveTheme: (theme) => void themes.push(theme),
    exportLibrary: async () => null,
    showAbout: async () => undefined,
    showError: (title, message) => void errors.push(`${title}: ${message}`),
    ...overrides,
  };
  return { deps, webContents, errors, themes, nativeTheme };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves once `condition` holds (file reads take several turns of the event loop). */
/** Waits for real file reads to finish: a generous deadline, not a count of event-loop turns (a loaded machine needs more). */
async function until(condition: () => boolean, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('createMenuActions', () => {
  it('Import from Clipboard sends the clipboard text to the page', async () => {
    const { deps, webContents } = actionDeps();
    createMenuActions(deps).importFromClipboard();
    await settle();
    assert.deepEqual(webContents.sent, [{ channel: MENU_CHANNEL, args: [{ action: 'import', text: 'Sabela Ramos\nLG\nh-index117' }] }]);
  });

  describe('Import File…', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'folio-menu-import-'));
      await writeFile(path.join(dir, 'library.bib'), '\ufeff@article{k, title={Caf\u00e9 {GPU} models}, year={2024}}\n');
      await writeFile(path.join(dir, 'page.txt'), 'Sabela Ramos\nLG\n');
      await writeFile(path.join(dir, 'scan.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x0a, 0xe2, 0xe3]));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('reads every chosen file in main and sends their texts to the page, with a line for each refused one', async () => {
      const chosen = ['library.bib', 'scan.pdf', 'gone.ris', 'page.txt'].map((name) => path.join(dir, name));
      const { deps, webContents, errors } = actionDeps({ chooseImportFiles: async () => chosen });
      createMenuActions(deps).importFiles();
      await until(() => webContents.sent.length > 0);
      assert.deepEqual(errors, []);
      assert.equal(webContents.sent.length, 1);
      const [message] = webContents.sent;
      assert.equal(message?.channel, MENU_CHANNEL);
      const event = message?.args[0] as { action: string; files: unknown[]; refused: string[] };
      assert.equal(event.action, 'import-files');
      assert.deepEqual(event.files, [
        { name: 'library.bib', text: '@article{k, title={Café {GPU} models}, year={2024}}\n' },
        { name: 'page.txt', text: 'Sabela Ramos\nLG\n' },
      ]);
      assert.equal(event.refused.length, 2);
      assert.equal(event.refused[0], 'scan.pdf is not imported: it is not a text file.');
      assert.match(event.refused[1] ?? '', /^gone\.ris could not be read: ENOENT/);
      assert.ok(isMenuActionEvent(event), 'the preload bridge lets it through');
    });

    it('sends nothing when the dialog is cancelled; a failing dialog becomes an error box', async () => {
      const cancelled = actionDeps({ chooseImportFiles: async () => [] });
      createMenuActions(cancelled.deps).importFiles();
      await settle();
      assert.deepEqual(cancelled.webContents.sent, []);
      const failing = actionDeps({
        chooseImportFiles: async () => {
          throw new Error('no display');
        },
      });
      createMenuActions(failing.deps).importFiles();
      await settle();
      assert.deepEqual(failing.errors, ['Could not import the files: no display']);
      assert.deepEqual(failing.webContents.sent, []);
    });
  });

  it('Show/Hide Sidebar and Paper Details go to the page', () => {
    const { deps, webContents } = actionDeps();
    createMenuActions(deps).toggleSidebar();
    createMenuActions(deps).toggleDetails();
    assert.deepEqual(webContents.sent, [
      { channel: MENU_CHANNEL, args: [{ action: 'toggle-sidebar' }] },
      { channel: MENU_CHANNEL, args: [{ action: 'toggle-details' }] },
    ]);
  });

  it('Undo and Redo go to the page, which picks the library’s undo or the text field’s', () => {
    const { deps, webContents } = actionDeps();
    const actions = createMenuActions(deps);
    actions.undo();
    actions.redo();
    assert.deepEqual(webContents.sent, [
      { channel: MENU_CHANNEL, args: [{ action: 'undo' }] },
      { channel: MENU_CHANNEL, args: [{ action: 'redo' }] },
    ]);
    assert.ok(webContents.sent.every((message) => isMenuActionEvent(message.args[0])), 'the preload bridge lets them through');
  });

  it('Find goes to the page; nothing is sent when the window is gone', () => {
    const { deps, webContents } = actionDeps();
    createMenuActions(deps).find();
    assert.deepEqual(webContents.sent, [{ channel: MENU_CHANNEL, args: [{ action: 'find' }] }]);
    webContents.isDestroyedFlag = true;
    createMenuActions(deps).find();
    assert.equal(webContents.sent.length, 1);
  });

  it('Toggle Dark/Light flips the native theme, saves it and tells the page', () => {
    const { deps, webContents, themes, nativeTheme } = actionDeps();
    createMenuActions(deps).toggleTheme();
    assert.equal(nativeTheme.themeSource, 'dark');
    nativeTheme.shouldUseDarkColors = true;
    createMenuActions(deps).toggleTheme();
    assert.equal(nativeTheme.themeSource, 'light');
    assert.deepEqual(themes, ['dark', 'light']);
    assert.deepEqual(
      webContents.sent.map((m) => m.args[0]),
      [
        { action: 'toggle-theme', theme: 'dark' },
        { action: 'toggle-theme', theme: 'light' },
      ],
    );
  });

  it('Reveal Library Folder opens the folder and reports a failure', async () => {
    const opened: string[] = [];
    const { deps, errors } = actionDeps({
      openPath: async (dir) => {
        opened.push(dir);
        return 'Folder not found';
      },
    });
    createMenuActions(deps).revealLibrary();
    await settle();
    assert.deepEqual(opened, ['/data/lib']);
    assert.deepEqual(errors, ['Could not open the library folder: /data/lib\n\nFolder not found']);
  });

  it('a clipboard or export failure becomes an error box, not an unhandled rejection', async () => {
    const { deps, errors } = actionDeps({
      readClipboardText: async () => {
        throw new Error('clipboard unavailable');
      },
      exportLibrary: async () => {
        throw new Error('disk full');
      },
    });
    const actions = createMenuActions(deps);
    actions.importFromClipboard();
    actions.exportLibrary();
    await settle();
    assert.deepEqual(errors.sort(), ['Could not read the clipboard: clipboard unavailable', 'Export failed: disk full']);
  });
});
