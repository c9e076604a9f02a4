// Reading large texts in a worker thread (parse-off-thread.ts), run from source as the CLI and the tests run it: the
// same results and refusals as the main thread, progress as BibTeX entries are read, cancellation that stops the
// worker, and a worker kept for the next text. (The built bundle is tested in tests/electron/parse-worker-build.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ParseCancelledError, ParseWorkers, parseOffThread, workerEntry } from '../../../electron/core/parse/parse-off-thread.js';
import { UnreadableTextError, parseText } from '../../../electron/core/parse/sources/registry.js';
import { NotThisSourceError } from '../../../electron/core/parse/sources/types.js';
import { bibtexLibrary } from './bibtex-library.js';
import { fixture, sourceFixture } from './sources/fixture-files.js';

test('workerEntry: the bundle beside the bundled main; from source, parse-worker.ts through tsx', () => {
  const bundled = workerEntry(pathToFileURL('/opt/Folio/resources/app/dist/electron/main.cjs').href);
  assert.deepEqual(bundled, { file: new URL('file:///opt/Folio/resources/app/dist/electron/parse-worker.cjs') });
  const source = workerEntry(pathToFileURL('/work/folio/electron/core/parse/parse-off-thread.ts').href);
  assert.ok('code' in source);
  assert.match(source.code, /tsx\.register\(\)/);
  assert.match(source.code, /file:\/\/\/work\/folio\/electron\/core\/parse\/parse-worker\.ts/);
});

test('a worker reads every source as the main thread does, and refuses what it refuses, with the same errors', async () => {
  const workers = new ParseWorkers();
  try {
    for (const name of ['sources/library.bib', 'sources/google-scholar-profile.txt', 'profile-sabela-ramos.txt', 'sources/library.folio.json']) {
      const text = fixture(name);
      assert.deepEqual(await workers.parse(text, undefined), parseText(text), name);
    }
    await assert.rejects(workers.parse('Dear all, the seminar moves.', undefined), UnreadableTextError);
    await assert.rejects(workers.parse(fixture('profile-sabela-ramos.txt'), 'bibtex'), NotThisSourceError);
    // The worker answered refusals and is kept: it still reads.
    assert.equal((await workers.parse(sourceFixture('library.ris'), undefined)).source, 'ris');
  } finally {
    await workers.close();
  }
});

test('progress: BibTeX entries read so far, rising to the total', async () => {
  const text = bibtexLibrary(1200);
  assert.ok(text.length > 256 * 1024);
  const seen: Array<[number, number]> = [];
  const result = await parseOffThread(text, undefined, { onProgress: (done, total) => seen.push([done, total]) });
  assert.equal(result.papers.length, 1200);
  assert.ok(seen.length >= 4, `${seen.length} progress reports`);
  for (let i = 1; i < seen.length; i++) assert.ok((seen[i]?.[0] ?? 0) > (seen[i - 1]?.[0] ?? 0), 'rising');
  assert.deepEqual(seen.at(-1), [1200, 1200]);
});

test('cancelling stops the worker: the read rejects with ParseCancelledError, and the next read starts a fresh one', async () => {
  const workers = new ParseWorkers();
  try {
    const controller = new AbortController();
    let reports = 0;
    const reading = workers.parse(bibtexLibrary(3000), undefined, {
      signal: controller.signal,
      onProgress: () => {
        reports++;
        controller.abort(); // at the first batch read
      },
    });
    await assert.rejects(reading, ParseCancelledError);
    assert.equal(reports, 1, 'nothing is reported after the cancel');
    const before = new AbortController();
    before.abort();
    await assert.rejects(workers.parse('x', undefined, { signal: before.signal }), ParseCancelledError);
    assert.equal((await workers.parse(sourceFixture('library.bib'), undefined)).papers.length, 10);
  } finally {
    await workers.close();
  }
});

test('a prewarmed set of workers reads at once; closed, it still reads with a worker of its own', async () => {
  const workers = new ParseWorkers();
  workers.prewarm();
  workers.prewarm(); // once is enough: a second call while one is warming starts nothing more
  assert.equal((await workers.parse(sourceFixture('library.bib'), undefined)).source, 'bibtex');
  await workers.close();
  workers.prewarm(); // closed: nothing is started
  assert.equal((await workers.parse(sourceFixture('library.ris'), undefined)).source, 'ris');
  await workers.close();
});
