// Two real Syncthing instances (npm run test:sync) moving plain files the way Folio's synced layout uses them:
// files written once, per-device append-only journals growing on both sides while apart (which never conflict) or
// while syncing (the other side only ever shows a prefix), a file rewritten on both sides (which does, and leaves a
// conflict copy conflict-names.ts recognises), the temporary names of arriving files, a kill -9 of the receiving
// instance mid-transfer (nothing cut short under a Folio name; what it leaves is an arriving file), and deletions.
import assert from 'node:assert/strict';
import { watch } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { recognizeArrivingFile, recognizeConflictCopy } from '../../electron/core/sync/conflict-names.js';
import { rng } from '../helpers/rng.js';
import { startSyncthingPair, type SyncthingPair } from '../helpers/syncthing.js';
import { snapshotTree } from '../helpers/tree.js';

/** Syncthing's own folder marker is the one file that is not the test's. */
async function contents(dir: string): Promise<Record<string, string>> {
  const tree = await snapshotTree(dir);
  for (const file of Object.keys(tree)) if (file.startsWith('.stfolder')) delete tree[file];
  return tree;
}

async function names(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).filter((name) => !name.startsWith('.stfolder')).sort();
}

describe('Syncthing, two instances on 127.0.0.1, plain files', () => {
  let root: string;
  let pair: SyncthingPair;
  let a: string;
  let b: string;

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'folio-syncthing-files-'));
    pair = await startSyncthingPair(root, [path.join(root, 'a'), path.join(root, 'b')]);
    [a, b] = pair.folders;
  });
  after(async () => {
    await pair?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('files written on either side arrive byte-identical, in nested folders, large and small, with no temp files left', async () => {
    const random = rng(11);
    const big = Buffer.alloc(3 << 20);
    for (let i = 0; i < big.length; i++) big[i] = Math.floor(random() * 256);
    await mkdir(path.join(a, 'devices', 'alpha', 'papers'), { recursive: true });
    await mkdir(path.join(b, 'devices', 'beta', 'imports'), { recursive: true });
    await writeFile(path.join(a, 'devices', 'alpha', 'papers', 'segment-1.json'), big);
    await writeFile(path.join(a, 'devices', 'alpha', 'device.json'), '{"deviceId":"alpha","name":"Ann’s laptop ✓"}\n');
    await writeFile(path.join(b, 'devices', 'beta', 'imports', 'abc.txt'), 'Sabela Ramos\nGoogle Scholar\n');
    const report = await pair.waitInSync();
    assert.deepEqual(await contents(b), await contents(a));
    assert.equal(Object.keys(await contents(a)).length, 3);
    assert.equal(report.globalFiles, 3);
    assert.deepEqual((await names(a)).filter((name) => name.includes('.syncthing.')), []);
  });

  it('per-device journals appended on both sides while apart, three rounds: both converge, never a conflict copy', async () => {
    const expected = { alpha: '', beta: '' };
    await mkdir(path.join(a, 'devices', 'alpha'), { recursive: true });
    await mkdir(path.join(b, 'devices', 'beta'), { recursive: true });
    for (let round = 0; round < 3; round++) {
      await pair.disconnect();
      for (let line = 0; line < 20; line++) {
        for (const [device, dir] of [['alpha', a], ['beta', b]] as const) {
          const text = `{"hlc":"${round}-${line}-${device}","ops":[{"o":"note","id":"p1","text":"round ${round} ✓"}]}\n`;
          await appendFile(path.join(dir, 'devices', device, 'journal-000001.jsonl'), text);
          expected[device] += text;
        }
      }
      await pair.reconnect();
      await pair.waitInSync();
      for (const dir of [a, b]) {
        assert.equal(await readFile(path.join(dir, 'devices', 'alpha', 'journal-000001.jsonl'), 'utf8'), expected.alpha);
        assert.equal(await readFile(path.join(dir, 'devices', 'beta', 'journal-000001.jsonl'), 'utf8'), expected.beta);
      }
      assert.deepEqual(await contents(b), await contents(a));
      assert.deepEqual((await names(a)).filter((name) => name.includes('sync-conflict')), []);
    }
  });

  it('a file rewritten on both sides while apart: the later change wins on both (as sync-sim.ts models it), the other is the same conflict copy on both', async () => {
    await writeFile(path.join(a, 'shared.json'), '{"v":0}\n');
    await pair.waitInSync();
    await pair.disconnect();
    await writeFile(path.join(a, 'shared.json'), '{"v":"alpha"}\n');
    await writeFile(path.join(b, 'shared.json'), '{"v":"beta, later and longer"}\n');
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(path.join(a, 'shared.json'), minuteAgo, minuteAgo);
    await pair.reconnect();
    await pair.waitInSync();
    assert.deepEqual(await contents(b), await contents(a));
    const copies = (await names(a)).filter((name) => name.includes('sync-conflict'));
    assert.equal(copies.length, 1, `one conflict copy: ${copies.join(', ')}`);
    const copy = copies[0] as string;
    assert.deepEqual(recognizeConflictCopy(copy, (name) => name === 'shared.json'), { original: 'shared.json', family: 'syncthing' });
    assert.equal(await readFile(path.join(a, 'shared.json'), 'utf8'), '{"v":"beta, later and longer"}\n');
    assert.equal(await readFile(path.join(a, copy), 'utf8'), '{"v":"alpha"}\n');
  });

  it('a journal growing while it syncs: every version the other side shows is a prefix of the final one, never a mix', async () => {
    const journal = path.join('devices', 'alpha', 'journal-000002.jsonl');
    await mkdir(path.join(a, 'devices', 'alpha'), { recursive: true });
    let written = '';
    const seen = new Set<string>();
    let appending = true;
    const sample = (async () => {
      while (appending) {
        seen.add(await readFile(path.join(b, journal), 'utf8').catch(() => ''));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    // Bursts of appends (the sync may catch one midway), each then waited for on the other side.
    for (let line = 0; line < 200; line++) {
      const text = `{"hlc":"${String(line).padStart(6, '0')}-alpha","ops":[{"o":"note","id":"p${line}","text":"${'x'.repeat(line % 97)}"}]}\n`;
      await appendFile(path.join(a, journal), text);
      written += text;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (line % 50 === 49) {
        const deadline = Date.now() + 60_000;
        while ((await readFile(path.join(b, journal), 'utf8').catch(() => '')) !== written) {
          assert.ok(Date.now() < deadline, `burst ${line} arrived`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }
    await pair.waitInSync();
    appending = false;
    await sample;
    seen.add(await readFile(path.join(b, journal), 'utf8'));
    assert.equal(await readFile(path.join(b, journal), 'utf8'), written);
    const versions = [...seen].filter((text) => text !== '');
    for (const text of versions) assert.ok(written.startsWith(text), `a version of ${text.length} bytes is a prefix`);
    assert.ok(versions.length >= 4, `the other side saw the journal grow (${versions.length} versions)`);
  });

  it("Syncthing writes an arriving file under a temporary name that conflict-names.ts recognises as arriving", async () => {
    const dir = path.join(b, 'devices', 'alpha', 'papers');
    await mkdir(dir, { recursive: true });
    const names = new Set<string>();
    const watcher = watch(dir, (_event, name) => name && names.add(String(name)));
    try {
      await mkdir(path.join(a, 'devices', 'alpha', 'papers'), { recursive: true });
      await writeFile(path.join(a, 'devices', 'alpha', 'papers', 'segment-2.json'), Buffer.alloc(8 << 20, 7));
      await pair.waitInSync();
    } finally {
      watcher.close();
    }
    const temporary = [...names].filter((name) => name !== 'segment-2.json' && name !== path.basename(dir));
    assert.ok(temporary.length > 0, `a temporary name was used (saw ${[...names].join(', ')})`);
    for (const name of temporary) assert.deepEqual(recognizeArrivingFile(name, (n) => n === 'segment-2.json'), { original: 'segment-2.json', engine: 'syncthing' });
  });

  it('kill -9 of the receiving instance mid-transfer: the file never shows cut short under its own name; after a restart it arrives whole', async () => {
    const dir = path.join(b, 'devices', 'alpha', 'imports');
    await mkdir(dir, { recursive: true });
    await mkdir(path.join(a, 'devices', 'alpha', 'imports'), { recursive: true });
    const random = rng(29);
    const big = Buffer.alloc(48 << 20);
    for (let i = 0; i < big.length; i += 4096) big[i] = Math.floor(random() * 256);
    const receiver = pair.instances[1];
    const sawTemporary = new Promise<string>((resolve) => {
      // Linux may also report the watched folder itself by its own name.
      const watcher = watch(dir, (_event, name) => {
        if (name && String(name) !== 'big.txt' && String(name) !== path.basename(dir)) {
          watcher.close();
          resolve(String(name));
        }
      });
    });
    await writeFile(path.join(a, 'devices', 'alpha', 'imports', 'big.txt'), big);
    await pair.instances[0].rest('POST', `/rest/db/scan?folder=${pair.folderId}`);
    const temporary = await sawTemporary;
    await receiver.crash();
    const left = await readdir(dir);
    // Whatever the kill left: the final name only if complete, anything else under a name Folio reads as arriving.
    if (left.includes('big.txt')) assert.ok((await readFile(path.join(dir, 'big.txt'))).equals(big), 'big.txt, if there, is whole');
    for (const name of left.filter((n) => n !== 'big.txt')) assert.ok(recognizeArrivingFile(name, (n) => n === 'big.txt'), `${name} is an arriving file`);
    await receiver.restart();
    await pair.reconnect();
    await pair.waitInSync();
    assert.ok((await readFile(path.join(dir, 'big.txt'))).equals(big));
    assert.ok(recognizeArrivingFile(temporary, (n) => n === 'big.txt'), `${temporary} (left by the kill: ${left.join(", ")})`);
  });

  it('a deletion travels', async () => {
    await rm(path.join(b, 'devices', 'beta', 'imports', 'abc.txt'));
    await pair.waitInSync();
    assert.deepEqual(await contents(b), await contents(a));
    assert.equal((await names(a)).includes(path.join('devices', 'beta', 'imports', 'abc.txt')), false);
  });
});
