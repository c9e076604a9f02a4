// Git as the sync engine (tests/helpers/git-clones.ts) with plain files laid out as Folio's synced layout lays
// them out: per-device append-only journals and write-once files merge without a conflict, round after round, in any
// order of syncing; a file both clones rewrite (what library.json and user.json were) does conflict.
import assert from 'node:assert/strict';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { GitClones, GitConflictError } from '../../helpers/git-clones.js';
import { rng } from '../../helpers/rng.js';
import { snapshotTree } from '../../helpers/tree.js';

async function clones(t: TestContext, names: string[]): Promise<GitClones> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-git-clones-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  return GitClones.create(root, names);
}

async function workingTree(dir: string): Promise<Record<string, string>> {
  const tree = await snapshotTree(dir);
  for (const file of Object.keys(tree)) if (file.startsWith(`.git${path.sep}`)) delete tree[file];
  return tree;
}

test('three clones append to their own journals and add write-once files for 3 rounds, syncing in random orders: never a conflict, all converge', async (t) => {
  const names = ['desk', 'laptop', 'tablet'];
  const repos = await clones(t, names);
  const random = rng(23);
  const expected = new Map<string, string>();
  let pulls = 0;
  for (let round = 0; round < 3; round++) {
    for (const [i, clone] of repos.clones.entries()) {
      const device = names[i] as string;
      const dir = path.join(clone, 'devices', device);
      await mkdir(path.join(dir, 'papers'), { recursive: true });
      const journal = `devices/${device}/journal-000001.jsonl`;
      for (let line = 0; line < 1 + Math.floor(random() * 4); line++) {
        const text = `{"hlc":"${round}-${line}-${device}","ops":[{"o":"tags-add","ids":["p${line}"],"tag":"round ${round}"}]}\n`;
        await appendFile(path.join(clone, journal), text);
        expected.set(journal, (expected.get(journal) ?? '') + text);
      }
      if (random() < 0.5) {
        const segment = `devices/${device}/papers/segment-${round}.json`;
        await writeFile(path.join(clone, segment), `{"round":${round},"device":"${device}"}\n`);
        expected.set(segment, `{"round":${round},"device":"${device}"}\n`);
      }
    }
    const order = repos.clones.map((clone) => ({ clone, key: random() })).sort((x, y) => x.key - y.key);
    for (const { clone } of order) pulls += Number((await repos.sync(clone, `round ${round}`)).pulled);
  }
  // One more pass so that every clone has what the last ones pushed.
  for (const clone of repos.clones) await repos.sync(clone, 'final');
  const reference = await workingTree(repos.clones[0] as string);
  for (const clone of repos.clones) {
    assert.deepEqual(await workingTree(clone), reference);
    for (const [file, text] of expected) assert.equal(await readFile(path.join(clone, file), 'utf8'), text, `${file} in ${path.basename(clone)}`);
  }
  assert.equal(Object.keys(reference).length, expected.size);
  assert.ok(pulls >= 6, `the clones merged each other's commits (${pulls} pulls brought something)`);
});

test("a pull while this device's own journal has uncommitted lines (Folio writing between a user's commits) merges and keeps them", async (t) => {
  const repos = await clones(t, ['desk', 'laptop']);
  const [desk, laptop] = repos.clones as [string, string];
  for (const [clone, device] of [[desk, 'desk'], [laptop, 'laptop']] as const) {
    await mkdir(path.join(clone, 'devices', device), { recursive: true });
    await writeFile(path.join(clone, 'devices', device, 'journal-000001.jsonl'), `{"line":1,"by":"${device}"}\n`);
    await repos.sync(clone, 'first line');
  }
  await repos.sync(desk, 'catch up');
  await appendFile(path.join(laptop, 'devices', 'laptop', 'journal-000001.jsonl'), '{"line":2,"by":"laptop"}\n');
  await repos.sync(laptop, 'second line');
  await appendFile(path.join(desk, 'devices', 'desk', 'journal-000001.jsonl'), '{"line":2,"by":"desk","uncommitted":true}\n');
  await repos.pull(desk);
  assert.equal(await readFile(path.join(desk, 'devices', 'laptop', 'journal-000001.jsonl'), 'utf8'), '{"line":1,"by":"laptop"}\n{"line":2,"by":"laptop"}\n');
  assert.equal(await readFile(path.join(desk, 'devices', 'desk', 'journal-000001.jsonl'), 'utf8'), '{"line":1,"by":"desk"}\n{"line":2,"by":"desk","uncommitted":true}\n');
});

test('two clones appending to one journal (one device id on two computers, a cloned disk) conflict, unless .gitattributes says merge=union for journals: then every line of both is kept whole', async (t) => {
  for (const union of [false, true]) {
    const repos = await clones(t, ['desk', 'clone-of-desk']);
    const [desk, copy] = repos.clones as [string, string];
    const journal = path.join('devices', 'desk', 'journal-000001.jsonl');
    await mkdir(path.join(desk, 'devices', 'desk'), { recursive: true });
    if (union) await writeFile(path.join(desk, '.gitattributes'), 'devices/**/*.jsonl merge=union\n');
    await writeFile(path.join(desk, journal), '{"n":1}\n');
    await repos.sync(desk, 'first');
    await repos.sync(copy, 'first');
    await appendFile(path.join(desk, journal), '{"n":2,"on":"desk"}\n');
    await appendFile(path.join(copy, journal), '{"n":2,"on":"copy"}\n{"n":3,"on":"copy"}\n');
    await repos.sync(desk, 'desk');
    if (!union) {
      await assert.rejects(repos.sync(copy, 'copy'), (error: unknown) => error instanceof GitConflictError && error.paths.join() === 'devices/desk/journal-000001.jsonl');
      continue;
    }
    await repos.sync(copy, 'copy');
    await repos.sync(desk, 'desk');
    for (const clone of [desk, copy]) {
      const lines = (await readFile(path.join(clone, journal), 'utf8')).split('\n');
      assert.equal(lines.pop(), '', 'ends with a newline');
      assert.deepEqual([...lines].sort(), ['{"n":1}', '{"n":2,"on":"copy"}', '{"n":2,"on":"desk"}', '{"n":3,"on":"copy"}']);
    }
  }
});

test('a file both clones rewrite (the old library.json) conflicts: the harness reports it, so a clean run above means something', async (t) => {
  const repos = await clones(t, ['desk', 'laptop']);
  const [desk, laptop] = repos.clones as [string, string];
  await writeFile(path.join(desk, 'library.json'), '{"imports":[]}\n');
  await repos.sync(desk, 'first');
  await repos.sync(laptop, 'first');
  await writeFile(path.join(desk, 'library.json'), '{"imports":["desk"]}\n');
  await writeFile(path.join(laptop, 'library.json'), '{"imports":["laptop"]}\n');
  await repos.sync(desk, 'desk imports');
  await assert.rejects(repos.sync(laptop, 'laptop imports'), (error: unknown) => error instanceof GitConflictError && error.paths.join() === 'library.json');
});
