// A paper whose Trash was emptied, imported again through the CLI: `list --json` shows it as a new, untrashed paper
// without its old tags; and a real kill -9 at each write of that import leaves a library that lists either the state
// before it or after it (never the deleted paper back with its old user data), which importing again completes.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { faults } from '../../electron/core/library/disk.js';
import { SAMPLE_PROFILE, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio, spawnCli } from './helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));

interface Row {
  id: string;
  title: string;
  trashed: boolean;
  tags: string[];
}

async function list(dir: string, ...extra: string[]): Promise<Row[]> {
  const run = await folio(['list', '--json', '--library', dir, ...extra]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Row[];
}

/** A library whose first paper was tagged, trashed and deleted for good; returns that paper. */
async function withDeletedPaper(dir: string): Promise<Row> {
  assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
  const [deleted] = await list(dir);
  assert.equal((await folio(['tag', 'add', deleted!.id, 'old-tag', '--library', dir])).code, 0, 'tag');
  assert.equal((await folio(['trash', deleted!.id, '--library', dir])).code, 0);
  assert.equal((await folio(['trash', '--empty', '--yes', '--library', dir])).stdout, 'Emptied the Trash (1 paper).\n');
  return deleted!;
}

/** The listing is the state before the import (the paper gone) or after it (back as a new, empty paper). */
function assertBeforeOrAfter(rows: Row[], deleted: Row, label: string): 'before' | 'after' {
  assert.ok(!rows.some((row) => row.id === deleted.id), `${label}: the deleted paper stays deleted`);
  const again = rows.filter((row) => row.title === deleted.title);
  if (again.length === 0) {
    assert.equal(rows.length, 11, label);
    return 'before';
  }
  assert.equal(rows.length, 12, label);
  assert.deepEqual(again.map((row) => ({ trashed: row.trashed, tags: row.tags })), [{ trashed: false, tags: [] }], label);
  return 'after';
}

test('list --json after importing a paper whose Trash was emptied: a new paper, untrashed, untagged', async () => {
  await withTempDir(async (dir) => {
    const deleted = await withDeletedPaper(dir);
    const run = await folio(['import', SAMPLE_PROFILE, '--library', dir]);
    assert.deepEqual([run.code, run.stdout], [0, 'Updated Sabela Ramos: 1 new, 11 already present.\n']);
    assert.equal(assertBeforeOrAfter(await list(dir), deleted, 'imported'), 'after');
    assert.deepEqual(await list(dir, '--trashed'), []);
    assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).stdout, 'Imported Sabela Ramos: 0 new, 12 already present.\n');
  });
});

test('kill -9 at each write of that import: the state before or after, and importing again completes it', async (t) => {
  const template = await mkdtemp(path.join(os.tmpdir(), 'folio-reimport-deleted-'));
  t.after(() => rm(template, { recursive: true, force: true }));
  const deleted = await withDeletedPaper(template);
  // The writes of the import itself (not the session backup's copies, which a crash cannot make matter here).
  const writes: Array<{ site: string; op: string }> = [];
  await withTempDir(async (dir) => {
    await cp(template, dir, { recursive: true });
    const stop = faults.record((site, op) => writes.push({ site, op }));
    assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
    stop();
  });
  const points = writes
    .map((write, k) => ({ ...write, skip: writes.slice(0, k).filter((w) => w.site === write.site && w.op === write.op).length }))
    // Each file's write and rename, and library.json's fsyncs (the last one, of the folder, comes after the rename).
    .filter(({ site, op }) => ['abstracts', 'segment', 'library.json'].includes(site) && (['write', 'rename'].includes(op) || (site === 'library.json' && op === 'fsync')));
  assert.ok(points.length >= 8, `${points.length} writes`);
  const seen = { before: 0, after: 0 };
  for (const point of points) {
    await withTempDir(async (dir) => {
      await cp(template, dir, { recursive: true });
      const label = `kill -9 at ${point.site} ${point.op} #${point.skip}`;
      const killed = await spawnCli(['import', SAMPLE_PROFILE, '--library', dir], {
        env: { FOLIO_TEST_FAULTS: JSON.stringify([{ site: point.site, op: point.op, kind: 'crash', skip: point.skip }]) },
      });
      assert.equal(killed.signal, 'SIGKILL', `${label}: ${killed.stderr}`);
      seen[assertBeforeOrAfter(await list(dir), deleted, label)]++;
      assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0, label);
      assert.equal(assertBeforeOrAfter(await list(dir), deleted, `${label}, imported again`), 'after');
    });
  }
  assert.ok(seen.before > 0 && seen.after > 0, JSON.stringify(seen));
  t.diagnostic(`${points.length} kill -9 points: ${seen.before} left the state before, ${seen.after} the state after`);
});
