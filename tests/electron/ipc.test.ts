import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FOLIO_METHODS, channelFor, CHANGED_CHANNEL, type FolioMethod } from '../../electron/core/api.js';
import { assertTrustedSender, registerIpc } from '../../electron/main/ipc.js';
import { eventFrom, FakeCore, FakeIpcMain, FakeWebContents, RENDERER_URL } from './fakes.js';

function setup() {
  const ipcMain = new FakeIpcMain();
  const core = new FakeCore();
  const webContents = new FakeWebContents();
  const logged: string[] = [];
  let window: FakeWebContents | null = webContents;
  const dispose = registerIpc({
    ipcMain,
    core: core.api,
    getWebContents: () => window,
    rendererUrl: RENDERER_URL,
    logError: (message) => logged.push(message),
  });
  return { ipcMain, core, webContents, logged, dispose, closeWindow: () => (window = null) };
}

const VALID_ARGS: Record<FolioMethod, unknown[]> = {
  previewImport: ['Sabela Ramos\n…', { jobId: 'job-2', previewLimit: 200 }],
  commitImport: ['@article{k, title={T}}', { profileName: 'Sabela Ramos', source: 'bibtex', fileName: 'library.bib', jobId: 'job-1' }],
  cancelImport: ['job-1'],
  overview: [],
  query: [{ search: 'tag:rl year:2021..2024', offset: 0, limit: 50, sort: 'date', direction: 'desc' }],
  paper: ['p-3f9a1c2b7d10', 'transformer'],
  profile: ['a-5b2c9d0e1f22'],
  setTags: ['p-3f9a1c2b7d10', ['rl', 'to-read']],
  setNote: ['p-3f9a1c2b7d10', '# Notes\n\nGood ablations.'],
  setStatus: ['p-3f9a1c2b7d10', 'reading'],
  setTagColor: ['rl', '#3a7bd5'],
  renameTag: ['rl', 'reinforcement-learning'],
  deleteTag: ['rl'],
  restoreTag: [{ tag: { name: 'rl', color: '#3a7bd5' }, paperIds: ['p-3f9a1c2b7d10'] }],
  assignTagKey: ['rl', 3],
  exportLibrary: ['bibtex'],
  exportSelection: [{ search: 'tag:rl', scope: { trash: true }, all: true, except: ['p-3f9a1c2b7d10'] }, 'ris'],
  countSelection: [{ ids: ['p-3f9a1c2b7d10', 'p-000000000001'] }],
  tagSelection: [{ search: 'diffusion', all: true, except: [] }, { add: ['ml/rl'], remove: ['to read'] }],
  setStatusOfSelection: [{ ids: ['p-3f9a1c2b7d10'] }, 'read'],
  trashSelection: [{ search: '', scope: { profileId: 'a-5b2c9d0e1f22' }, all: true, except: [] }],
  restoreSelection: [{ ids: ['p-3f9a1c2b7d10'] }],
  emptyTrash: [{ confirm: true }],
  removeProfile: ['a-5b2c9d0e1f22'],
  editPaper: ['p-3f9a1c2b7d10', { set: { title: 'Corrected', authors: ['A. B'], venue: null }, unset: ['date'] }],
  addPaper: [{ title: 'A paper typed in', authors: ['Ada Lovelace'], date: '2024-07', doi: '10.1/x' }],
  mergePapers: ['p-3f9a1c2b7d10', 'p-000000000001'],
  notDuplicate: ['p-3f9a1c2b7d10', 'p-000000000001'],
  duplicates: [{ limit: 50 }],
  saveSearch: [{ name: 'Unread RL', search: 'tag:rl status:unread', scope: { profileId: 'a-5b2c9d0e1f22' } }],
  renameSavedSearch: ['s-1', 'RL to read'],
  deleteSavedSearch: ['s-1'],
  savedSearchCounts: [],
  undo: [],
  redo: [],
  undoState: [],
  planReparse: [],
  commitReparse: [],
  sampleProfile: [],
  saveStatus: [],
  retryUnsaved: [],
};

describe('registerIpc', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    const { ipcMain } = setup();
    assert.deepEqual([...ipcMain.handlers.keys()].sort(), FOLIO_METHODS.map(channelFor).sort());
  });

  it('refuses a second registration, like Electron', () => {
    const { ipcMain, core } = setup();
    assert.throws(() => registerIpc({ ipcMain, core: core.api, getWebContents: () => null, rendererUrl: RENDERER_URL }), /second handler/);
  });

  for (const method of FOLIO_METHODS) {
    it(`${method}: a valid call from the window reaches the core with its arguments`, async () => {
      const { ipcMain, core, webContents } = setup();
      const reply = await ipcMain.invoke(channelFor(method), eventFrom(webContents), ...VALID_ARGS[method]);
      assert.deepEqual(reply, { ok: true, value: `${method} result` });
      assert.deepEqual(core.calls, [{ method, args: VALID_ARGS[method] }]);
    });
  }

  it('renameTag: an absent options argument (the renderer sends undefined) is a plain rename', async () => {
    const { ipcMain, core, webContents } = setup();
    const reply = await ipcMain.invoke(channelFor('renameTag'), eventFrom(webContents), 'rl', 'reinforcement-learning', undefined);
    assert.deepEqual(reply, { ok: true, value: 'renameTag result' });
    assert.equal(core.calls.length, 1);
  });

  const foreignSenders: Array<{ name: string; event: (window: FakeWebContents) => ReturnType<typeof eventFrom> }> = [
    { name: 'another webContents', event: () => eventFrom(new FakeWebContents()) },
    { name: 'a remote page in our window', event: (w) => eventFrom(w, 'https://evil.example/index.html') },
    { name: 'another local file in our window', event: (w) => eventFrom(w, 'file:///tmp/evil.html') },
    { name: 'a subframe of our page', event: (w) => eventFrom(w, RENDERER_URL, { url: RENDERER_URL }) },
    { name: 'a destroyed frame', event: (w) => ({ sender: w, senderFrame: null }) },
    { name: 'a data: URL', event: (w) => eventFrom(w, 'data:text/html,<script>folio()</script>') },
  ];
  for (const { name, event } of foreignSenders) {
    it(`rejects ${name} without calling the core`, async () => {
      const { ipcMain, core, webContents } = setup();
      const reply = await ipcMain.invoke(channelFor('setNote'), event(webContents), 'p-1', 'hi');
      assert.equal((reply as { ok: boolean }).ok, false);
      assert.equal((reply as { error: { name: string } }).error.name, 'ForeignSenderError');
      assert.deepEqual(core.calls, []);
    });
  }

  it('rejects calls while there is no window', async () => {
    const { ipcMain, core, webContents, closeWindow } = setup();
    closeWindow();
    const reply = await ipcMain.invoke(channelFor('overview'), eventFrom(webContents));
    assert.deepEqual(reply, {
      ok: false,
      error: { name: 'ForeignSenderError', message: 'Folio: call refused, it did not come from the library window.' },
    });
    assert.deepEqual(core.calls, []);
  });

  const invalidCalls: Array<{ method: FolioMethod; args: unknown[]; expected: RegExp }> = [
    { method: 'setStatus', args: ['p-1', 'done'], expected: /Invalid arguments for setStatus/ },
    { method: 'setTags', args: ['p-1', 42], expected: /Invalid arguments for setTags/ },
    { method: 'setTags', args: ['p-1', ['ok', 7]], expected: /setTags/ },
    { method: 'setNote', args: ['p-1'], expected: /setNote/ },
    { method: 'overview', args: ['extra'], expected: /overview/ },
    { method: 'query', args: [{ search: '', offset: -1, limit: 10 }], expected: /query/ },
    { method: 'query', args: [{ search: '', offset: 0, limit: 10, evil: true }], expected: /query/ },
    { method: 'setTagColor', args: ['rl', 'red'], expected: /setTagColor/ },
    { method: 'exportLibrary', args: ['pdf'], expected: /exportLibrary/ },
    { method: 'paper', args: [''], expected: /paper/ },
    { method: 'restoreTag', args: [{ tag: { name: 'rl' }, paperIds: [] }], expected: /restoreTag/ },
    { method: 'previewImport', args: [null], expected: /previewImport/ },
    { method: 'previewImport', args: ['x', { profileName: 3 }], expected: /previewImport/ },
    { method: 'commitImport', args: ['x', { profileName: 'A', evil: true }], expected: /commitImport/ },
    { method: 'previewImport', args: ['x', { source: 'myspace' }], expected: /previewImport/ },
    { method: 'previewImport', args: ['x', { jobId: '' }], expected: /previewImport/ },
    { method: 'previewImport', args: ['x', { previewLimit: -1 }], expected: /previewImport/ },
    { method: 'previewImport', args: ['x', { previewLimit: 2.5 }], expected: /previewImport/ },
    { method: 'cancelImport', args: [], expected: /cancelImport/ },
    { method: 'cancelImport', args: [42], expected: /cancelImport/ },
    { method: 'tagSelection', args: [{ search: 'x', all: true }, { add: ['a'] }], expected: /tagSelection/ },
    { method: 'tagSelection', args: [{ search: 'x', all: false, except: [] }, { add: ['a'] }], expected: /tagSelection/ },
    { method: 'tagSelection', args: [{ ids: ['p-1'], search: 'x' }, { add: ['a'] }], expected: /tagSelection/ },
    { method: 'tagSelection', args: [{ ids: ['p-1'] }, { add: [''] }], expected: /tagSelection/ },
    { method: 'countSelection', args: [{ ids: ['x'.repeat(65)] }], expected: /countSelection/ },
    { method: 'trashSelection', args: [{ search: 'x'.repeat(2001), all: true, except: [] }], expected: /trashSelection/ },
    { method: 'trashSelection', args: [{ search: '', scope: { trash: 'yes' }, all: true, except: [] }], expected: /trashSelection/ },
    { method: 'assignTagKey', args: ['rl', 0], expected: /assignTagKey/ },
    { method: 'assignTagKey', args: ['rl', 10], expected: /assignTagKey/ },
    { method: 'assignTagKey', args: ['rl', 2.5], expected: /assignTagKey/ },
    { method: 'emptyTrash', args: [], expected: /emptyTrash/ },
    { method: 'emptyTrash', args: [{ confirm: 'yes' }], expected: /emptyTrash/ },
    { method: 'editPaper', args: ['p-1', { set: { year: 2020 } }], expected: /editPaper/ },
    { method: 'editPaper', args: ['p-1', { unset: ['id'] }], expected: /editPaper/ },
    { method: 'editPaper', args: ['p-1', { set: { title: 'x'.repeat(2001) } }], expected: /editPaper/ },
    { method: 'addPaper', args: [{ authors: ['A'] }], expected: /addPaper/ },
    { method: 'renameTag', args: ['a', 'b', { merge: 'yes' }], expected: /renameTag/ },
    { method: 'saveSearch', args: [{ name: ' ', search: 'x' }], expected: /saveSearch/ },
    { method: 'duplicates', args: [{ limit: -1 }], expected: /duplicates/ },
    { method: 'commitImport', args: ['x', { restoreFromTrash: [7] }], expected: /commitImport/ },
  ];
  for (const { method, args, expected } of invalidCalls) {
    it(`rejects ${method}(${JSON.stringify(args)}) without calling the core`, async () => {
      const { ipcMain, core, webContents } = setup();
      const reply = (await ipcMain.invoke(channelFor(method), eventFrom(webContents), ...args)) as {
        ok: false;
        error: { name: string; message: string };
      };
      assert.equal(reply.ok, false);
      assert.equal(reply.error.name, 'InvalidCallError');
      assert.match(reply.error.message, expected);
      assert.deepEqual(core.calls, []);
    });
  }

  it('returns core errors as a clean name and message, never a stack', async () => {
    const { ipcMain, core, webContents, logged } = setup();
    core.behaviour.paper = async () => {
      const error = new Error('No paper with id "p-404" in this library.');
      error.name = 'UnknownPaperError';
      throw error;
    };
    const reply = await ipcMain.invoke(channelFor('paper'), eventFrom(webContents), 'p-404');
    assert.deepEqual(reply, { ok: false, error: { name: 'UnknownPaperError', message: 'No paper with id "p-404" in this library.' } });
    assert.deepEqual(logged, ['Folio: paper failed:']);
  });

  it('forwards core changes to the window, and not to a destroyed one', () => {
    const { core, webContents } = setup();
    core.emit({ kind: 'user-data', paperIds: ['p-1'] });
    assert.deepEqual(webContents.sent, [{ channel: CHANGED_CHANNEL, args: [{ kind: 'user-data', paperIds: ['p-1'] }] }]);
    webContents.isDestroyedFlag = true;
    core.emit({ kind: 'tags' });
    assert.equal(webContents.sent.length, 1);
  });

  it('the disposer removes every handler and the change subscription', () => {
    const { ipcMain, core, dispose } = setup();
    assert.equal(core.listenerCount, 1);
    dispose();
    assert.equal(ipcMain.handlers.size, 0);
    assert.equal(core.listenerCount, 0);
  });
});

describe('assertTrustedSender', () => {
  it('accepts our top frame, with a hash route', () => {
    const webContents = new FakeWebContents();
    assertTrustedSender(eventFrom(webContents, `${RENDERER_URL}#/paper/p-1`), webContents, RENDERER_URL);
  });
});
