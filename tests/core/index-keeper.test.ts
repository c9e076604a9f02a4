// The search index built in a worker thread answers exactly as one built on the main thread, also when tags, notes,
// statuses, imported fields, the Trash and imports change while the worker builds; the index it leaves is written
// to the cache file and read back with the same answers. Real pastes, real folders, a real worker.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FolioCore, type FolioCoreOptions } from '../../electron/core/folio.js';
import { FIXTURES, SAMPLE_PROFILE, withTempDir } from '../helpers/tree.js';
import { rng } from '../helpers/rng.js';

const paste = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');
const QUERIES = ['gemma', 'distilation', 'reinforcement learning', 'hussenot', 'tag:keep', 'tag:during', 'status:read', 'quokka', 'zanzibarish', 'ferret bond', 'xqzvkwpl', ''];

async function answers(core: FolioCore): Promise<Array<{ q: string; ids: string[]; total: number; trash: string[] }>> {
  const out = [];
  for (const q of QUERIES) {
    const page = await core.query({ search: q, sort: 'relevance', offset: 0, limit: 100 });
    const trash = await core.query({ search: q, scope: { trash: true }, offset: 0, limit: 100 });
    out.push({ q, ids: page.rows.map((r) => r.id), total: page.total, trash: trash.rows.map((r) => r.id) });
  }
  return out;
}

async function withLibrary<T>(work: (dirs: { library: string; cache: string }) => Promise<T>): Promise<T> {
  return withTempDir(async (root) => {
    const library = path.join(root, 'library');
    const cache = path.join(root, 'cache');
    await mkdir(library);
    const core = await FolioCore.open(library, { samplePath: SAMPLE_PROFILE });
    for (const name of ['profile-sabela-ramos.txt', 'profile-overlap-a.txt', 'profile-overlap-b.txt']) await core.commitImport(await paste(name));
    await core.close();
    return work({ library, cache });
  });
}

const open = (library: string, options: FolioCoreOptions) => FolioCore.open(library, { samplePath: SAMPLE_PROFILE, ...options });

/** Seeded edits of every kind the index follows, made while the index is being made. */
async function editWhileBuilding(core: FolioCore, seed: number): Promise<void> {
  const random = rng(seed);
  const ids = (await core.query({ search: '', offset: 0, limit: 1000 })).rows.map((r) => r.id);
  const pick = () => ids[Math.floor(random() * ids.length)] as string;
  const edits: Array<() => Promise<unknown>> = [
    () => core.setTags(pick(), ['during', 'keep']),
    () => core.setTags(pick(), []),
    () => core.setNote(pick(), 'a zanzibarish remark'),
    () => core.setStatus(pick(), 'read'),
    () => core.editPaper(pick(), { set: { title: 'The quokka as a model organism' } }),
    () => core.trashSelection({ ids: [pick()] }),
  ];
  for (let i = 0; i < 12; i++) await (edits[Math.floor(random() * edits.length)] as () => Promise<unknown>)();
}

describe('IndexKeeper: building the index in a worker thread', () => {
  test('answers exactly as an index built on the main thread; its file reads back the same', () =>
    withLibrary(async ({ library, cache }) => {
      const onMain = await open(library, { indexBuild: 'main' });
      await onMain.whenIndexed();
      assert.equal(onMain.indexReport?.builtIn, 'main');
      const want = await answers(onMain);
      await onMain.close();

      const inWorker = await open(library, { indexBuild: 'worker', cacheDir: cache });
      await inWorker.whenIndexed();
      assert.deepEqual({ source: inWorker.indexReport?.source, builtIn: inWorker.indexReport?.builtIn }, { source: 'built', builtIn: 'worker' });
      assert.deepEqual(await answers(inWorker), want);
      await inWorker.close();

      const fromFile = await open(library, { cacheDir: cache });
      await fromFile.whenIndexed();
      assert.equal(fromFile.indexReport?.source, 'file', 'the worker-built index was written to the cache');
      assert.deepEqual(await answers(fromFile), want);
      await fromFile.close();
    }));

  for (const seed of [1, 2, 3]) {
    test(`edits and an import made while the worker builds are in the index (seed ${seed})`, () =>
      withLibrary(async ({ library }) => {
        const core = await open(library, { indexBuild: 'worker' });
        const editing = editWhileBuilding(core, seed);
        const importing = paste('profile-overlap-c.txt').then((text) => core.commitImport(text));
        await Promise.all([editing, importing]);
        await core.whenIndexed();
        assert.equal(core.indexReport?.builtIn, 'worker');
        const got = await answers(core);
        await core.close();

        // The same library state, indexed from scratch on the main thread.
        const fresh = await open(library, { indexBuild: 'main' });
        await fresh.whenIndexed();
        assert.deepEqual(got, await answers(fresh));
        assert.ok(got.find((a) => a.q === '')!.total > 0);
        await fresh.close();
      }));
  }

  test('read from its file, the index leaves the abstracts on disk; papers edited after it are indexed with theirs', () =>
    withLibrary(async ({ library, cache }) => {
      const first = await open(library, { cacheDir: cache });
      await first.whenIndexed();
      await first.close();

      const core = await open(library, { cacheDir: cache });
      await core.whenIndexed();
      assert.equal(core.indexReport?.source, 'file');
      await new Promise((resolve) => setTimeout(resolve, 300)); // time enough to load them all, had anything asked
      assert.equal(core.library.abstractsLoaded, false, 'no abstract was loaded for the index, nor after it');
      const random = rng(7);
      const ids = (await core.query({ search: '', offset: 0, limit: 1000 })).rows.map((r) => r.id);
      for (let i = 0; i < 20; i++) await core.setNote(ids[Math.floor(random() * ids.length)] as string, `zanzibarish ${i}`);
      const got = await answers(core);
      await core.close();

      const fresh = await open(library, { indexBuild: 'main' });
      await fresh.whenIndexed();
      assert.deepEqual(got, await answers(fresh));
      await fresh.close();
    }));
});
