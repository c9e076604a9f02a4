// Re-reading stored imports when a parser improves (issue 9 §3), through FolioCore over real library folders. The
// library (reparse-fixture.ts) holds what the profile-page parser of version 3 read from a damaged copy of the sample
// page (a paper it missed, a title it lower-cased, a misread h-index, and the recovered paper's borrowed date that
// version 4 no longer invents), a BibTeX file whose title of one paper is richer than the page's, and user data. Re-reading adds the missed paper, corrects what came from the page, leaves the BibTeX title, user
// data and tags alone, and writes nothing when nothing is stale; a fault or crash at each of its writes leaves the
// library as it was or as the commit makes it, and a retry finishes it.
import assert from 'node:assert/strict';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import { Library, NotSavedError } from '../../electron/core/library/index.js';
import { SimulatedCrash, faults, type DiskOp, type FaultKind } from '../../electron/core/library/disk.js';
import { PARSER_VERSION } from '../../electron/core/parse/index.js';
import { SAMPLE_PROFILE, snapshotTree } from '../helpers/tree.js';
import { ABOVE, BIBTEX_TITLE, CORRECTED, MISSED, RECOVERED, RICHER_ELSEWHERE, TODAY, version3Copy } from './reparse-fixture.js';

afterEach(() => faults.clear());

function open(dir: string, readOnly = false): Promise<FolioCore> {
  return FolioCore.open(dir, { readOnly, repairs: 'before-first-write', samplePath: SAMPLE_PROFILE });
}

/**
 * Everything a re-read may and may not change, as the store holds it after a reopen. Papers not among `known` get
 * "(added)" for their addedAt: they were added when the re-read was committed.
 */
async function storeView(dir: string, known?: ReadonlySet<string>): Promise<{ papers: unknown[]; profiles: unknown; imports: unknown; user: Array<[string, unknown]>; tags: unknown }> {
  const lib = await Library.open(dir, { readOnly: true });
  try {
    return {
      papers: lib.papers().map((p) => ({ ...p, addedAt: known === undefined || known.has(p.id) ? p.addedAt : '(added)' })),
      profiles: lib.profiles(),
      imports: lib.imports().map((r) => [r.id, r.source, r.parserVersion, r.papersFound]),
      user: lib.papers().map((p): [string, unknown] => [p.id, lib.userData(p.id)]),
      tags: lib.tagDefinitions(),
    };
  } finally {
    await lib.close();
  }
}

test('re-reading a version-3 profile-page import: the missed paper, the corrected title, the borrowed date gone, the h-index; the BibTeX title, user data and tags untouched', async (t) => {
  const dir = await version3Copy(t);
  const before = await storeView(dir);
  const tree = await snapshotTree(dir);
  const reader = await open(dir, true);
  const overview = await reader.overview();
  assert.equal(overview.staleImports, 1, 'the page (version 3), not the BibTeX file');
  const plan = await reader.planReparse();
  await reader.close();
  assert.deepEqual(await snapshotTree(dir), tree, 'planning writes nothing');

  const stored = (title: string | undefined) => (before.papers as Array<{ id: string; title: string }>).find((p) => p.title.toLowerCase() === title?.toLowerCase());
  assert.deepEqual(
    [plan.staleImports, plan.newPapers, plan.correctedPapers, plan.correctedFields, plan.metricChanges, plan.failedImports],
    [1, 1, 2, 2, 1, 0],
  );
  const [item] = plan.imports;
  assert.ok(item);
  assert.deepEqual([item.source, item.sourceLabel, item.label, item.fromVersion, item.toVersion, item.error], [
    'profile-page', 'Profile page', TODAY.profile?.name, PARSER_VERSION - 1, PARSER_VERSION, null,
  ]);
  assert.deepEqual(item.newPapers, [MISSED?.title]);
  assert.deepEqual(item.corrections, [
    { paperId: stored(CORRECTED?.title)?.id, title: CORRECTED?.title.toLowerCase(), field: 'title', before: CORRECTED?.title.toLowerCase(), after: CORRECTED?.title },
    { paperId: stored(RECOVERED?.title)?.id, title: RECOVERED?.title, field: 'date', before: ABOVE?.date, after: '' },
  ]);
  const hIndex = TODAY.profile?.metrics.hIndex ?? 0;
  assert.deepEqual(item.metricChanges.map((m) => [m.profileName, m.metric, m.before, m.after]), [[TODAY.profile?.name, 'hIndex', hIndex - 1, hIndex]]);

  const core = await open(dir);
  const result = await core.commitReparse();
  assert.deepEqual(result, { reread: 1, added: 1, correctedPapers: 2, correctedFields: 2, metricChanges: 1, failedImports: 0 });
  assert.equal((await core.overview()).staleImports, 0);
  const found = await core.listPapers('');
  await core.close();

  const after = await storeView(dir);
  assert.deepEqual(after.user.slice(0, before.user.length), before.user, 'every paper\'s tags, note and status as they were');
  assert.deepEqual(after.user.at(-1), [(after.papers.at(-1) as { id: string }).id, { tags: [], note: '', status: 'unread' }]);
  assert.deepEqual(after.tags, before.tags);
  const paper = (title: string | undefined) => found.papers.find((p) => p.title === title);
  assert.equal(paper(CORRECTED?.title)?.id, stored(CORRECTED?.title)?.id, 'the corrected title, same id');
  assert.deepEqual([paper(RECOVERED?.title)?.date, paper(RECOVERED?.title)?.year], ['', null], 'no borrowed date');
  assert.equal(paper(BIBTEX_TITLE)?.id, stored(RICHER_ELSEWHERE?.title)?.id, 'the BibTeX title kept: it came from a richer source');
  const missed = paper(MISSED?.title);
  assert.ok(missed, 'the missed paper');
  assert.deepEqual(missed.profiles, [TODAY.profile?.name]);
  assert.match(missed.citeKey, /^[a-z]+\d{4}[a-z0-9]+$/);
  const profile = (after.profiles as Array<{ metrics: { hIndex: number }; history: Array<{ metrics: { hIndex: number } }>; paperIds: string[] }>)[0];
  assert.deepEqual([profile?.metrics.hIndex, profile?.history.map((s) => s.metrics.hIndex)], [hIndex, [hIndex]], 'the snapshot corrected, not added');
  assert.equal(profile?.paperIds.at(-1), missed.id);
  assert.deepEqual(after.imports, [
    [(before.imports as string[][])[0]?.[0], 'profile-page', PARSER_VERSION, TODAY.papers.length],
    (before.imports as unknown[])[1],
  ]);
  // Fields of untouched papers, and of the corrected ones apart from the corrections, as they were.
  const untouched = new Set([stored(CORRECTED?.title)?.id, stored(RECOVERED?.title)?.id]);
  for (const record of before.papers as Array<{ id: string }>) {
    if (!untouched.has(record.id)) assert.deepEqual(after.papers.find((p) => (p as { id: string }).id === record.id), record);
  }

  const settled = await snapshotTree(dir);
  const again = await open(dir);
  assert.deepEqual(await again.commitReparse(), { reread: 0, added: 0, correctedPapers: 0, correctedFields: 0, metricChanges: 0, failedImports: 0 });
  await again.close();
  assert.deepEqual(await snapshotTree(dir), settled, 'nothing stale: nothing written');
});

test('an import whose stored text is missing is named in the plan; committing marks it read and changes nothing else', async (t) => {
  const dir = await version3Copy(t);
  const lib = await Library.open(dir, { readOnly: true });
  const file = lib.imports()[0]?.file as string;
  await lib.close();
  await unlink(path.join(dir, 'imports', file));
  const before = await storeView(dir);
  const core = await open(dir);
  const plan = await core.planReparse();
  assert.deepEqual([plan.staleImports, plan.failedImports, plan.newPapers, plan.correctedFields], [1, 1, 0, 0]);
  assert.equal(plan.imports[0]?.error, `Its stored text imports/${file} is missing.`);
  assert.equal((await core.commitReparse()).failedImports, 1);
  assert.equal((await core.overview()).staleImports, 0);
  await core.close();
  const after = await storeView(dir);
  assert.deepEqual([after.papers, after.profiles, after.user, after.tags], [before.papers, before.profiles, before.user, before.tags]);
});

test('a read-only library plans a re-read but refuses to commit it', async (t) => {
  const dir = await version3Copy(t);
  const tree = await snapshotTree(dir);
  const core = await open(dir, true);
  assert.equal((await core.planReparse()).newPapers, 1);
  await assert.rejects(core.commitReparse(), { name: 'ReadOnlyLibraryError' });
  await core.close();
  assert.deepEqual(await snapshotTree(dir), tree);
});

test('a fault or a crash at each write of a re-read: the library is as it was or as the commit makes it, and a retry finishes it', async (t) => {
  const reference = await version3Copy(t);
  const before = await storeView(reference);
  const ops: Array<{ site: string; op: DiskOp }> = [];
  const core = await open(reference);
  await core.library.prepareForWrites(); // the session's own repairs are not the re-read's writes
  const stop = faults.record((site, op) => ops.push({ site, op }));
  await core.commitReparse();
  stop();
  await core.close();
  const known = new Set((before.papers as Array<{ id: string }>).map((p) => p.id));
  const after = await storeView(reference, known);
  assert.notDeepEqual(after.papers, before.papers);
  const sites = new Set(ops.map((o) => o.site));
  for (const site of ['segment', 'abstracts', 'library.json']) assert.ok(sites.has(site), `${site} among ${[...sites].join(', ')}`);

  const kinds: FaultKind[] = ['ENOSPC', 'EIO', 'crash'];
  let runs = 0;
  for (const [k, at] of ops.entries()) {
    const skip = ops.slice(0, k).filter((o) => o.site === at.site && o.op === at.op).length;
    for (const kind of at.op === 'write' ? [...kinds, 'short' as const] : kinds) {
      const label = `${kind} at write ${k} (${at.site} ${at.op})`;
      const dir = await version3Copy(t);
      const run = await open(dir);
      await run.library.prepareForWrites();
      faults.inject({ site: at.site, op: at.op, kind, skip, times: kind === 'crash' ? 1 : undefined });
      const outcome = await run.commitReparse().then(
        () => 'resolved',
        (error: unknown) => {
          if (kind === 'crash') assert.ok(error instanceof SimulatedCrash || faults.crashed, `${label}: ${String(error)}`);
          else assert.ok(error instanceof NotSavedError, `${label}: ${String(error)}`);
          return 'rejected';
        },
      );
      await run.close().catch(() => undefined);
      faults.clear();
      const shown = JSON.stringify(await storeView(dir, known));
      // Best-effort copies (backups of the segment) may fail without failing the commit.
      if (outcome === 'resolved') assert.equal(shown, JSON.stringify(after), `${label}: resolved, so applied`);
      else assert.ok(shown === JSON.stringify(before) || shown === JSON.stringify(after), `${label}: as it was, or applied`);
      const retry = await open(dir);
      await retry.commitReparse();
      await retry.close();
      assert.deepEqual(await storeView(dir, known), after, `${label}: a retry finishes it`);
      runs++;
    }
  }
  t.diagnostic(`${ops.length} writes in a re-read's commit; ${runs} runs with a fault or crash`);
});
