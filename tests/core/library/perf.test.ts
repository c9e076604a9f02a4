// Performance smoke: logs numbers, asserts only correctness (timings vary too much across machines for CI).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Library } from '../../../electron/core/library/index.js';
import { libraryPath, openLib, paper, parsed } from './helpers.js';

const ABSTRACT = 'We study the problem of learning representations that transfer across tasks. '.repeat(12); // ~1 KB

test('perf smoke: 10k papers through commitImport in batches, reopen, and durable edit latency', async (t) => {
  const dir = await libraryPath(t);
  const lib = await openLib(t, dir);
  const total = 10_000;
  const perImport = 500;
  let started = performance.now();
  for (let batch = 0; batch < total / perImport; batch++) {
    const papers = Array.from({ length: perImport }, (_, i) =>
      paper(`Scalable study number ${batch * perImport + i} of representation learning`, { abstract: ABSTRACT, authors: ['A. Author', 'B. Author', 'C. Author'] }),
    );
    await lib.commitImport(`paste ${batch}`, parsed(`Researcher ${batch % 40}`, papers), 1);
  }
  const importMs = performance.now() - started;
  assert.equal(lib.papers().length, total);

  const ids = lib.papers().map((p) => p.id);
  const latencies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await lib.setNote(ids[(i * 37) % ids.length] ?? '', `note ${i}`);
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const median = latencies[100] ?? NaN;
  const p95 = latencies[190] ?? NaN;
  await lib.close();

  started = performance.now();
  const again = await Library.open(dir);
  const openMs = performance.now() - started;
  assert.equal(again.papers().length, total);
  assert.equal(again.userData(ids[(199 * 37) % ids.length] ?? '').note, 'note 199');
  await again.close();
  started = performance.now();
  const reader = await Library.open(dir, { readOnly: true });
  const readOnlyOpenMs = performance.now() - started;
  assert.equal(reader.papers().length, total);

  t.diagnostic(`10k papers: ${total / perImport} imports in ${importMs.toFixed(0)} ms`);
  t.diagnostic(`durable setNote over 200 sequential edits: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
  t.diagnostic(`open (writable, incl. backup) of 10k papers: ${openMs.toFixed(0)} ms; read-only open: ${readOnlyOpenMs.toFixed(0)} ms`);
});
