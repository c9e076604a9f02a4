// `folio reparse [--dry-run] [--json]` over a library a version-3 profile-page parser left (reparse-fixture.ts): the
// dry run prints the plan and leaves the folder byte-identical; the real run applies it and says so; a second run
// has nothing to do and writes nothing; a process killed at the commit's library.json rename leaves a library that a
// second run finishes; a read-only folder refuses with one line.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import { PARSER_VERSION } from '../../electron/core/parse/index.js';
import { snapshotTree } from '../helpers/tree.js';
import { ABOVE, CORRECTED, MISSED, RECOVERED, TODAY, version3Copy } from '../core/reparse-fixture.js';
import { CACHE_DIR, folio, lines, spawnCli } from './helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));

test('reparse --dry-run prints what would change and writes nothing; reparse applies it; a second run has nothing to do', async (t) => {
  const dir = await version3Copy(t);
  const tree = await snapshotTree(dir);
  const dry = await folio(['reparse', '--dry-run', '--library', dir]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.equal(dry.stderr, '');
  assert.deepEqual(lines(dry.stdout), [
    'Would re-read 1 stored import: 1 new paper, 2 fields corrected in 2 papers, 1 metric corrected. Nothing was changed.',
    `Profile page ${JSON.stringify(TODAY.profile?.name)} (imported ${lines(dry.stdout)[1]?.match(/imported (\S+),/)?.[1]}, parser ${PARSER_VERSION - 1} -> ${PARSER_VERSION}):`,
    `  new paper: ${JSON.stringify(MISSED?.title)}`,
    `  ${JSON.stringify(CORRECTED?.title.toLowerCase())}: title ${JSON.stringify(CORRECTED?.title.toLowerCase())} -> ${JSON.stringify(CORRECTED?.title)}`,
    `  ${JSON.stringify(RECOVERED?.title)}: date ${JSON.stringify(ABOVE?.date)} -> ""`,
    `  ${JSON.stringify(TODAY.profile?.name)}: hIndex ${(TODAY.profile?.metrics.hIndex ?? 0) - 1} -> ${TODAY.profile?.metrics.hIndex}`,
  ]);
  const json = await folio(['reparse', '--dry-run', '--json', '--library', dir]);
  const plan = JSON.parse(json.stdout) as { staleImports: number; newPapers: number; imports: Array<{ newPapers: string[] }> };
  assert.deepEqual([plan.staleImports, plan.newPapers, plan.imports[0]?.newPapers], [1, 1, [MISSED?.title]]);
  assert.deepEqual(await snapshotTree(dir), tree, 'the dry runs changed nothing');

  const run = await folio(['reparse', '--library', dir]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, 'Re-read 1 stored import: 1 new paper, 2 fields corrected in 2 papers, 1 metric corrected.\n');
  const list = JSON.parse((await folio(['list', '--json', '--library', dir])).stdout) as Array<{ title: string; date: string }>;
  assert.ok(list.some((p) => p.title === MISSED?.title));
  assert.equal(list.find((p) => p.title === RECOVERED?.title)?.date, '');

  const settled = await snapshotTree(dir);
  const again = await folio(['reparse', '--json', '--library', dir]);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout), { reread: 0, added: 0, correctedPapers: 0, correctedFields: 0, metricChanges: 0, failedImports: 0 });
  assert.equal((await folio(['reparse', '--library', dir])).stdout, 'No stored import needs re-reading.\n');
  assert.deepEqual(await snapshotTree(dir), settled, 'nothing stale: nothing written');
});

test('reparse killed at its library.json rename: nothing applied, and the next reparse finishes it', async (t) => {
  const dir = await version3Copy(t);
  const before = (await folio(['list', '--json', '--library', dir])).stdout;
  const killed = await spawnCli(['reparse', '--library', dir], {
    env: { FOLIO_TEST_FAULTS: JSON.stringify([{ site: 'library.json', op: 'rename', kind: 'crash', skip: 0 }]) },
  });
  assert.equal(killed.signal, 'SIGKILL', killed.stderr);
  assert.equal((await folio(['list', '--json', '--library', dir])).stdout, before, 'as it was');
  const run = await folio(['reparse', '--library', dir]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Re-read 1 stored import: 1 new paper/);
});

test('reparse with an argument is a usage error; on a missing folder one line', async (t) => {
  const usage = await folio(['reparse', 'now', '--library', '/nonexistent']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^folio: expected: folio reparse \[--dry-run\] \[--json\]/);
  const dir = await version3Copy(t);
  const missing = await folio(['reparse', '--library', `${dir}-missing`]);
  assert.deepEqual([missing.code, lines(missing.stderr)], [1, [`folio: No library at ${dir}-missing`]]);
});
