// The CLI's issue-10 commands, table-driven: trash, restore, trash --empty --yes, edit, merge, not-duplicate,
// duplicates, and list/search --trashed; refusals exit 1 (bad input) or 2 (usage) and leave the folder byte-identical.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { rm } from 'node:fs/promises';
import { SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio } from './helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));

interface Row {
  id: string;
  title: string;
  trashed: boolean;
  doi: string | null;
  date: string;
}

async function rows(dir: string, ...extra: string[]): Promise<Row[]> {
  const run = await folio(['list', '--json', '--library', dir, ...extra]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Row[];
}

test('trash, restore, empty, edit, merge, not-duplicate, duplicates through the CLI', async () => {
  await withTempDir(async (dir) => {
    assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
    const all = await rows(dir);
    const [a, b, c] = all.map((row) => row.id);
    assert.ok(all.every((row) => row.trashed === false));

    const refusals: Array<{ args: string[]; code: number; message: RegExp }> = [
      { args: ['trash'], code: 2, message: /name at least one paper/ },
      { args: ['trash', 'p-000000000000'], code: 1, message: /p-000000000000/ },
      { args: ['trash', '--empty'], code: 1, message: /add --yes/ },
      { args: ['edit', a!], code: 2, message: /name a field/ },
      { args: ['edit', a!, '--date', 'June 2020'], code: 2, message: /--date must be/ },
      { args: ['merge', a!, a!], code: 1, message: /one paper already/ },
    ];
    for (const { args, code, message } of refusals) {
      const before = await snapshotTree(dir);
      const run = await folio([...args, '--library', dir]);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.deepEqual(await snapshotTree(dir), before, `${args.join(' ')} leaves the folder as it was`);
    }

    const trashed = await folio(['trash', a!, b!, '--library', dir]);
    assert.deepEqual([trashed.code, trashed.stdout], [0, 'Moved 2 papers to the Trash.\n']);
    assert.equal((await rows(dir)).length, all.length - 2);
    assert.deepEqual((await rows(dir, '--trashed')).map((row) => [row.id, row.trashed]).sort(), [[a, true], [b, true]].sort());
    assert.equal((await folio(['restore', b!, '--library', dir])).stdout, 'Restored 1 paper from the Trash.\n');
    assert.equal((await folio(['trash', '--empty', '--yes', '--library', dir])).stdout, 'Emptied the Trash (1 paper).\n');
    assert.deepEqual(await rows(dir, '--trashed'), []);
    assert.equal((await rows(dir)).length, all.length - 1);

    assert.equal((await folio(['edit', b!, '--title', 'Corrected Title Here', '--doi', '10.9/same', '--library', dir])).code, 0);
    assert.equal((await folio(['edit', c!, '--doi', '10.9/same', '--library', dir])).code, 0);
    const edited = (await rows(dir)).find((row) => row.id === b);
    assert.deepEqual([edited?.title, edited?.doi], ['Corrected Title Here', '10.9/same']);
    const dup = await folio(['duplicates', '--json', '--library', dir]);
    const pairs = (JSON.parse(dup.stdout) as { pairs: Array<{ a: { id: string }; b: { id: string }; reason: string }> }).pairs;
    assert.ok(pairs.some((p) => [p.a.id, p.b.id].sort().join() === [b, c].sort().join() && p.reason === 'same-doi'));
    assert.equal((await folio(['not-duplicate', b!, c!, '--library', dir])).code, 0);
    assert.ok(!(await folio(['duplicates', '--library', dir])).stdout.includes(`${b}`));
    assert.equal((await folio(['edit', b!, '--title', '', '--library', dir])).code, 0, 'an empty value reverts');
    assert.notEqual((await rows(dir)).find((row) => row.id === b)?.title, 'Corrected Title Here');
    assert.equal((await folio(['merge', b!, c!, '--library', dir])).stdout, `Merged ${c} into ${b}.\n`);
    assert.equal((await rows(dir)).length, all.length - 2);
  });
});

test('saved searches through the CLI: add, search saved:NAME, rename, list with counts, delete', async () => {
  await withTempDir(async (dir) => {
    assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
    const [a] = (await rows(dir)).map((row) => row.id);
    assert.equal((await folio(['tag', 'add', a!, 'ml/rl', '--library', dir])).code, 0);
    assert.equal((await folio(['saved', 'add', 'My ML', 'tag:ml', '--library', dir])).code, 0);
    const found = await folio(['search', 'saved:"my ml"', '--json', '--library', dir]);
    assert.deepEqual((JSON.parse(found.stdout) as Row[]).map((row) => row.id), [a], found.stderr);
    assert.equal((await folio(['saved', 'rename', 'my ml', 'Learning', '--library', dir])).code, 0);
    const listed = await folio(['saved', 'list', '--json', '--library', dir]);
    assert.deepEqual((JSON.parse(listed.stdout) as Array<{ name: string; count: number }>).map((s) => [s.name, s.count]), [['Learning', 1]]);
    const missing = await folio(['saved', 'delete', 'nope', '--library', dir]);
    assert.deepEqual([missing.code, missing.stderr], [1, 'folio: No saved search named "nope".\n']);
    assert.equal((await folio(['saved', 'delete', 'learning', '--library', dir])).code, 0);
    assert.equal((await folio(['saved', 'list', '--library', dir])).stdout, '');
    assert.equal((await folio(['saved', 'frobnicate', '--library', dir])).code, 2);
  });
});
