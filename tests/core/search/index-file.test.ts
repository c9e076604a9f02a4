// The persisted search index: an engine restored from a file must answer every query exactly as the engine
// that wrote it (and as one built from scratch), whatever state it was saved in (fresh build, edits in the
// delta lists, dead slots, new vocabulary), and a file that does not fit is refused with a reason, never used.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import type { SearchDoc } from '../../../electron/core/search/index.js';
import { SearchEngine } from '../../../electron/core/search/index.js';
import { INDEX_FILE_FORMAT, decodeIndexFile, readIndexFile, writeIndexFile } from '../../../electron/core/search/index-file.js';
import { withTempDir } from '../../helpers/tree.js';
import { CORPUS } from './corpus.js';

const QUERIES = [
  'distillation',
  'leonard',
  'reinforcement learning',
  'distilation',
  'hus',
  'tag:rl',
  'status:read',
  'gemma -practical',
  'xqzvkwpl',
  'cat:LG model',
  'author:hussenot',
  'jeffreys',
  'zebrafish',
  '张',
];

function many(n: number): SearchDoc[] {
  const out: SearchDoc[] = [];
  for (let i = 0; i < n; i++) {
    const base = CORPUS[i % CORPUS.length] as SearchDoc;
    out.push({ ...base, id: `${base.id}#${i}`, note: i % 7 === 0 ? `copy ${i} of ${base.id}` : base.note });
  }
  return out;
}

function answers(engine: SearchEngine): Array<{ q: string; ids: string[]; total: number; top: string[] }> {
  return QUERIES.map((q) => {
    const full = engine.search(q);
    return { q, ids: full.ids, total: full.total, top: engine.search(q, undefined, { limit: 20 }).ids };
  });
}

async function roundTrip(dir: string, engine: SearchEngine, docs: Iterable<SearchDoc>): Promise<{ restored: SearchEngine; reindexed: number }> {
  const snapshot = engine.snapshot();
  assert.ok(snapshot, 'a finished engine has a snapshot');
  const file = path.join(dir, 'cache', 'search-index.bin');
  await writeIndexFile(file, 'key-1', snapshot);
  const read = await readIndexFile(file, 'key-1');
  assert.ok(read.ok, read.ok ? '' : read.reason);
  const restored = new SearchEngine();
  const outcome = await restored.restoreAsync(read.snapshot, docs);
  assert.ok(outcome);
  return { restored, reindexed: outcome.reindexed };
}

describe('search index file', () => {
  const docs = many(1200);

  // Each row puts the writing engine in a different state before it is saved.
  const states: Array<{ name: string; prepare: (engine: SearchEngine, live: Map<string, SearchDoc>) => void }> = [
    { name: 'fresh bulk build', prepare: () => undefined },
    {
      name: 'edits after the build (delta lists, dead slots, a new word)',
      prepare: (engine, live) => {
        for (let i = 0; i < 300; i += 3) {
          const d = live.get(`${(CORPUS[i % CORPUS.length] as SearchDoc).id}#${i}`) as SearchDoc;
          const edited = { ...d, note: `now mentions zebrafish ${i}`, tags: [...d.tags, 'edited'] };
          live.set(d.id, edited);
          engine.upsert(edited);
        }
      },
    },
    {
      name: 'papers removed and added',
      prepare: (engine, live) => {
        for (let i = 0; i < 100; i++) {
          const id = `${(CORPUS[i % CORPUS.length] as SearchDoc).id}#${i}`;
          live.delete(id);
          engine.remove(id);
        }
        for (let i = 0; i < 50; i++) {
          const d = { ...(CORPUS[i % CORPUS.length] as SearchDoc), id: `added-${i}`, title: `Zebrafish study ${i}` };
          live.set(d.id, d);
          engine.upsert(d);
        }
      },
    },
    {
      name: 'enough edits to compact the block',
      prepare: (engine, live) => {
        for (const d of [...live.values()].slice(0, 700)) {
          const edited = { ...d, note: `${d.note} reviewed` };
          live.set(d.id, edited);
          engine.upsert(edited);
        }
      },
    },
  ];

  for (const state of states) {
    test(`restored engine answers like the saved one and a fresh build: ${state.name}`, () =>
      withTempDir(async (dir) => {
        const live = new Map(docs.map((d) => [d.id, d]));
        const saved = new SearchEngine();
        saved.addAll(docs);
        state.prepare(saved, live);
        const { restored, reindexed } = await roundTrip(dir, saved, live.values());
        const fresh = new SearchEngine();
        fresh.addAll(live.values());
        assert.equal(reindexed, 0, 'nothing changed since the save');
        assert.equal(restored.size, live.size);
        const want = answers(saved);
        assert.deepEqual(answers(restored), want);
        // Ranking ties break by document number, which a restore assigns in library order like a fresh build;
        // the hit sets and totals must match a fresh build exactly.
        for (const [i, row] of answers(fresh).entries()) {
          assert.equal(row.total, want[i]?.total, row.q);
          assert.deepEqual([...row.ids].sort(), [...(want[i]?.ids ?? [])].sort(), row.q);
        }
      }));
  }

  test('papers edited or added after the save are re-indexed at restore; removed ones are gone', () =>
    withTempDir(async (dir) => {
      const saved = new SearchEngine();
      saved.addAll(docs);
      const snapshot = saved.snapshot();
      assert.ok(snapshot);
      const file = path.join(dir, 'search-index.bin');
      await writeIndexFile(file, 'k', snapshot);
      const now = new Map(docs.map((d) => [d.id, d]));
      const first = docs[0] as SearchDoc;
      now.set(first.id, { ...first, note: 'mentions zebrafish now' });
      now.delete((docs[1] as SearchDoc).id);
      now.set('brand-new', { ...first, id: 'brand-new', title: 'Axolotl regeneration', note: '' });
      const read = await readIndexFile(file, 'k');
      assert.ok(read.ok);
      const restored = new SearchEngine();
      const outcome = await restored.restoreAsync(read.snapshot, now.values());
      assert.deepEqual(outcome, { reused: now.size - 2, reindexed: 2 });
      assert.deepEqual(restored.search('zebrafish').ids, [first.id]);
      assert.deepEqual(restored.search('axolotl').ids, ['brand-new']);
      assert.equal(restored.numOf((docs[1] as SearchDoc).id), -1);
      const fresh = new SearchEngine();
      fresh.addAll(now.values());
      for (const q of QUERIES) assert.deepEqual([...restored.search(q).ids].sort(), [...fresh.search(q).ids].sort(), q);
    }));

  test('edits that arrive while a restore runs are applied after it', () =>
    withTempDir(async (dir) => {
      const saved = new SearchEngine();
      saved.addAll(docs);
      const snapshot = saved.snapshot();
      assert.ok(snapshot);
      await writeIndexFile(path.join(dir, 'i.bin'), 'k', snapshot);
      const read = await readIndexFile(path.join(dir, 'i.bin'), 'k');
      assert.ok(read.ok);
      const restored = new SearchEngine();
      const target = docs[500] as SearchDoc;
      const running = restored.restoreAsync(
        read.snapshot,
        (function* () {
          for (const [i, d] of docs.entries()) {
            // Mid-restore (before and after the target is registered): an edit and a removal arrive.
            if (i === 300) restored.upsert({ ...target, note: 'okapi sighting' });
            if (i === 900) restored.remove((docs[10] as SearchDoc).id);
            yield d;
          }
        })(),
      );
      await running;
      assert.deepEqual(restored.search('okapi').ids, [target.id]);
      assert.equal(restored.numOf((docs[10] as SearchDoc).id), -1);
    }));

  for (const fill of ['in the background', 'on the first filtered search'] as const) {
    test(`filters left out by a restore are filled ${fill}, with edits made meanwhile`, () =>
      withTempDir(async (dir) => {
        const saved = new SearchEngine();
        saved.addAll(docs);
        const { restored } = await roundTrip(dir, saved, docs);
        const live = new Map(docs.map((d) => [d.id, d]));
        // Before the filters are filled: a tag and status change, a removal, a new paper.
        const a = docs[5] as SearchDoc;
        const b = docs[900] as SearchDoc;
        live.set(a.id, { ...a, tags: ['fresh-tag'], status: 'read' });
        restored.upsert(live.get(a.id) as SearchDoc);
        live.delete(b.id);
        restored.remove(b.id);
        const added = { ...a, id: 'added-late', tags: ['fresh-tag'], date: '2031-02-03' };
        live.set(added.id, added);
        restored.upsert(added);
        if (fill === 'in the background') await restored.completeFiltersAsync();
        const fresh = new SearchEngine();
        fresh.addAll(live.values());
        for (const q of ['tag:fresh-tag', 'status:read', 'year:2031', 'tag:rl', 'cat:LG model', 'status:unread distillation']) {
          assert.deepEqual([...restored.search(q).ids].sort(), [...fresh.search(q).ids].sort(), q);
        }
        assert.deepEqual([...restored.search('', { tag: 'fresh-tag' }).ids].sort(), [a.id, 'added-late'].sort());
      }));
  }

  test('an unfinished engine has no snapshot', () => {
    const engine = new SearchEngine();
    for (const d of docs.slice(0, 10)) engine.upsert(d);
    assert.equal(engine.snapshot(), null);
  });

  test('a file that does not fit is refused with a reason', () =>
    withTempDir(async (dir) => {
      const engine = new SearchEngine();
      engine.addAll(docs.slice(0, 200));
      const snapshot = engine.snapshot();
      assert.ok(snapshot);
      const file = path.join(dir, 'search-index.bin');
      await writeIndexFile(file, 'the-key', snapshot);
      const good = await readFile(file);
      const flip = (at: number): Buffer => {
        const copy = Buffer.from(good);
        copy[at] = (copy[at] as number) ^ 0xff;
        return copy;
      };
      const headerLength = good.readUInt32LE(8);
      // A header rewritten consistently (valid checksum): what a future or buggy writer could produce.
      const withHeader = (bytes: Buffer, change: (header: any) => unknown): Buffer => {
        const header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength));
        const json = Buffer.from(JSON.stringify(change(header)), 'utf8');
        const prefix = Buffer.alloc(Math.ceil((16 + json.length) / 8) * 8);
        bytes.copy(prefix, 0, 0, 8);
        prefix.writeUInt32LE(json.length, 8);
        prefix.writeUInt32LE(crc32(json), 12);
        json.copy(prefix, 16);
        return Buffer.concat([prefix, bytes.subarray(Math.ceil((16 + headerLength) / 8) * 8)]);
      };
      const rows: Array<{ name: string; bytes: Buffer; key?: string; reason: RegExp }> = [
        { name: 'another library state', bytes: good, key: 'other-key', reason: /another state/ },
        { name: 'not an index file', bytes: Buffer.from('{"papers": []}'), reason: /not a Folio index/ },
        { name: 'empty', bytes: Buffer.alloc(0), reason: /not a Folio index/ },
        { name: 'truncated', bytes: good.subarray(0, good.length - 8), reason: /truncated/ },
        { name: 'a byte flipped in the postings', bytes: flip(good.length - 100), reason: /checksum/ },
        { name: 'a damaged header', bytes: flip(16 + Math.floor(headerLength / 2)), reason: /damaged header/ },
        { name: 'a damaged header length', bytes: flip(9), reason: /truncated header|damaged header/ },
        { name: 'another format version', bytes: withHeader(good, (h) => ({ ...h, format: INDEX_FILE_FORMAT + 1 })), reason: /format/ },
        { name: 'a section out of bounds', bytes: withHeader(good, (h) => ({ ...h, sections: h.sections.map((x: { offset: number }, i: number) => (i === 3 ? { ...x, offset: x.offset + 8 * 1024 * 1024 } : x)) })), reason: /out of bounds/ },
      ];
      for (const row of rows) {
        const read = await decodeIndexFile(row.bytes, row.key ?? 'the-key');
        assert.equal(read.ok, false, row.name);
        if (!read.ok) assert.match(read.reason, row.reason, row.name);
      }
      assert.deepEqual(await readIndexFile(path.join(dir, 'missing.bin'), 'the-key'), { ok: false, reason: 'no index file yet' });
      await writeFile(file, good);
      assert.equal((await readIndexFile(file, 'the-key')).ok, true);
    }));
});
