// The 100k-scale paths: top-k ranking, membership masks, the background (sliced) build with edits and
// searches arriving while it runs, and compaction after many edits. Each is checked against the plain path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SearchDoc } from '../../../electron/core/search/index.js';
import { SearchEngine } from '../../../electron/core/search/index.js';
import { CORPUS } from './corpus.js';

const QUERIES = ['distillation', 'leonard', 'reinforcement learning', 'distilation', 'tag:rl', 'status:read', 'gemma -practical', 'hus', 'xqzvkwpl', 'cat:LG model'];

function many(n: number): SearchDoc[] {
  const out: SearchDoc[] = [];
  for (let i = 0; i < n; i++) {
    const base = CORPUS[i % CORPUS.length] as SearchDoc;
    out.push({ ...base, id: `${base.id}#${i}`, note: i % 7 === 0 ? `copy ${i} of ${base.id}` : base.note });
  }
  return out;
}

describe('SearchEngine at scale paths', () => {
  const docs = many(3000);
  const engine = new SearchEngine();
  engine.addAll(docs);

  test('limit returns the head of the full ranking, and total counts every hit', () => {
    for (const q of QUERIES) {
      const full = engine.search(q);
      const top = engine.search(q, undefined, { limit: 50 });
      assert.equal(top.total, full.ids.length, q);
      assert.equal(full.total, full.ids.length, q);
      assert.deepEqual(top.ids, full.ids.slice(0, 50), q);
      assert.equal(top.hasFreeText, full.hasFreeText, q);
    }
  });

  test('members marks exactly the hits', () => {
    for (const q of QUERIES) {
      const full = engine.search(q);
      const m = engine.search(q, undefined, { limit: 0, members: true });
      assert.equal(m.ids.length, 0);
      const ids = new Set<string>();
      if (m.members === null || m.members === undefined) {
        for (const d of docs) ids.add(d.id);
      } else {
        m.members.forEach((bit, num) => {
          if (bit === 1) ids.add(engine.idOf(num) as string);
        });
      }
      assert.deepEqual([...ids].sort(), [...full.ids].sort(), q);
    }
  });

  test('a background build with edits and a search arriving meanwhile ends like a synchronous one', async () => {
    const live = new Map(docs.map((d) => [d.id, d]));
    const bg = new SearchEngine();
    let i = 0;
    const build = bg.addAllAsync(
      (function* () {
        for (const d of docs) {
          if (++i % 500 === 0) {
            // An edit to a paper already indexed and one not reached yet, as the core's change events do.
            const a = docs[i - 400] as SearchDoc;
            const b = docs[Math.min(i + 200, docs.length - 1)] as SearchDoc;
            for (const d2 of [a, b]) {
              const edited = { ...d2, note: `${d2.note} edited-${i}`, tags: [...d2.tags, 'edited'] };
              live.set(d2.id, edited);
              bg.upsert(edited);
            }
          }
          yield live.get(d.id) as SearchDoc;
        }
      })(),
    );
    // Searching mid-build must not break anything (it finishes what is there).
    await new Promise((r) => setImmediate(r));
    bg.search('distillation');
    await build;
    const ref = new SearchEngine();
    ref.addAll(docs.map((d) => live.get(d.id) as SearchDoc));
    for (const q of [...QUERIES, 'edited', 'tag:edited']) {
      assert.deepEqual([...bg.search(q).ids].sort(), [...ref.search(q).ids].sort(), q);
    }
  });

  test('many edits (compaction) keep results right', () => {
    const e = new SearchEngine();
    e.addAll(docs);
    for (let k = 0; k < 2; k++) for (const d of docs) e.upsert({ ...d, note: `${d.note} pass-${k}` });
    const ref = new SearchEngine();
    ref.addAll(docs.map((d) => ({ ...d, note: `${d.note} pass-0 pass-1` })));
    for (const q of [...QUERIES, 'pass', 'pass-1']) assert.deepEqual(e.search(q).ids, ref.search(q).ids, q);
  });
});
