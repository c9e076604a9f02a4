// A large BibTeX library through FolioCore (issue 9 §4): read off the main thread with progress under the call's
// jobId, committed as one import (the preview's read reused), and cancellable while it is read, leaving the folder
// byte-identical. Real folders, a real worker thread.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LibraryChange } from '../../electron/core/api.js';
import { FolioCore } from '../../electron/core/folio.js';
import { OFF_THREAD_CHARS } from '../../electron/core/parse/parse-off-thread.js';
import { SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';
import { bibtexLibrary } from './parse/bibtex-library.js';

type Progress = Extract<LibraryChange, { kind: 'import-progress' }>;

async function withCore<T>(work: (core: FolioCore, dir: string, progress: Progress[]) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE, repairs: 'before-first-write' });
    const progress: Progress[] = [];
    const stop = core.onChanged((change) => {
      if (change.kind === 'import-progress') progress.push(change);
    });
    try {
      return await work(core, dir, progress);
    } finally {
      stop();
      await core.close();
    }
  });
}

test('a large BibTeX file: previewed off the main thread with progress, committed as one import with its progress', async () => {
  await withCore(async (core, dir, progress) => {
    const text = bibtexLibrary(1500);
    assert.ok(text.length > OFF_THREAD_CHARS);
    const preview = await core.previewImport(text, { jobId: 'big', fileName: 'big.bib' });
    assert.ok(preview.ok);
    assert.deepEqual([preview.source, preview.fileName, preview.profile, preview.newCount], ['bibtex', 'big.bib', null, 1500]);
    const parse = progress.filter((p) => p.phase === 'parse');
    assert.ok(parse.length >= 4 && parse.every((p) => p.jobId === 'big' && p.total === 1500), JSON.stringify(parse.slice(0, 3)));
    assert.deepEqual([parse.at(-1)?.done, parse.at(-1)?.total], [1500, 1500]);

    progress.length = 0;
    const result = await core.commitImport(text, { jobId: 'big', fileName: 'big.bib' });
    assert.ok(result.ok);
    assert.deepEqual([result.added, result.present, result.profileId], [1500, 0, null]);
    // The commit reused the preview's read: no parse progress, only the commit's start and end.
    assert.deepEqual(progress.map((p) => [p.phase, p.done, p.total]), [['commit', 0, 1500], ['commit', 1500, 1500]]);
    assert.equal((await core.overview()).paperCount, 1500);
    assert.equal(core.library.imports().length, 1, 'one import');
    assert.deepEqual(core.library.imports()[0]?.options, { fileName: 'big.bib' }, 'the jobId is not kept');
    const segments = Object.keys(await snapshotTree(dir)).filter((name) => /^papers\/segment-\d+\.json$/.test(name));
    assert.equal(segments.length, 1, 'one segment');
    assert.equal(await core.cancelImport('big'), false, 'nothing left to cancel');
  });
});

test('cancelling a large import while it is read: a refusal that says so, and the folder stays byte-identical', async () => {
  await withCore(async (core, dir, progress) => {
    assert.ok((await core.commitImport(await core.sampleProfile())).ok);
    await core.library.flush();
    const before = await snapshotTree(dir);
    const text = bibtexLibrary(4000);
    for (const call of ['previewImport', 'commitImport'] as const) {
      progress.length = 0;
      let cancelled: Promise<boolean> | null = null;
      const stop = core.onChanged((change) => {
        if (change.kind === 'import-progress' && cancelled === null) cancelled = core.cancelImport(`job-${call}`);
      });
      const outcome = await core[call](`${text}\n% ${call}`, { jobId: `job-${call}` });
      stop();
      assert.deepEqual(outcome, { ok: false, error: 'Import cancelled; nothing was changed.', cancelled: true }, call);
      assert.equal(await cancelled, true, `${call}: cancelImport found the job`);
      assert.ok(progress.length >= 1 && progress.every((p) => p.phase === 'parse'), `${call}: stopped while reading`);
    }
    assert.equal(await core.cancelImport('no-such-job'), false);
    await core.library.flush();
    assert.deepEqual(await snapshotTree(dir), before, 'nothing was written');
    assert.equal((await core.overview()).paperCount, 12);
    // The next import of the same text works (a fresh worker).
    const again = await core.commitImport(text);
    assert.ok(again.ok);
    assert.equal(again.added, 4000);
  });
});
