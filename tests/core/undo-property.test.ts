// Property: random sequences of undoable actions (bulk and single tags, status, Trash, empty Trash, edits, merges,
// renames, tag keys, saved searches) interleaved with note edits, then undo all → exactly the starting state (user
// data, and what query/overview show) except that every note typed stays (undo never overwrites a note typed since),
// then redo all → the state before undoing. Halfway the library is closed and reopened: the journal replays to the
// same state (the stack itself does not survive, so the check restarts there).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import { rng } from '../helpers/rng.js';
import { FIXTURES, SAMPLE_PROFILE, withTempDir } from '../helpers/tree.js';

const TAGS = ['ml', 'ml/rl', 'Theory', 'to read', 'x'];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const some = <T>(random: Random, list: readonly T[]): T[] => list.filter(() => random() < 0.4);

/**
 * What the user sees and what is stored, minus the note (notes are not on the undo stack; compared separately). A
 * paper's tags are a set: undoing a removal adds the tag back at the end, so lists are compared sorted.
 */
async function observe(core: FolioCore, withNotes: boolean): Promise<unknown> {
  const overview = await core.overview();
  const page = async (scope?: { trash: true }) =>
    (await core.query({ search: '', scope, offset: 0, limit: 1000, sort: 'title' })).rows.map((row) => ({
      ...row,
      tags: [...row.tags].sort(),
      hasNote: withNotes ? row.hasNote : null,
    }));
  const user = Object.fromEntries(
    core.library.papers().map((paper) => {
      const { note, ...data } = core.library.userData(paper.id);
      data.tags.sort();
      return [paper.id, withNotes ? { ...data, note } : data];
    }),
  );
  const { libraryDir: _dir, problems: _problems, ...shown } = overview;
  return { shown, rows: await page(), trash: await page({ trash: true }), user, merges: [...core.library.merges()], saved: core.library.savedSearches() };
}

/** Does one random action; returns the paper it was about (a merge's kept paper), where a note is typed next. */
type TypeNote = (id: string, text: string) => Promise<void>;

async function randomAction(core: FolioCore, random: Random, all: readonly string[], typeNote: TypeNote): Promise<string> {
  const live = (await core.query({ search: '', offset: 0, limit: 1000 })).rows.map((row) => row.id);
  const trash = (await core.query({ search: '', scope: { trash: true }, offset: 0, limit: 1000 })).rows.map((row) => row.id);
  const tags = (await core.overview()).tags.map((t) => t.name);
  const roll = Math.floor(random() * 14);
  const one = pick(random, live.length > 0 ? live : all);
  const attempt = async (work: () => Promise<unknown>) => {
    // Refusals (a rename onto an existing tag without merge, an unknown tag) change nothing: still a valid step.
    await work().catch((error: Error) => assert.match(error.name, /TagError|UserDataError|UnknownPaperError/, error.message));
  };
  await act(core, random, roll, one, live, trash, tags, all, attempt, typeNote);
  return one;
}

async function act(
  core: FolioCore,
  random: Random,
  roll: number,
  one: string,
  live: readonly string[],
  trash: readonly string[],
  tags: readonly string[],
  _all: readonly string[],
  attempt: (work: () => Promise<unknown>) => Promise<void>,
  typeNote: TypeNote,
): Promise<void> {
  switch (roll) {
    case 0: return attempt(() => core.tagSelection({ search: pick(random, ['', 'learning', 'tag:ml']), all: true, except: some(random, live) }, { add: [pick(random, TAGS)] }));
    case 1: return attempt(() => core.tagSelection({ ids: some(random, live) }, { remove: tags.length > 0 ? [pick(random, tags)] : [] }));
    case 2: return attempt(() => core.setTags(one, some(random, TAGS)));
    case 3: return attempt(() => core.setStatusOfSelection({ ids: some(random, live) }, pick(random, ['unread', 'reading', 'read'] as const)));
    case 4: return attempt(() => core.trashSelection({ ids: some(random, live) }));
    case 5: return attempt(() => core.restoreSelection({ ids: some(random, trash) }));
    case 6: return random() < 0.3 ? attempt(() => core.emptyTrash({ confirm: true })) : undefined;
    case 7: return attempt(() => core.editPaper(one, random() < 0.7 ? { set: { title: `Edited ${Math.floor(random() * 100)}`, date: '2001' } } : { unset: ['title'] }));
    case 8: {
      const other = pick(random, live);
      return other === one ? undefined : attempt(() => core.mergePapers(one, other));
    }
    case 9: return tags.length > 0 ? attempt(() => core.renameTag(pick(random, tags), pick(random, TAGS), { merge: random() < 0.5 })) : undefined;
    case 10: return tags.length > 0 ? attempt(() => core.assignTagKey(pick(random, tags), pick(random, [1, 2, 3, null] as const))) : undefined;
    case 11: return attempt(() => core.saveSearch({ name: `s${Math.floor(random() * 5)}`, search: 'tag:ml', scope: {} }));
    case 12: {
      const profiles = (await core.overview()).profiles;
      return profiles.length > 0 && random() < 0.5 ? attempt(() => core.removeProfile(profiles[0]!.id)) : undefined;
    }
    default: return attempt(() => (tags.length > 0 ? core.deleteTag(pick(random, tags)) : typeNote(one, `note ${random()}`)));
  }
}

/** Every paper's note, by id (papers without one left out). */
function notesOf(core: FolioCore): Map<string, string> {
  const notes = new Map<string, string>();
  for (const paper of core.library.papers()) {
    const { note } = core.library.userDataView(paper.id);
    if (note !== '') notes.set(paper.id, note);
  }
  return notes;
}

async function undoAll(core: FolioCore): Promise<number> {
  let n = 0;
  while ((await core.undo()) !== null) n++;
  return n;
}

test('random action sequences: undo all gives the start, redo all the end, across a reopen (6 seeds × 2 × 25 actions)', async () => {
  const text = await readFile(path.join(FIXTURES, 'profile-sabela-ramos.txt'), 'utf8');
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    await withTempDir(async (dir) => {
      const random = rng(seed);
      let core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
      try {
        await core.commitImport(text);
        const all = core.library.papers().map((paper) => paper.id);
        for (let half = 0; half < 2; half++) {
          const start = await observe(core, false);
          const notes = notesOf(core);
          for (let step = 0; step < 25; step++) {
            // Every note typed (off the stack) is the one its paper keeps until typed again.
            const typeNote: TypeNote = async (id, text) => {
              await core.setNote(id, text);
              notes.set(core.library.resolveId(id), text);
            };
            const touched = await randomAction(core, random, all, typeNote);
            // Often on the paper just acted on (a merge writes the kept paper's note).
            if (random() < 0.4) await typeNote(random() < 0.5 ? touched : pick(random, all), `typed ${seed}.${half}.${step}`);
          }
          const end = await observe(core, true);
          const undone = await undoAll(core);
          assert.deepEqual(await observe(core, false), start, `seed ${seed}, half ${half}: undo all (${undone} steps) = start`);
          assert.deepEqual(notesOf(core), notes, `seed ${seed}, half ${half}: undo all kept every note typed (the last one on each paper)`);
          while ((await core.redo()) !== null);
          assert.deepEqual(await observe(core, true), end, `seed ${seed}, half ${half}: redo all = end`);
          // Close and reopen: the journal (and user.json, once compacted) replays to the same state.
          await core.close();
          core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
          assert.deepEqual(await observe(core, true), end, `seed ${seed}, half ${half}: reopened`);
          assert.deepEqual(await core.undoState(), { undoLabel: null, redoLabel: null });
        }
      } finally {
        await core.close();
      }
    });
  }
});
