// FolioCore's import calls tell the user what the store will do (issue 8 §4): the preview's warnings hold the
// parser's and the planner's notices, the result repeats them, and { profileName } replaces a doubtful name in
// both. Real pastes, a real library folder.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';

const paste = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');
const nameless = async (file: string, name: string) => `Research Feed\n${(await paste(file)).replace(`${name}\n`, '')}`;

test('preview and result carry the same notices; a corrected name is used by both and nothing is written by the preview', async () => {
  await withTempDir(async (dir) => {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
    try {
      assert.equal((await core.commitImport(await nameless('profile-sabela-ramos.txt', 'Sabela Ramos'))).ok, true);
      const text = (await nameless('profile-overlap-b.txt', 'Johan Ferret')).replace('CLMay 31, 2023', 'CLJan 10, 2024');
      await core.library.flush();
      const before = await snapshotTree(dir);

      const preview = await core.previewImport(text);
      assert.ok(preview.ok);
      assert.equal(preview.profile?.name, 'Research Feed');
      assert.match(preview.profile?.nameDoubt ?? '', /not among the authors/);
      assert.equal(preview.warnings.filter((w) => w.startsWith('This page will be merged into the profile "Research Feed"')).length, 1);
      assert.equal(preview.warnings.filter((w) => w.includes('2023-05-31 and 2024-01-10 are one paper')).length, 1);

      const corrected = await core.previewImport(text, { profileName: '  Johan\nFerret ' });
      assert.ok(corrected.ok);
      assert.equal(corrected.profile?.name, 'Johan Ferret');
      assert.equal(corrected.profile?.nameDoubt, undefined);
      assert.equal(corrected.existingProfileId, null);
      assert.ok(!corrected.warnings.some((w) => w.includes('will be merged into the profile')));
      assert.deepEqual(await core.previewImport(text, { profileName: '—' }), { ok: false, error: 'The name "—" has no letters or digits.' });
      await core.library.flush();
      assert.deepEqual(await snapshotTree(dir), before, 'previews write nothing');

      const result = await core.commitImport(text, { profileName: 'Johan Ferret' });
      assert.ok(result.ok);
      assert.equal(result.profileName, 'Johan Ferret');
      assert.deepEqual(result.warnings, corrected.warnings);
      assert.deepEqual((await core.overview()).profiles.map((p) => p.name).sort(), ['Johan Ferret', 'Research Feed']);
    } finally {
      await core.close();
    }
  });
});

test('previewLimit bounds the papers a preview lists, not its counts; the commit imports all and keeps no call-only option', async () => {
  await withTempDir(async (dir) => {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
    try {
      assert.equal((await core.commitImport(await paste('profile-sabela-ramos.txt'))).ok, true);
      const text = await paste('profile-overlap-a.txt');
      const full = await core.previewImport(text);
      assert.ok(full.ok);
      const cases = [
        { limit: 0, listed: 0 },
        { limit: 2, listed: 2 },
        { limit: full.papers.length, listed: full.papers.length },
        { limit: 10_000, listed: full.papers.length },
      ];
      for (const { limit, listed } of cases) {
        const bounded = await core.previewImport(text, { previewLimit: limit });
        assert.ok(bounded.ok);
        assert.deepEqual(bounded.papers, full.papers.slice(0, listed), `limit ${limit}: the first papers, in order`);
        assert.deepEqual([bounded.newCount, bounded.presentCount], [full.newCount, full.presentCount], `limit ${limit}: counts of all`);
      }
      const result = await core.commitImport(text, { previewLimit: 1, jobId: 'job-7', fileName: 'overlap.txt' });
      assert.ok(result.ok);
      assert.equal(result.added + result.present, full.papers.length);
      assert.deepEqual(core.library.imports().at(-1)?.options, { fileName: 'overlap.txt' });
    } finally {
      await core.close();
    }
  });
});
