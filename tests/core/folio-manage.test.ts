// Issue 10 through FolioCore with real pastes: selections and bulk actions, the Trash, undo and redo, edits,
// merges, duplicates, tag keys and saved searches, each checked against what query/overview/paper show and
// what a reopened library replays from disk.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';

const paste = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');
const ALL = { search: '', all: true, except: [] } as const;

async function withLibrary<T>(work: (core: FolioCore, dir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
    try {
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      return await work(core, dir);
    } finally {
      await core.close();
    }
  });
}

async function ids(core: FolioCore, search = '', scope?: { trash?: boolean; tag?: string }): Promise<string[]> {
  const page = await core.query({ search, scope, offset: 0, limit: 1000, sort: 'title' });
  return page.rows.map((row) => row.id);
}

describe('FolioCore: managing a library', () => {
  test('a selection of the whole list is a query: bulk tag, one undo step, one journal line', async () => {
    await withLibrary(async (core, dir) => {
      const all = await ids(core);
      assert.equal(all.length, 12);
      assert.equal(await core.countSelection({ ...ALL, except: [all[0]!] }), 11);
      const journalBefore = await readFile(path.join(dir, 'user.journal'), 'utf8').catch(() => '');
      const result = await core.tagSelection({ ...ALL, except: [all[0]!] }, { add: ['ml/rl'] });
      assert.deepEqual(result, { label: 'Tag 11 papers with ml/rl', done: 'Tagged 11 papers with ml/rl', count: 11 });
      const journal = (await readFile(path.join(dir, 'user.journal'), 'utf8')).slice(journalBefore.length);
      assert.equal(journal.trim().split('\n').length, 1, 'one journal line');
      assert.deepEqual(await core.undoState(), { undoLabel: 'Tag 11 papers with ml/rl', redoLabel: null });
      // Tagging again changes nothing and counts nothing.
      assert.equal((await core.tagSelection({ ids: all }, { add: ['ML/RL'] })).count, 1);
      assert.deepEqual(await core.undo(), { label: 'Tag 1 paper with ML/RL' });
      assert.deepEqual(await core.undo(), { label: 'Tag 11 papers with ml/rl' });
      assert.equal((await core.overview()).tags.find((t) => t.name === 'ml/rl'), undefined, 'the new tag went with the undo');
      assert.deepEqual(await core.redo(), { label: 'Tag 11 papers with ml/rl' });
      assert.equal((await ids(core, 'tag:ml/rl')).length, 11);
    });
  });

  test('undoing a tag action keeps a note typed since; status bulk and undo', async () => {
    await withLibrary(async (core) => {
      const [a, b] = await ids(core);
      await core.tagSelection({ ids: [a!, b!] }, { add: ['x'] });
      await core.setNote(a!, 'typed after');
      await core.setStatusOfSelection({ ids: [a!, b!] }, 'read');
      await core.undo();
      await core.undo();
      const detail = await core.paper(a!);
      assert.equal(detail.note, 'typed after');
      assert.deepEqual(detail.tags, []);
      assert.equal(detail.status, 'unread');
    });
  });

  test('Trash: hidden from lists, counts and exports; restore; empty needs confirm and is for good; all replayed after reopen', async () => {
    await withTempDir(async (dir) => {
      let core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
      try {
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      const all = await ids(core);
      const [a, b, c] = all;
      assert.deepEqual(await core.trashSelection({ ids: [a!, b!, c!] }), { label: 'Move 3 papers to the Trash', done: 'Moved 3 papers to the Trash', count: 3 });
      let overview = await core.overview();
      assert.equal(overview.paperCount, 9);
      assert.equal(overview.trashCount, 3);
      assert.equal((await ids(core)).length, 9);
      assert.deepEqual((await ids(core, '', { trash: true })).sort(), [a, b, c].sort());
      assert.ok((await core.query({ search: '', scope: { trash: true }, offset: 0, limit: 5 })).rows.every((row) => row.trashed));
      assert.equal(JSON.parse(await core.exportLibrary('csl-json')).length, 9);
      assert.equal(JSON.parse(await core.exportSelection({ search: '', scope: { trash: true }, all: true, except: [] }, 'csl-json')).length, 3);
      await core.restoreSelection({ ids: [a!] });
      const before = await snapshotTree(dir);
      await assert.rejects(core.emptyTrash({ confirm: false }), /confirm/);
      assert.deepEqual(await snapshotTree(dir), before, 'a refused emptying writes nothing');
      assert.equal((await core.emptyTrash({ confirm: true })).count, 2);
      overview = await core.overview();
      assert.equal(overview.trashCount, 0);
      assert.equal(overview.paperCount, 10);
      await assert.rejects(core.paper(b!), /No paper/);
      await core.close();
      core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
      overview = await core.overview();
      assert.deepEqual([overview.paperCount, overview.trashCount], [10, 0]);
      assert.equal((await ids(core)).length, 10);
      assert.ok((await ids(core)).includes(a!));
      } finally {
        await core.close();
      }
    });
  });

  test('edits show, search and export; revert per field; undo; a re-import never overwrites them', async () => {
    await withLibrary(async (core) => {
      const [id] = await ids(core);
      const original = await core.paper(id!);
      await core.editPaper(id!, { set: { title: 'Zebra Quantum Entanglement Survey', date: '1999', doi: '10.1/zebra' } });
      let detail = await core.paper(id!);
      assert.equal(detail.title, 'Zebra Quantum Entanglement Survey');
      assert.equal(detail.year, 1999);
      assert.deepEqual(detail.editedFields, ['title', 'date', 'doi']);
      assert.equal(detail.importedValues.title, original.title);
      assert.deepEqual(await ids(core, 'zebra entanglement'), [id]);
      assert.ok((await core.query({ search: 'zebra', offset: 0, limit: 1 })).rows[0]?.edited);
      assert.match(await core.exportSelection({ ids: [id!] }, 'bibtex'), /Zebra Quantum Entanglement Survey/);
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      assert.equal((await core.paper(id!)).title, 'Zebra Quantum Entanglement Survey', 're-import leaves the edit');
      await core.editPaper(id!, { unset: ['title'] });
      detail = await core.paper(id!);
      assert.equal(detail.title, original.title);
      assert.deepEqual(detail.editedFields, ['date', 'doi']);
      await core.undo();
      assert.equal((await core.paper(id!)).title, 'Zebra Quantum Entanglement Survey');
      await core.undo();
      detail = await core.paper(id!);
      assert.deepEqual([detail.title, detail.date, detail.doi, detail.editedFields], [original.title, original.date, original.doi, []]);
    });
  });

  test('merge: user data combined, both ids resolve, listed once, undoable; not-duplicate is remembered', async () => {
    await withLibrary(async (core) => {
      const [keep, other] = await ids(core);
      await core.setTags(keep!, ['a']);
      await core.setNote(keep!, 'mine');
      await core.setTags(other!, ['b']);
      await core.setNote(other!, 'theirs');
      await core.setStatus(other!, 'read');
      await core.mergePapers(keep!, other!);
      const detail = await core.paper(other!);
      assert.equal(detail.id, keep);
      assert.deepEqual(detail.mergedIds, [other]);
      assert.deepEqual(detail.tags, ['a', 'b']);
      assert.equal(detail.note, 'mine\n\n---\n\ntheirs');
      assert.equal(detail.status, 'read');
      assert.equal((await ids(core)).length, 11);
      assert.equal((await core.overview()).paperCount, 11);
      await core.undo();
      assert.equal((await ids(core)).length, 12);
      const back = await core.paper(keep!);
      assert.deepEqual([back.tags, back.note, back.status, back.mergedIds], [['a'], 'mine', 'unread', []]);
      assert.equal((await core.paper(other!)).id, other);
      await core.notDuplicate(keep!, other!);
      await assert.rejects(core.mergePapers(keep!, keep!), /one paper already/);
    });
  });

  // Typing is not on the undo stack: undo and redo set a note back only while it still holds what the step set.
  const noteRows = [
    { name: 'nothing typed: undo gives the note back, redo the merged one', afterMerge: null, afterUndo: null, undone: 'mine', redone: 'mine\n\n---\n\ntheirs' },
    { name: 'typed after the merge: undo and redo leave it', afterMerge: 'typed later', afterUndo: null, undone: 'typed later', redone: 'typed later' },
    { name: 'typed after the undo: redo leaves it', afterMerge: null, afterUndo: 'typed after undo', undone: 'typed after undo', redone: 'typed after undo' },
    { name: 'typed as the merge left it: undo takes it for the merge\'s', afterMerge: 'mine\n\n---\n\ntheirs', afterUndo: null, undone: 'mine', redone: 'mine\n\n---\n\ntheirs' },
  ] as const;
  for (const row of noteRows) {
    test(`undo of a merge never overwrites a note typed since: ${row.name}`, async () => {
      await withTempDir(async (dir) => {
        let core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
        try {
          await core.commitImport(await paste('profile-sabela-ramos.txt'));
          const [keep, other] = await ids(core);
          await core.setNote(keep!, 'mine');
          await core.setNote(other!, 'theirs');
          await core.mergePapers(keep!, other!);
          if (row.afterMerge !== null) await core.setNote(other!, row.afterMerge); // the merged id types on the kept paper
          assert.deepEqual(await core.undo(), { label: 'Merge 2 papers' });
          if (row.afterUndo !== null) await core.setNote(keep!, row.afterUndo);
          assert.deepEqual([(await core.paper(keep!)).note, (await core.paper(other!)).note], [row.undone, 'theirs']);
          assert.deepEqual(await core.redo(), { label: 'Merge 2 papers' });
          assert.equal((await core.paper(other!)).id, keep);
          assert.equal((await core.paper(keep!)).note, row.redone);
          await core.close();
          core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
          assert.equal((await core.paper(keep!)).note, row.redone, 'the journal replays the same');
        } finally {
          await core.close();
        }
      });
    });
  }

  test('tag keys are unique; renaming onto an existing tag refuses unless merging; saved searches count live', async () => {
    await withLibrary(async (core) => {
      const [a, b] = await ids(core);
      await core.setTags(a!, ['ml', 'ml/rl']);
      await core.setTags(b!, ['theory']);
      await core.assignTagKey('ml', 3);
      await core.assignTagKey('theory', 3);
      let tags = (await core.overview()).tags;
      assert.deepEqual(tags.map((t) => [t.name, t.key ?? null, t.path]), [['ml', null, ['ml']], ['ml/rl', null, ['ml', 'rl']], ['theory', 3, ['theory']]]);
      await core.undo();
      tags = (await core.overview()).tags;
      assert.equal(tags.find((t) => t.name === 'ml')?.key, 3);
      await assert.rejects(core.renameTag('theory', 'ML'), /A tag "ml" already exists/);
      assert.deepEqual(await core.renameTag('theory', 'ML', { merge: true }), { merged: true, name: 'ml' });
      assert.deepEqual((await core.paper(b!)).tags, ['ml']);
      await core.undo();
      assert.deepEqual((await core.paper(b!)).tags, ['theory']);
      const saved = await core.saveSearch({ name: 'ML stuff', search: 'tag:ml' });
      await assert.rejects(core.saveSearch({ name: 'ml STUFF', search: 'x' }), /already called/);
      assert.deepEqual(await core.savedSearchCounts(), { [saved.id]: 1 });
      await core.tagSelection({ ids: [b!] }, { add: ['ml'] });
      assert.deepEqual(await core.savedSearchCounts(), { [saved.id]: 2 });
      assert.equal((await ids(core, 'saved:"ML stuff"')).length, 2);
      await core.renameSavedSearch(saved.id, 'Learning');
      assert.deepEqual((await core.overview()).savedSearches.map((s) => s.name), ['Learning']);
      await core.deleteSavedSearch(saved.id);
      await core.undo();
      assert.deepEqual((await core.overview()).savedSearches.map((s) => s.name), ['Learning']);
    });
  });

  test('duplicates: the same DOI under two titles is proposed until marked not a duplicate or merged', async () => {
    await withLibrary(async (core) => {
      const [a, b] = await ids(core);
      await core.editPaper(a!, { set: { doi: '10.5555/same' } });
      await core.editPaper(b!, { set: { doi: '10.5555/same' } });
      const found = await core.duplicates();
      const pair = found.pairs.find((p) => [p.a.id, p.b.id].sort().join() === [a, b].sort().join());
      assert.equal(pair?.reason, 'same-doi');
      await core.notDuplicate(a!, b!);
      assert.ok(!(await core.duplicates()).pairs.some((p) => [p.a.id, p.b.id].includes(a!) && [p.a.id, p.b.id].includes(b!)));
      await core.undo();
      assert.ok((await core.duplicates()).pairs.some((p) => [p.a.id, p.b.id].includes(a!) && [p.a.id, p.b.id].includes(b!)));
    });
  });

  test('remove a profile: shared papers and papers with user data stay, the rest go to the Trash; undo; a re-import shows it again', async () => {
    await withLibrary(async (core) => {
      await core.commitImport(await paste('profile-overlap-a.txt'));
      const overview = await core.overview();
      const sabela = overview.profiles.find((p) => p.name === 'Sabela Ramos')!;
      const other = overview.profiles.find((p) => p.id !== sabela.id)!;
      const { paperIds } = await core.profile(sabela.id);
      const shared = (await core.profile(other.id)).paperIds.filter((id) => paperIds.includes(id));
      assert.ok(shared.length > 0);
      const own = paperIds.filter((id) => !shared.includes(id));
      await core.setNote(own[0]!, 'keep me');
      const before = await ids(core);
      const result = await core.removeProfile(sabela.id);
      assert.deepEqual([result.trashed, result.kept], [own.length - 1, shared.length + 1]);
      assert.deepEqual((await core.overview()).profiles.map((p) => p.id), [other.id]);
      await assert.rejects(core.profile(sabela.id), /No profile/);
      assert.equal((await ids(core)).length, before.length - (own.length - 1));
      assert.deepEqual((await core.paper(shared[0]!)).profiles.map((p) => p.id), [other.id]);
      assert.equal((await ids(core, 'profile:"Sabela Ramos"')).length, 0);
      await core.undo();
      assert.equal((await core.overview()).profiles.length, 2);
      assert.deepEqual(await ids(core), before);
      await core.redo();
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      assert.equal((await core.overview()).profiles.length, 2, 'imported again: shown again');
      assert.equal((await core.overview()).trashCount, own.length - 1, 'its papers stay in the Trash');
    });
  });

  test('a re-import leaves trashed papers in the Trash unless the commit names them; the preview says inTrash', async () => {
    await withLibrary(async (core) => {
      const [a, b] = await ids(core);
      await core.trashSelection({ ids: [a!, b!] });
      const text = await paste('profile-sabela-ramos.txt');
      const preview = await core.previewImport(text);
      assert.ok(preview.ok);
      assert.deepEqual(preview.papers.filter((p) => p.inTrash).map((p) => p.id).sort(), [a, b].sort());
      const result = await core.commitImport(text, { restoreFromTrash: [a!] });
      assert.ok(result.ok);
      assert.deepEqual([result.restoredFromTrash, result.inTrash], [1, 1]);
      assert.deepEqual(await ids(core, '', { trash: true }), [b]);
      assert.equal((await core.query({ search: '', offset: 0, limit: 100 })).total, 11);
    });
  });

  test('addPaper: a real import of one CSL-JSON item; the same paper again is not added twice', async () => {
    await withLibrary(async (core) => {
      const added = await core.addPaper({ title: 'A Hand-Typed Paper About Otters', authors: ['Ada Lovelace', 'Alan Turing'], date: '2021-03', doi: '10.7717/otters', category: 'Zoology' });
      assert.equal(added.isNew, true);
      const detail = await core.paper(added.id);
      assert.deepEqual([detail.title, detail.authors, detail.date, detail.doi, detail.category], ['A Hand-Typed Paper About Otters', ['Ada Lovelace', 'Alan Turing'], '2021-03', '10.7717/otters', 'Zoology']);
      assert.deepEqual(await ids(core, 'otters'), [added.id]);
      const again = await core.addPaper({ title: 'Something else', doi: '10.7717/OTTERS' });
      assert.deepEqual([again.id, again.isNew], [added.id, false]);
      await assert.rejects(core.addPaper({ title: '  ' }), /needs a title/);
    });
  });
  test('a re-import preview carries the stored metrics of the same source (old → new); a new profile or another source has none', async () => {
    await withLibrary(async (core) => {
      const text = await paste('profile-sabela-ramos.txt');
      const again = await core.previewImport(text.replace('h-index117', 'h-index119').replace('9,233citations', '9,301citations'));
      assert.ok(again.ok && again.profile);
      assert.deepEqual([again.metricsChanged, again.previousMetrics?.hIndex, again.previousMetrics?.citations], [true, 117, 9233]);
      assert.deepEqual([again.profile.metrics.hIndex, again.profile.metrics.citations], [119, 9301]);
      const same = await core.previewImport(text);
      assert.ok(same.ok);
      assert.deepEqual([same.metricsChanged, same.previousMetrics?.hIndex], [false, 117]);
      const stranger = await core.previewImport(text.replace('Sabela Ramos', 'Quentin Okafor'));
      assert.ok(stranger.ok);
      assert.deepEqual([stranger.existingProfileId, stranger.previousMetrics], [null, null]);
    });
  });
});
