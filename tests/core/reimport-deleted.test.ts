// A paper imported again after the Trash was emptied is a new paper (shown, without the old tags, note or status); one
// merely in the Trash is still matched and offered back. Through FolioCore with a real paste, checked in the preview,
// after the commit, after undo and redo of the emptying, and after reopening (the journal replays the same).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import { SAMPLE_PROFILE, withTempDir } from '../helpers/tree.js';

const open = (dir: string) => FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });

async function shownIds(core: FolioCore, trash = false): Promise<string[]> {
  const page = await core.query({ search: '', scope: trash ? { trash: true } : undefined, offset: 0, limit: 1000, sort: 'title' });
  return page.rows.map((row) => row.id);
}

/** Every shown paper with this title: id, and its tags, note and status. */
async function shownAs(core: FolioCore, title: string, trash = false): Promise<Array<{ id: string; tags: string[]; note: string; status: string }>> {
  const page = await core.query({ search: '', scope: trash ? { trash: true } : undefined, offset: 0, limit: 1000, sort: 'title' });
  const rows = page.rows.filter((row) => row.title === title);
  return Promise.all(rows.map(async (row) => {
    const detail = await core.paper(row.id);
    return { id: row.id, tags: detail.tags, note: detail.note, status: detail.status };
  }));
}

interface Row {
  name: string;
  /** What happens to the first paper (and, for a merge, the second one into it) before the paste is imported again. */
  setUp: (core: FolioCore, first: string, second: string) => Promise<void>;
  /** Papers the preview calls new, and those it says are in the Trash. */
  newCount: number;
  inTrash: number;
  /** Papers the list shows after the commit (the paste has 12). */
  shown: number;
}

const trash = (core: FolioCore, ids: string[]) => core.trashSelection({ ids });
const empty = (core: FolioCore) => core.emptyTrash({ confirm: true });

const rows: Row[] = [
  { name: 'in the Trash: matched, offered back, left there', setUp: async (core, a) => void (await trash(core, [a])), newCount: 0, inTrash: 1, shown: 11 },
  { name: 'Trash emptied: a new paper, shown', setUp: async (core, a) => {
      await trash(core, [a]);
      await empty(core);
    }, newCount: 1, inTrash: 0, shown: 12 },
  {
    name: 'Trash emptied, then undone: in the Trash again, matched',
    setUp: async (core, a) => {
      await trash(core, [a]);
      await empty(core);
      await core.undo();
    },
    newCount: 0,
    inTrash: 1,
    shown: 11,
  },
  {
    name: 'merged, then the kept paper deleted: both come back new',
    setUp: async (core, a, b) => {
      await core.mergePapers(a, b);
      await trash(core, [a]);
      await empty(core);
    },
    newCount: 2,
    inTrash: 0,
    shown: 12,
  },
];

describe('importing again a paper whose Trash was emptied', () => {
  for (const row of rows) {
    test(row.name, async () => {
      await withTempDir(async (dir) => {
        const text = await readFile(SAMPLE_PROFILE, 'utf8');
        const core = await open(dir);
        try {
          await core.commitImport(text);
          const [first, second] = await shownIds(core);
          const title = (await core.paper(first!)).title;
          await core.setTags(first!, ['kept-tag']);
          await core.setNote(first!, 'old note');
          await core.setStatus(first!, 'read');
          await row.setUp(core, first!, second!);
          const preview = await core.previewImport(text);
          assert.ok(preview.ok);
          assert.equal(preview.newCount, row.newCount, 'new in the preview');
          assert.equal(preview.papers.filter((p) => p.inTrash).length, row.inTrash, 'in Trash in the preview');
          const previewed = preview.papers.find((p) => p.title === title)!;
          assert.equal(previewed.isNew, row.newCount > 0);
          assert.equal(previewed.match === null, row.newCount > 0);
          const result = await core.commitImport(text);
          assert.ok(result.ok);
          assert.equal(result.added, row.newCount);
          assert.equal((await shownIds(core)).length, row.shown);
          const shown = await shownAs(core, title);
          if (row.newCount > 0) {
            // A new id (the old record stays, deleted), and none of the user data that was deleted with it.
            assert.equal(shown.length, 1);
            assert.notEqual(shown[0]!.id, first);
            assert.deepEqual({ ...shown[0], id: null }, { id: null, tags: [], note: '', status: 'unread' });
            await assert.rejects(core.paper(first!), { name: 'UnknownPaperError' });
          } else {
            assert.deepEqual(shown, []);
            assert.deepEqual(await shownAs(core, title, true), [{ id: first!, tags: ['kept-tag'], note: 'old note', status: 'read' }]);
          }
          // A third import finds the paper it now is: nothing new.
          const third = await core.previewImport(text);
          assert.ok(third.ok);
          assert.equal(third.newCount, 0);
        } finally {
          await core.close();
        }
      });
    });
  }

  test('undo and redo of the emptying after the paper came back, and the journal replayed after reopening', async () => {
    await withTempDir(async (dir) => {
      const text = await readFile(SAMPLE_PROFILE, 'utf8');
      let core = await open(dir);
      try {
        await core.commitImport(text);
        const [first] = await shownIds(core);
        const title = (await core.paper(first!)).title;
        await core.setTags(first!, ['kept-tag']);
        await trash(core, [first!]);
        await empty(core);
        await core.commitImport(text);
        const [again] = await shownAs(core, title);
        assert.notEqual(again!.id, first);
        const check = async (where: string, trashed: Array<{ id: string; tags: string[] }>) => {
          assert.deepEqual((await shownAs(core, title)).map((p) => p.id), [again!.id], `${where}: the new paper shown`);
          assert.deepEqual((await shownAs(core, title, true)).map((p) => ({ id: p.id, tags: p.tags })), trashed, `${where}: in the Trash`);
          assert.equal((await shownIds(core)).length, 12, `${where}: the paste's papers all shown`);
        };
        await check('after the import', []);
        assert.deepEqual(await core.undo(), { label: 'Empty the Trash (1 paper)' });
        await check('emptying undone: the old paper back in the Trash, with its tag', [{ id: first!, tags: ['kept-tag'] }]);
        assert.deepEqual(await core.redo(), { label: 'Empty the Trash (1 paper)' });
        await check('redone', []);
        await core.undo();
        await core.close();
        core = await open(dir);
        await check('undone again, reopened (the journal replays it)', [{ id: first!, tags: ['kept-tag'] }]);
        // Restored from the Trash, the two copies are proposed as duplicates (same title), not silently joined.
        await core.restoreSelection({ ids: [first!] });
        const pairs = (await core.duplicates()).pairs.map((pair) => [pair.a.id, pair.b.id].sort());
        assert.deepEqual(pairs, [[first!, again!.id].sort()]);
      } finally {
        await core.close();
      }
    });
  });
});
