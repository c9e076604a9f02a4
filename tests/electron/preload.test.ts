import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FOLIO_METHODS, channelFor, CHANGED_CHANNEL, type FolioApi } from '../../electron/core/api.js';
import { registerIpc } from '../../electron/main/ipc.js';
import { buildFolioApi, type FolioBridge } from '../../electron/preload/folio-api.js';
import { buildMenuBridge, type FolioMenuBridge } from '../../electron/preload/menu-bridge.js';
import { MENU_CHANNEL } from '../../electron/shared/channels.js';
import { FakeCore, FakeIpcMain, FakeIpcRenderer, FakeWebContents, RENDERER_URL } from './fakes.js';

// Compile-time: the bridge is the contract, exactly (no extra or missing keys, same signatures).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const bridgeIsContract: Exact<keyof FolioBridge, keyof FolioApi> = true;
const bridgeSatisfiesContract: FolioApi = {} as FolioBridge;
void bridgeIsContract;
void bridgeSatisfiesContract;

function connected() {
  const ipcMain = new FakeIpcMain();
  const core = new FakeCore();
  const webContents = new FakeWebContents();
  registerIpc({ ipcMain, core: core.api, getWebContents: () => webContents, rendererUrl: RENDERER_URL, logError: () => {} });
  const ipcRenderer = new FakeIpcRenderer(ipcMain, webContents);
  return { core, ipcRenderer, api: buildFolioApi(ipcRenderer) };
}

describe('window.folio (buildFolioApi)', () => {
  it('has exactly the contract methods plus onChanged, all functions', () => {
    const api = buildFolioApi(new FakeIpcRenderer());
    assert.deepEqual(Object.keys(api).sort(), [...FOLIO_METHODS, 'onChanged'].sort());
    for (const value of Object.values(api)) assert.equal(typeof value, 'function');
  });

  it('every method invokes its own channel with its arguments', async () => {
    const ipcRenderer = new FakeIpcRenderer();
    const api = buildFolioApi(ipcRenderer) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of FOLIO_METHODS) await api[method]!('a', 'b');
    assert.deepEqual(
      ipcRenderer.invocations.map((call) => call.channel),
      FOLIO_METHODS.map(channelFor),
    );
  });

  it('paper() sends only the arguments given', async () => {
    const ipcRenderer = new FakeIpcRenderer();
    const api = buildFolioApi(ipcRenderer);
    await api.paper('p-1');
    await api.paper('p-1', 'attention');
    assert.deepEqual(ipcRenderer.invocations, [
      { channel: 'folio:paper', args: ['p-1'] },
      { channel: 'folio:paper', args: ['p-1', 'attention'] },
    ]);
  });

  it('round-trips through main to the core and back', async () => {
    const { core, api } = connected();
    assert.equal(await api.setStatus('p-1', 'read'), 'setStatus result');
    assert.equal(await api.query({ search: 'rl', offset: 0, limit: 20 }), 'query result');
    assert.deepEqual(core.calls, [
      { method: 'setStatus', args: ['p-1', 'read'] },
      { method: 'query', args: [{ search: 'rl', offset: 0, limit: 20 }] },
    ]);
  });

  it('rethrows a refused call as an Error with the clean message', async () => {
    const { core, api } = connected();
    await assert.rejects(api.setStatus('p-1', 'done' as 'read'), (error: Error) => {
      assert.equal(error.name, 'InvalidCallError');
      assert.match(error.message, /^Invalid arguments for setStatus: 1: /);
      assert.doesNotMatch(error.message, /Error invoking remote method/);
      return true;
    });
    assert.deepEqual(core.calls, []);
  });

  it('rejects a reply that is not an envelope', async () => {
    const ipcRenderer = new FakeIpcRenderer();
    ipcRenderer.invoke = async () => 'raw';
    await assert.rejects(buildFolioApi(ipcRenderer).overview(), /unexpected reply to overview/);
  });

  it('onChanged passes only the change (never the IPC event) and unsubscribes', () => {
    const ipcRenderer = new FakeIpcRenderer();
    const api = buildFolioApi(ipcRenderer);
    const received: unknown[][] = [];
    const unsubscribe = api.onChanged((...args: unknown[]) => received.push(args));
    ipcRenderer.emit(CHANGED_CHANNEL, { kind: 'tags' });
    unsubscribe();
    ipcRenderer.emit(CHANGED_CHANNEL, { kind: 'tags' });
    assert.deepEqual(received, [[{ kind: 'tags' }]]);
    assert.equal(ipcRenderer.listenerCount(CHANGED_CHANNEL), 0);
  });
});

describe('window.folioMenu (buildMenuBridge)', () => {
  it('exposes only onAction and showContextMenu', () => {
    const bridge: FolioMenuBridge = buildMenuBridge(new FakeIpcRenderer());
    assert.deepEqual(Object.keys(bridge), ['onAction', 'showContextMenu']);
  });

  it('delivers well-formed actions, drops malformed ones, and unsubscribes', () => {
    const ipcRenderer = new FakeIpcRenderer();
    const received: unknown[][] = [];
    const unsubscribe = buildMenuBridge(ipcRenderer).onAction((...args: unknown[]) => received.push(args));
    const payloads: unknown[] = [
      { action: 'import', text: 'Sabela Ramos' },
      { action: 'find' },
      { action: 'toggle-sidebar' },
      { action: 'toggle-theme', theme: 'dark' },
      { action: 'import-files', files: [{ name: 'library.bib', text: '@misc{k}' }], refused: ['scan.pdf is not imported: it is not a text file.'] },
      { action: 'undo' },
      { action: 'redo' },
      { action: 'import' },
      { action: 'import-files', files: [{ name: 'library.bib' }], refused: [] },
      { action: 'import-files', files: [], refused: [42] },
      { action: 'import-files', files: 'library.bib', refused: [] },
      { action: 'toggle-theme', theme: 'sepia' },
      { action: 'format-disk' },
      null,
      'find',
    ];
    for (const payload of payloads) ipcRenderer.emit(MENU_CHANNEL, payload);
    unsubscribe();
    ipcRenderer.emit(MENU_CHANNEL, { action: 'find' });
    assert.deepEqual(received, [
      [{ action: 'import', text: 'Sabela Ramos' }],
      [{ action: 'find' }],
      [{ action: 'toggle-sidebar' }],
      [{ action: 'toggle-theme', theme: 'dark' }],
      [{ action: 'import-files', files: [{ name: 'library.bib', text: '@misc{k}' }], refused: ['scan.pdf is not imported: it is not a text file.'] }],
      [{ action: 'undo' }],
      [{ action: 'redo' }],
    ]);
  });
});
