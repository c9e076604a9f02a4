// The object the preload exposes as `window.folio`: exactly the contract's methods, each one IPC invoke.
import type { FolioApi, FolioMethod, ImportOptions, LibraryChange, Selection } from '../core/api.js';
import { CHANGED_CHANNEL, channelFor, isIpcResult } from '../shared/channels.js';

/** The slice of Electron's ipcRenderer the bridges use; the real one is passed in by index.ts. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type ResultOf<M extends FolioMethod> = Awaited<ReturnType<FolioApi[M]>>;

export function buildFolioApi(ipcRenderer: IpcRendererLike) {
  async function invoke<M extends FolioMethod>(method: M, ...args: Parameters<FolioApi[M]>): Promise<ResultOf<M>> {
    const result = await ipcRenderer.invoke(channelFor(method), ...args);
    if (!isIpcResult(result)) throw new Error(`Folio: unexpected reply to ${method}.`);
    if (!result.ok) {
      // contextBridge copies only an Error's message into the page, so the message must stand alone.
      const error = new Error(result.error.message);
      error.name = result.error.name;
      throw error;
    }
    return result.value as ResultOf<M>;
  }

  const api = {
    // Only send the arguments given: the schemas accept [text] or [text, options].
    previewImport: (text: string, options?: ImportOptions) =>
      options === undefined ? invoke('previewImport', text) : invoke('previewImport', text, options),
    commitImport: (text: string, options?: ImportOptions) =>
      options === undefined ? invoke('commitImport', text) : invoke('commitImport', text, options),
    cancelImport: (jobId: string) => invoke('cancelImport', jobId),
    overview: () => invoke('overview'),
    query: (view: Parameters<FolioApi['query']>[0]) => invoke('query', view),
    // Only send the arguments given: the schema accepts [id] or [id, highlight].
    paper: (id: string, highlight?: string) =>
      highlight === undefined ? invoke('paper', id) : invoke('paper', id, highlight),
    profile: (id: string) => invoke('profile', id),
    setTags: (id: string, tags: string[]) => invoke('setTags', id, tags),
    setNote: (id: string, markdown: string) => invoke('setNote', id, markdown),
    setStatus: (id: string, status: Parameters<FolioApi['setStatus']>[1]) => invoke('setStatus', id, status),
    setTagColor: (name: string, color: string) => invoke('setTagColor', name, color),
    // Only send the arguments given: the schema accepts [from, to] or [from, to, options].
    renameTag: (from: string, to: string, options?: Parameters<FolioApi['renameTag']>[2]) =>
      options === undefined ? invoke('renameTag', from, to) : invoke('renameTag', from, to, options),
    deleteTag: (name: string) => invoke('deleteTag', name),
    restoreTag: (deletion: Parameters<FolioApi['restoreTag']>[0]) => invoke('restoreTag', deletion),
    assignTagKey: (name: string, key: Parameters<FolioApi['assignTagKey']>[1]) => invoke('assignTagKey', name, key),
    exportLibrary: (format: Parameters<FolioApi['exportLibrary']>[0]) => invoke('exportLibrary', format),
    exportSelection: (selection: Selection, format: Parameters<FolioApi['exportSelection']>[1]) => invoke('exportSelection', selection, format),
    countSelection: (selection: Selection) => invoke('countSelection', selection),
    tagSelection: (selection: Selection, change: Parameters<FolioApi['tagSelection']>[1]) => invoke('tagSelection', selection, change),
    setStatusOfSelection: (selection: Selection, status: Parameters<FolioApi['setStatusOfSelection']>[1]) =>
      invoke('setStatusOfSelection', selection, status),
    trashSelection: (selection: Selection) => invoke('trashSelection', selection),
    restoreSelection: (selection: Selection) => invoke('restoreSelection', selection),
    emptyTrash: (options: Parameters<FolioApi['emptyTrash']>[0]) => invoke('emptyTrash', options),
    removeProfile: (profileId: string) => invoke('removeProfile', profileId),
    editPaper: (id: string, edit: Parameters<FolioApi['editPaper']>[1]) => invoke('editPaper', id, edit),
    addPaper: (fields: Parameters<FolioApi['addPaper']>[0]) => invoke('addPaper', fields),
    mergePapers: (keepId: string, otherId: string) => invoke('mergePapers', keepId, otherId),
    notDuplicate: (a: string, b: string) => invoke('notDuplicate', a, b),
    // Only send the arguments given: the schema accepts [] or [options].
    duplicates: (options?: Parameters<FolioApi['duplicates']>[0]) => (options === undefined ? invoke('duplicates') : invoke('duplicates', options)),
    saveSearch: (search: Parameters<FolioApi['saveSearch']>[0]) => invoke('saveSearch', search),
    renameSavedSearch: (id: string, name: string) => invoke('renameSavedSearch', id, name),
    deleteSavedSearch: (id: string) => invoke('deleteSavedSearch', id),
    savedSearchCounts: () => invoke('savedSearchCounts'),
    undo: () => invoke('undo'),
    redo: () => invoke('redo'),
    undoState: () => invoke('undoState'),
    planReparse: () => invoke('planReparse'),
    commitReparse: () => invoke('commitReparse'),
    sampleProfile: () => invoke('sampleProfile'),
    saveStatus: () => invoke('saveStatus'),
    retryUnsaved: () => invoke('retryUnsaved'),
    onChanged(listener: (change: LibraryChange) => void): () => void {
      // Never hand the IpcRendererEvent to the page: it carries `sender`, i.e. ipcRenderer itself.
      const forward = (_event: unknown, change: unknown) => listener(change as LibraryChange);
      ipcRenderer.on(CHANGED_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(CHANGED_CHANNEL, forward);
      };
    },
  } satisfies FolioApi;
  return api;
}

/** The type of `window.folio`. The renderer derives its bridge type from this, not from FolioApi. */
export type FolioBridge = ReturnType<typeof buildFolioApi>;
