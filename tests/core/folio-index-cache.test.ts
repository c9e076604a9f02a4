// FolioCore with a cache folder: the search index is written after it is built and read back at the next
// open, reflecting imports, tag and note edits made since; a damaged file is rebuilt; the library folder
// itself is never touched by any of it. Real pastes, real folders, real files.
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, type CliIo } from '../../electron/cli.js';
import { FolioCore } from '../../electron/core/folio.js';
import { defaultCacheDir, indexFileFor } from '../../electron/core/index-cache.js';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';
import { localPathsOf } from '../helpers/local-state.js';

/** Where FolioCore keeps the search index of `dirs.library` (named like the library's local state folder). */
const indexFileOf = async (dirs: { library: string; cache: string }): Promise<string> => indexFileFor(dirs.cache, (await localPathsOf(dirs.library)).key);

const paste = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');
const QUERIES = ['gemma', 'distilation', 'reinforcement learning', 'hussenot', 'tag:keep', 'status:read', 'ferret bond', 'xqzvkwpl'];

async function answers(core: FolioCore): Promise<Array<{ q: string; ids: string[]; total: number }>> {
  const out = [];
  for (const q of QUERIES) {
    const page = await core.query({ search: q, offset: 0, limit: 50 });
    out.push({ q, ids: page.rows.map((r) => r.id), total: page.total });
  }
  return out;
}

async function withLibrary<T>(work: (dirs: { library: string; cache: string }) => Promise<T>): Promise<T> {
  return withTempDir(async (root) => {
    const library = path.join(root, 'library');
    const cache = path.join(root, 'cache');
    await mkdir(library);
    return work({ library, cache });
  });
}

const open = (dirs: { library: string; cache: string }) => FolioCore.open(dirs.library, { samplePath: SAMPLE_PROFILE, cacheDir: dirs.cache });

describe('FolioCore search index cache', () => {
  test('built once, then read back; answers are identical; the library folder is untouched', () =>
    withLibrary(async (dirs) => {
      const first = await open(dirs);
      await first.commitImport(await paste('profile-sabela-ramos.txt'));
      await first.commitImport(await paste('profile-overlap-a.txt'));
      const ids = (await first.query({ search: '', offset: 0, limit: 3 })).rows.map((r) => r.id);
      await first.setTags(ids[0]!, ['keep']);
      await first.setStatus(ids[1]!, 'read');
      await first.whenIndexed();
      const want = await answers(first);
      await first.close();

      const indexFile = await indexFileOf(dirs);
      const before = await snapshotTree(dirs.library);
      const second = await open(dirs);
      await second.whenIndexed();
      assert.equal(second.indexReport?.source, 'file');
      assert.equal(second.indexReport?.reindexed, 0);
      assert.deepEqual(await answers(second), want);
      await second.close();
      assert.deepEqual(await snapshotTree(dirs.library), before, 'reading the index changes nothing in the library');
      assert.ok((await readFile(indexFile)).length > 0);
    }));

  test('a tag and a note edited after the file was written are found after the next open', () =>
    withLibrary(async (dirs) => {
      const first = await open(dirs);
      await first.commitImport(await paste('profile-sabela-ramos.txt'));
      await first.close();
      const warm = await open(dirs);
      await warm.whenIndexed();
      assert.equal(warm.indexReport?.source, 'file');
      const id = (await warm.query({ search: '', offset: 0, limit: 1 })).rows[0]!.id;
      await warm.setNote(id, 'Compare with the okapi baseline.');
      await warm.setTags(id, ['wombat']);
      await warm.close();

      const third = await open(dirs);
      await third.whenIndexed();
      assert.deepEqual(third.indexReport && { source: third.indexReport.source, reindexed: third.indexReport.reindexed }, { source: 'file', reindexed: 1 });
      assert.deepEqual((await third.query({ search: 'okapi', offset: 0, limit: 5 })).rows.map((r) => r.id), [id]);
      assert.deepEqual((await third.query({ search: 'wombat', offset: 0, limit: 5 })).rows.map((r) => r.id), [id]);
      await third.close();
    }));

  test('an import is written to the file by close, so the next open needs no rebuild', () =>
    withLibrary(async (dirs) => {
      const first = await open(dirs);
      await first.commitImport(await paste('profile-sabela-ramos.txt'));
      await first.whenIndexed();
      await first.close();
      const second = await open(dirs);
      await second.whenIndexed();
      const result = await second.commitImport(await paste('profile-overlap-b.txt'));
      assert.ok(result.ok && result.added > 0);
      const want = await answers(second);
      await second.close(); // well before the debounced save would run

      const third = await open(dirs);
      await third.whenIndexed();
      assert.equal(third.indexReport?.source, 'file');
      assert.equal(third.indexReport?.reindexed, 0);
      assert.deepEqual(await answers(third), want);
      await third.close();
    }));

  test('a damaged or foreign file is rebuilt from the papers and replaced', () =>
    withLibrary(async (dirs) => {
      const first = await open(dirs);
      await first.commitImport(await paste('profile-sabela-ramos.txt'));
      await first.whenIndexed();
      const want = await answers(first);
      await first.close();
      const indexFile = await indexFileOf(dirs);
      const rows: Array<{ name: string; damage: (bytes: Buffer) => Buffer; problem: RegExp }> = [
        { name: 'a flipped byte', damage: (b) => Buffer.concat([b.subarray(0, b.length - 40), Buffer.from([b[b.length - 40]! ^ 0xff]), b.subarray(b.length - 39)]), problem: /checksum/ },
        { name: 'cut short', damage: (b) => b.subarray(0, Math.floor(b.length / 2)), problem: /truncated/ },
        { name: 'not an index', damage: () => Buffer.from('hello'), problem: /not a Folio index/ },
      ];
      for (const row of rows) {
        const good = await readFile(indexFile);
        await writeFile(indexFile, row.damage(good));
        const core = await open(dirs);
        await core.whenIndexed();
        assert.equal(core.indexReport?.source, 'built', row.name);
        assert.match(core.indexReport?.fileProblem ?? '', row.problem, row.name);
        assert.deepEqual(await answers(core), want, row.name);
        await core.close();
        const again = await open(dirs);
        await again.whenIndexed();
        assert.equal(again.indexReport?.source, 'file', `${row.name}: the rebuilt index was written`);
        await again.close();
      }
    }));

  test('without a cache folder nothing is written anywhere', () =>
    withLibrary(async (dirs) => {
      const core = await FolioCore.open(dirs.library, { samplePath: SAMPLE_PROFILE });
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      await core.whenIndexed();
      assert.equal(core.indexReport?.source, 'built');
      assert.equal(core.indexReport?.fileProblem, 'no cache folder');
      await core.close();
      await assert.rejects(readFile(await indexFileOf(dirs)), { code: 'ENOENT' });
    }));

  test('the CLI reads and writes the same cache (FOLIO_CACHE_DIR)', () =>
    withLibrary(async (dirs) => {
      let stdout = '';
      const io: CliIo = { stdout: (t) => void (stdout += t), stderr: () => undefined, readStdin: async () => '', env: { FOLIO_CACHE_DIR: dirs.cache } };
      assert.equal(await runCli(['import', path.join(FIXTURES, 'profile-sabela-ramos.txt'), '--library', dirs.library], io), 0);
      stdout = '';
      assert.equal(await runCli(['search', 'gemma', '--library', dirs.library], io), 0);
      const cold = stdout;
      assert.ok((await readFile(await indexFileOf(dirs))).length > 0, 'the search wrote the index');
      stdout = '';
      assert.equal(await runCli(['search', 'gemma', '--library', dirs.library], io), 0);
      assert.equal(stdout, cold);
      assert.match(cold, /Gemma/);
    }));
});

/** A profile page listing `n` distinct papers (a numbered word in each title and abstract). */
function bigPaste(n: number): string {
  const papers: string[] = [];
  for (let i = 0; i < n; i++) {
    papers.push(
      `LGJan ${1 + (i % 28)}, 2024\nStudy ${i} of quokka${i} behaviour in reinforcement learning\n\nAda Lovelace, Grace Hopper\n\n` +
        `We measure marsupial${i} policies. A longer abstract sentence about distillation and agents.\n`,
    );
  }
  return `Quokka Lab\n\nLG\nh-index10\n${n}papers\n100citations\n\n${n} Papers\n\n${papers.join('\n')}`;
}

describe('FolioCore right after open (abstracts still loading)', () => {
  test('edits made before the index starts are in it, first rows come without abstracts, details wait for them', () =>
    withLibrary(async (dirs) => {
      const first = await open(dirs);
      await first.commitImport(await paste('profile-sabela-ramos.txt'));
      await first.commitImport(await paste('profile-overlap-a.txt'));
      await first.close();
      for (const cache of [true, false]) {
        const core = cache ? await open(dirs) : await FolioCore.open(dirs.library, { samplePath: SAMPLE_PROFILE });
        try {
          assert.equal(core.library.abstractsLoaded, false, 'open returns before the abstracts');
          const rows = (await core.query({ search: '', offset: 0, limit: 100 })).rows;
          assert.ok(rows.length > 10);
          const id = rows[3]!.id;
          await core.setTags(id, ['early-bird']);
          await core.setNote(id, 'Noted before the abstracts arrived: capybara.');
          const detail = await core.paper(id);
          assert.ok(detail.abstract.length > 50, 'paper() waits for the abstract');
          assert.deepEqual((await core.query({ search: 'tag:early-bird capybara', offset: 0, limit: 5 })).rows.map((r) => r.id), [id]);
          const word = detail.abstract.split(/\W+/).filter((w) => w.length > 9)[0] ?? 'distillation';
          assert.ok((await core.query({ search: word, offset: 0, limit: 100 })).rows.some((r) => r.id === id), word);
        } finally {
          await core.close();
        }
      }
    }));
});

describe('FolioCore indexing of a large import', () => {
  test('a large import returns before its papers are indexed; searches wait for them and find them', () =>
    withLibrary(async (dirs) => {
      const core = await open(dirs);
      try {
        await core.whenIndexed();
        const result = await core.commitImport(bigPaste(400));
        assert.ok(result.ok, result.ok ? '' : result.error);
        assert.equal(result.added, 400);
        // Asked at once: the answer must already include every imported paper.
        const [all, one, many] = await Promise.all([
          core.query({ search: '', offset: 0, limit: 10 }),
          core.query({ search: 'quokka399', offset: 0, limit: 10 }),
          core.query({ search: 'marsupial', offset: 0, limit: 10 }),
        ]);
        assert.equal(all.total, 400);
        // quokka398 etc. match too (one typo away); the exact word ranks first.
        assert.match(one.rows[0]!.title, /^Study 399 of quokka399 /);
        assert.equal(many.total, 400);
        const listed = await core.listPapers('quokka7');
        assert.equal(listed.papers[0]?.title, 'Study 7 of quokka7 behaviour in reinforcement learning');
      } finally {
        await core.close();
      }
      const again = await open(dirs);
      await again.whenIndexed();
      assert.equal(again.indexReport?.source, 'file');
      assert.equal(again.indexReport?.reindexed, 0, 'the file written at close holds all 400');
      assert.equal((await again.query({ search: 'marsupial', offset: 0, limit: 1 })).total, 400);
      await again.close();
    }));
});

describe('defaultCacheDir', () => {
  const rows: Array<{ name: string; platform: NodeJS.Platform; env: Record<string, string>; want: string }> = [
    { name: 'override', platform: 'linux', env: { FOLIO_CACHE_DIR: '/srv/folio-cache' }, want: '/srv/folio-cache' },
    { name: 'linux default', platform: 'linux', env: {}, want: '/home/ada/.cache/folio' },
    { name: 'linux XDG', platform: 'linux', env: { XDG_CACHE_HOME: '/var/cache/ada' }, want: '/var/cache/ada/folio' },
    { name: 'relative XDG is ignored (spec)', platform: 'linux', env: { XDG_CACHE_HOME: 'cache' }, want: '/home/ada/.cache/folio' },
    { name: 'macOS', platform: 'darwin', env: {}, want: '/home/ada/Library/Caches/Folio' },
    { name: 'Windows', platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, want: 'C:\\Users\\ada\\AppData\\Local\\Folio\\Cache' },
  ];
  for (const row of rows) {
    test(row.name, () => assert.equal(defaultCacheDir({ platform: row.platform, env: row.env, home: '/home/ada' }), row.want));
  }

  test('one index file per library (its local key), in the cache folder', () => {
    const a = indexFileFor('/c', 'p0123456789abcdef');
    assert.equal(a, path.join('/c', 'libraries', 'p0123456789abcdef', 'search-index.bin'));
    assert.notEqual(indexFileFor('/c', 'p0123456789abcdef-1a2b3c4d'), a);
  });

  test('a moved library folder keeps its index; a copy beside the original gets its own', () =>
    withLibrary(async (dirs) => {
      const first = await open(dirs);
      await first.commitImport(await paste('profile-sabela-ramos.txt'));
      await first.close();
      const before = await indexFileOf(dirs);
      const moved = { ...dirs, library: path.join(path.dirname(dirs.library), 'moved') };
      await rename(dirs.library, moved.library);
      assert.equal(await indexFileOf(moved), before, 'library.json carries the id');
      await (await open(moved)).close(); // a writable open records where the library now is
      await cp(moved.library, dirs.library, { recursive: true });
      assert.notEqual(await indexFileOf(dirs), before, 'the copy is another library on this computer');
      assert.equal(await indexFileOf(moved), before);
    }));
});
