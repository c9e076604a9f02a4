// Sort orders read the corrected title and date: a paper edited to sort first is listed first by query (the renderer's
// list) and by the CLI's list --json, with and without papers set aside (two code paths), after undo, after reopening,
// and when the search index is read back from its cache file.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { PaperEdit, SortDirection, SortKey } from '../../electron/core/api.js';
import { FolioCore } from '../../electron/core/folio.js';
import { SAMPLE_PROFILE, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio } from '../cli/helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));

interface Row {
  name: string;
  sort: SortKey;
  direction: SortDirection;
  /** The correction that moves the paper listed last to the first place. */
  edit: PaperEdit;
}

const rows: Row[] = [
  { name: 'title ascending', sort: 'title', direction: 'asc', edit: { set: { title: '0 Aardvarks first' } } },
  { name: 'title descending', sort: 'title', direction: 'desc', edit: { set: { title: 'Zzz last of all' } } },
  { name: 'date descending (newest first)', sort: 'date', direction: 'desc', edit: { set: { date: '2031-01-01' } } },
  { name: 'date ascending', sort: 'date', direction: 'asc', edit: { set: { date: '1901' } } },
];

async function order(core: FolioCore, row: Row, search = ''): Promise<string[]> {
  return (await core.query({ search, offset: 0, limit: 100, sort: row.sort, direction: row.direction })).rows.map((r) => r.id);
}

describe('sorting by the corrected title and date', () => {
  for (const row of rows) {
    for (const setAside of [false, true]) {
      test(`${row.name}${setAside ? ', with a paper in the Trash (the engine answers)' : ''}`, async () => {
        const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'folio-sort-cache-'));
        try {
          await withTempDir(async (dir) => {
            const open = () => FolioCore.open(dir, { samplePath: SAMPLE_PROFILE, cacheDir });
            let core = await open();
            try {
              await core.commitImport(await readFile(SAMPLE_PROFILE, 'utf8'));
              const before = await order(core, row); // builds (and caches) the order the edit must invalidate
              if (setAside) await core.trashSelection({ ids: [before[0]!] });
              const listed = await order(core, row);
              const last = listed.at(-1)!;
              await core.editPaper(last, row.edit);
              const edited = await order(core, row);
              assert.equal(edited[0], last, 'first once corrected');
              assert.deepEqual([...edited].slice(1), listed.slice(0, -1), 'the others keep their order');
              assert.equal((await order(core, row, 'status:unread'))[0], last, 'first in a filtered list too');
              await core.undo();
              assert.deepEqual(await order(core, row), listed, 'undone: back in place');
              await core.redo();
              await core.whenIndexed();
              await core.close();
              core = await open();
              await core.whenIndexed();
              assert.equal(core.indexReport?.source, 'file', 'the index read back from its cache file');
              assert.equal((await order(core, row))[0], last, 'reopened');
              assert.equal((await order(core, row, 'status:unread'))[0], last, 'reopened, filtered');
            } finally {
              await core.close();
            }
          });
        } finally {
          await rm(cacheDir, { recursive: true, force: true });
        }
      });
    }
  }

  test('list --json (newest first) lists a paper whose date was corrected to the newest first (each call opens the library afresh)', async () => {
    await withTempDir(async (dir) => {
      assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
      const list = async () => (JSON.parse((await folio(['list', '--json', '--library', dir])).stdout) as Array<{ id: string; date: string }>);
      const before = await list();
      const oldest = before.at(-1)!;
      assert.equal((await folio(['edit', oldest.id, '--date', '2031-02-03', '--library', dir])).code, 0);
      const after = await list();
      assert.deepEqual([after[0]!.id, after[0]!.date], [oldest.id, '2031-02-03']);
      assert.deepEqual(after.slice(1).map((p) => p.id), before.slice(0, -1).map((p) => p.id));
    });
  });
});
