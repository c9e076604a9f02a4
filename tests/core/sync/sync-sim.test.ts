// The simulated sync engine itself (tests/helpers/sync-sim.ts), on real temp folders: every file arrives complete in
// the end whatever the delays, reordering, cuts and duplicates; two folders changing one file leave the same winner
// and conflict copy everywhere; a journal is seen cut mid-line on the way.
import assert from 'node:assert/strict';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { recognizeConflictCopy } from '../../../electron/core/sync/conflict-names.js';
import { rng } from '../../helpers/rng.js';
import { SyncSim, folderContents, type ConflictStyle } from '../../helpers/sync-sim.js';

async function folders(t: TestContext, n: number): Promise<string[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-sync-sim-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const out = Array.from({ length: n }, (_, i) => path.join(root, `device-${i}`));
  for (const dir of out) await mkdir(dir, { recursive: true });
  return out;
}

const isLocalOnly = (rel: string): boolean => rel === 'folio.lock' || rel.startsWith('local/');

test('random edits in 3 folders: after settling every folder holds the same files, each owner-written file complete', async (t) => {
  const totals = { scenarios: 0, writes: 0, cutShort: 0, duplicated: 0, ignoredAsOlder: 0, conflicts: 0 };
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const dirs = await folders(t, 3);
    const sim = new SyncSim(dirs, { seed, conflictStyle: 'mixed', partialStyle: 'mixed', cutChance: 0.3, duplicateChance: 0.2, isSynced: (rel) => !isLocalOnly(rel) });
    const random = rng(seed * 101);
    /** What each owner last wrote to its own files (one writer per file, as Folio's devices/<id>/ files). */
    const owned = new Map<string, string>();
    for (let round = 0; round < 60; round++) {
      const f = Math.floor(random() * dirs.length);
      const dir = dirs[f] as string;
      const roll = random();
      if (roll < 0.6) {
        const rel = `devices/d${f}/journal-00000${Math.floor(random() * 2)}.jsonl`;
        const line = `{"hlc":"${round}-${f}","ops":[{"o":"note","id":"p1","text":"line ${round} ✓"}]}\n`;
        await mkdir(path.join(dir, `devices/d${f}`), { recursive: true });
        await appendFile(path.join(dir, rel), line);
        owned.set(rel, (owned.get(rel) ?? '') + line);
      } else if (roll < 0.75) {
        // A file every device writes: what Folio must never have, here to make conflicts.
        await writeFile(path.join(dir, 'shared.json'), `{"by":${f},"round":${round}}\n`);
      } else if (roll < 0.8 && owned.size > 0) {
        const rel = [...owned.keys()].find((k) => k.startsWith(`devices/d${f}/`));
        if (rel) {
          await rm(path.join(dir, rel), { force: true });
          owned.delete(rel);
        }
      } else {
        await mkdir(path.join(dir, 'local'), { recursive: true });
        await writeFile(path.join(dir, 'local/index.cache'), `only here ${f} ${round}`);
        await writeFile(path.join(dir, 'folio.lock'), `{"pid":${f}}`);
      }
      if (random() < 0.5) await sim.scan();
      const steps = Math.floor(random() * 6);
      for (let i = 0; i < steps; i++) await sim.step();
    }
    await sim.settle();
    const synced = (rel: string): boolean => !isLocalOnly(rel);
    const first = await folderContents(dirs[0] as string, synced);
    for (const dir of dirs.slice(1)) assert.deepEqual(await folderContents(dir, synced), first, `seed ${seed}: folders differ`);
    for (const [rel, content] of owned) assert.equal(first.get(rel), content, `seed ${seed}: ${rel} arrived complete`);
    for (const rel of first.keys()) {
      if (rel.startsWith('devices/')) assert.ok(owned.has(rel), `seed ${seed}: ${rel} was deleted by its owner but came back`);
    }
    for (const [f, dir] of dirs.entries()) {
      assert.equal(await readFile(path.join(dir, 'folio.lock'), 'utf8').catch(() => `{"pid":${f}}`), `{"pid":${f}}`, 'local-only files never travel');
    }
    totals.scenarios += 1;
    totals.writes += 60;
    for (const key of ['cutShort', 'duplicated', 'ignoredAsOlder', 'conflicts'] as const) totals[key] += sim.stats[key];
  }
  // The simulator must actually exercise what it promises.
  for (const key of ['cutShort', 'duplicated', 'ignoredAsOlder', 'conflicts'] as const) assert.ok(totals[key] > 0, `no ${key} happened`);
  console.log(`sync-sim: ${JSON.stringify(totals)}`);
});

for (const style of ['syncthing', 'dropbox'] as const satisfies readonly ConflictStyle[]) {
  test(`two folders changing one file: the same winner and a ${style} conflict copy of the other in both`, async (t) => {
    const dirs = await folders(t, 2);
    const sim = new SyncSim(dirs, { seed: 7, conflictStyle: style, cutChance: 0.5 });
    for (const dir of dirs) await writeFile(path.join(dir, 'journal-000001.jsonl'), 'base\n');
    await sim.settle();
    await appendFile(path.join(dirs[0] as string, 'journal-000001.jsonl'), 'from A\n');
    await appendFile(path.join(dirs[1] as string, 'journal-000001.jsonl'), 'from B\n');
    await sim.settle();
    const [a, b] = [await folderContents(dirs[0] as string), await folderContents(dirs[1] as string)];
    assert.deepEqual(a, b);
    assert.equal(a.size, 2, [...a.keys()].join(', '));
    const copy = [...a.keys()].find((name) => name !== 'journal-000001.jsonl') as string;
    assert.deepEqual(recognizeConflictCopy(copy, (n) => n === 'journal-000001.jsonl'), { original: 'journal-000001.jsonl', family: style === 'syncthing' ? 'syncthing' : 'conflicted-copy' });
    assert.deepEqual(new Set([a.get('journal-000001.jsonl'), a.get(copy)]), new Set(['base\nfrom A\n', 'base\nfrom B\n']));
    assert.equal(sim.stats.conflicts, 2, 'each side saw the conflict once');
  });
}

test('a growing journal is seen cut mid-line on the other side, then complete', async (t) => {
  const dirs = await folders(t, 2);
  const sim = new SyncSim(dirs, { seed: 3, cutChance: 0.9, maxDelay: 0 });
  const source = path.join(dirs[0] as string, 'journal-000001.jsonl');
  const target = path.join(dirs[1] as string, 'journal-000001.jsonl');
  let text = '';
  let sawTornLine = false;
  for (let i = 0; i < 20; i++) {
    const line = `{"n":${i},"text":"${'x'.repeat(i * 3)}"}\n`;
    await appendFile(source, line);
    text += line;
    await sim.scan();
    for (let s = 0; s < 3; s++) {
      await sim.step();
      const arrived = await readFile(target, 'utf8').catch(() => '');
      assert.ok(text.startsWith(arrived), 'what arrived is always a prefix of what was written');
      if (arrived !== '' && !arrived.endsWith('\n')) sawTornLine = true;
    }
  }
  await sim.settle();
  assert.equal(await readFile(target, 'utf8'), text);
  assert.ok(sawTornLine && sim.stats.cutShort > 0, 'a line was seen cut');
});

test("'temp' partial style (as Syncthing does it): a cut delivery shows only under .syncthing.<name>.tmp, never under the file's name, and none is left", async (t) => {
  const dirs = await folders(t, 2);
  const sim = new SyncSim(dirs, { seed: 5, cutChance: 0.9, maxDelay: 0, partialStyle: 'temp' });
  const source = path.join(dirs[0] as string, 'devices', 'd0', 'journal-000001.jsonl');
  const target = path.join(dirs[1] as string, 'devices', 'd0', 'journal-000001.jsonl');
  const temporary = path.join(dirs[1] as string, 'devices', 'd0', '.syncthing.journal-000001.jsonl.tmp');
  await mkdir(path.dirname(source), { recursive: true });
  let text = '';
  const scanned: string[] = [''];
  let sawTemporary = false;
  for (let i = 0; i < 20; i++) {
    const line = `{"n":${i},"text":"${'x'.repeat(i * 3)}"}\n`;
    await appendFile(source, line);
    text += line;
    await sim.scan();
    scanned.push(text);
    for (let s = 0; s < 3; s++) {
      await sim.step();
      const arrived = await readFile(target, 'utf8').catch(() => '');
      assert.ok(scanned.includes(arrived), 'under its own name, only a whole version that was sent');
      const partial = await readFile(temporary, 'utf8').catch(() => null);
      if (partial !== null) {
        sawTemporary = true;
        assert.ok(text.startsWith(partial));
      }
    }
  }
  await sim.settle();
  assert.equal(await readFile(target, 'utf8'), text);
  assert.ok(sawTemporary && sim.stats.cutShort > 0, 'cut deliveries went to the temporary name');
  assert.deepEqual([...(await folderContents(dirs[1] as string)).keys()], ['devices/d0/journal-000001.jsonl'], 'no temporary file left, none travelled back');
  assert.deepEqual([...(await folderContents(dirs[0] as string)).keys()], ['devices/d0/journal-000001.jsonl']);
});
