// One scenario of a user with two computers, run over any real sync engine (git clones in npm test, two Syncthing
// instances in npm run test:sync): imports on both sides, concurrent tags and notes, a tag removed on one side while
// re-added on the other, then random rounds; after each sync both show the same library, equal to one device
// replaying every entry in stamp order, with every confirmed action in its device's journal.
import assert from 'node:assert/strict';
import path from 'node:path';
import { rng } from './rng.js';
import { FolioDevice, type LibraryView } from './folio-devices.js';
import { PASTES, allEntries, assertConverged, assertMatchesStampOrder, assertNothingLost, randomAction, type ConfirmedAction } from './folio-sync-checks.js';

export interface SyncEngine {
  /** From now until the next sync, what each side writes the other does not see (concurrent edits). */
  apart(): Promise<void>;
  /** Brings both folders up to date with each other. */
  sync(): Promise<void>;
}

export interface TwoComputersReport {
  syncs: number;
  actions: number;
  entries: number;
  papers: number;
}

type Paper = LibraryView['papers'][number] & { tags: string[]; note: string; status: string; title: string };

const paperTitled = (view: LibraryView, prefix: string): Paper => {
  const found = (view.papers as Paper[]).find((paper) => paper.title.toLowerCase().startsWith(prefix.toLowerCase()));
  assert.ok(found, `a paper titled "${prefix}…"`);
  return found;
};
const sortedTags = (paper: Paper): string[] => [...paper.tags].sort();

export async function twoComputers(engine: SyncEngine, [desk, laptop]: [FolioDevice, FolioDevice], referenceDir: string, options: { seed: number; rounds: number; actionsPerRound: number }): Promise<TwoComputersReport> {
  const actions: ConfirmedAction[] = [];
  let syncs = 0;
  const sync = async (context: string): Promise<LibraryView> => {
    await engine.sync();
    syncs += 1;
    const view = await assertConverged([desk, laptop], context);
    const entries = await allEntries([desk.library, laptop.library]);
    assertMatchesStampOrder(view, entries);
    assertNothingLost(actions, entries);
    return view;
  };
  const act = async (device: FolioDevice, args: string[], action: ConfirmedAction) => {
    await device.ok(args);
    actions.push(action);
  };
  const [overlapA, overlapB] = PASTES as [string, string];

  // Each computer imports a different profile (they share two papers); the result is what one computer importing both shows.
  await engine.apart();
  await act(desk, ['import', overlapA], { device: desk.id, kind: 'import', file: overlapA });
  await act(laptop, ['import', overlapB], { device: laptop.id, kind: 'import', file: overlapB });
  let view = await sync('after importing on both');
  const reference = new FolioDevice('reference', referenceDir, path.join(referenceDir, '..', 'reference-home'));
  await reference.ok(['import', overlapA]);
  await reference.ok(['import', overlapB]);
  const alone = await reference.view();
  const titles = (v: LibraryView) => v.papers.map((p) => String(p.title)).sort();
  assert.deepEqual(titles(view), titles(alone), 'the papers of one computer importing both profiles');
  assert.deepEqual(view.profiles.map((p) => [p.name, p.paperCount, p.metrics]), alone.profiles.map((p) => [p.name, p.paperCount, p.metrics]));

  // Concurrent edits of one paper's tags and one note.
  const warm = paperTitled(view, 'WARM');
  const gemma = paperTitled(view, 'Gemma 2');
  await engine.apart();
  await act(desk, ['tag', 'add', warm.id, 'ml'], { device: desk.id, kind: 'tags-add', id: warm.id, tag: 'ml' });
  await act(desk, ['note', 'set', gemma.id, 'desk: read §2 first'], { device: desk.id, kind: 'note', id: gemma.id, text: 'desk: read §2 first' });
  await act(laptop, ['tag', 'add', warm.id, 'to-read'], { device: laptop.id, kind: 'tags-add', id: warm.id, tag: 'to-read' });
  await act(laptop, ['note', 'set', gemma.id, 'laptop: compare with Gemma 3'], { device: laptop.id, kind: 'note', id: gemma.id, text: 'laptop: compare with Gemma 3' });
  view = await sync('after concurrent tags and notes');
  assert.deepEqual(sortedTags(paperTitled(view, 'WARM')), ['ml', 'to-read']);
  // The later edit is the note; the other is kept (the stamp-order replay above checked it is a revision).
  assert.equal(paperTitled(view, 'Gemma 2').note, 'laptop: compare with Gemma 3');
  const noteTexts = (await allEntries([desk.library])).flatMap((e) => e.ops).filter((op) => op.o === 'note').map((op) => (op as { text: string }).text);
  assert.ok(noteTexts.includes('desk: read §2 first'), "desk's note is still in the synced journals");

  // A tag removed on one side while the other removes and re-adds it: the re-add was not seen by the removal, so it stays.
  await act(desk, ['tag', 'add', warm.id, 'survey'], { device: desk.id, kind: 'tags-add', id: warm.id, tag: 'survey' });
  await sync('after adding survey');
  await engine.apart();
  await act(desk, ['tag', 'remove', warm.id, 'survey'], { device: desk.id, kind: 'tags-remove', id: warm.id, tag: 'survey' });
  await act(desk, ['tag', 'remove', warm.id, 'ml'], { device: desk.id, kind: 'tags-remove', id: warm.id, tag: 'ml' });
  await act(laptop, ['tag', 'remove', warm.id, 'survey'], { device: laptop.id, kind: 'tags-remove', id: warm.id, tag: 'survey' });
  await act(laptop, ['tag', 'add', warm.id, 'survey'], { device: laptop.id, kind: 'tags-add', id: warm.id, tag: 'survey' });
  await act(laptop, ['tag', 'add', warm.id, 'Graph'], { device: laptop.id, kind: 'tags-add', id: warm.id, tag: 'Graph' });
  view = await sync('after a removal against a re-add');
  assert.deepEqual(sortedTags(paperTitled(view, 'WARM')), ['Graph', 'survey', 'to-read']);

  // Random rounds: both sides act while apart, then sync.
  const random = rng(options.seed);
  for (let round = 0; round < options.rounds; round++) {
    await engine.apart();
    for (let i = 0; i < options.actionsPerRound; i++) {
      const device = random() < 0.5 ? desk : laptop;
      actions.push(await randomAction(device, random, round * 100 + i, 0.03));
    }
    view = await sync(`after random round ${round}`);
  }
  return { syncs, actions: actions.length, entries: (await allEntries([desk.library])).length, papers: view.papers.length + view.trashed.length };
}
