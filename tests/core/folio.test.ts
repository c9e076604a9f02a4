// FolioCore end to end under Node: real pastes from tests/fixtures, a real library folder, the contract
// methods the UI calls. The per-module suites test the parts; this one tests that they agree.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';

const OVERLAPPING = ['profile-sabela-ramos.txt', 'profile-overlap-a.txt', 'profile-overlap-b.txt', 'profile-overlap-c.txt'];
const paste = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');

async function withCore<T>(work: (core: FolioCore, dir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
    try {
      return await work(core, dir);
    } finally {
      await core.close();
    }
  });
}

describe('FolioCore', () => {
  test('four overlapping profiles give one paper per real paper, linked to every profile listing it', async () => {
    await withCore(async (core) => {
      for (const name of OVERLAPPING) {
        const result = await core.commitImport(await paste(name));
        assert.equal(result.ok, true, name);
      }
      const overview = await core.overview();
      assert.equal(overview.paperCount, 21); // tests/fixtures/README.md lists the overlaps
      assert.equal(overview.profiles.length, 4);

      const gemma2 = await core.query({ search: 'gemma 2 practical size', offset: 0, limit: 5 });
      const detail = await core.paper(gemma2.rows[0]!.id);
      assert.equal(detail.title, 'Gemma 2: Improving Open Language Models at a Practical Size');
      assert.deepEqual(detail.profiles.map((p) => p.name).sort(), ['Johan Ferret', 'Robert Dadashi', 'Sabela Ramos']);

      // The chrome-laden CRLF paste lists only papers that are already there.
      const preview = await core.previewImport(await paste('profile-chrome-crlf.txt'));
      assert.ok(preview.ok);
      assert.equal(preview.newCount, 0);
      assert.equal(preview.presentCount, 5);
    });
  });

  test('preview tells new from present and changes nothing on disk', async () => {
    await withCore(async (core, dir) => {
      const first = await core.previewImport(await paste('profile-sabela-ramos.txt'));
      assert.ok(first.ok);
      assert.equal(first.newCount, 12);
      assert.equal(first.existingProfileId, null);
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      const before = await snapshotTree(dir);
      const second = await core.previewImport(await paste('profile-overlap-a.txt'));
      assert.ok(second.ok);
      assert.equal(second.papers.filter((p) => !p.isNew).length, second.presentCount);
      assert.ok(second.presentCount >= 2);
      assert.deepEqual(await snapshotTree(dir), before);
    });
  });

  test('a junk paste is refused with a clear message and leaves the folder byte-identical', async () => {
    await withCore(async (core, dir) => {
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      await core.setNote((await core.query({ search: '', offset: 0, limit: 1 })).rows[0]!.id, 'keep me');
      await core.library.flush();
      const before = await snapshotTree(dir);
      for (const junk of ['', 'hello world', '<html><body>Sign in</body></html>', 'a,b,c\n1,2,3']) {
        const preview = await core.previewImport(junk);
        assert.equal(preview.ok, false);
        const result = await core.commitImport(junk);
        assert.equal(result.ok, false);
        if (!result.ok) assert.match(result.error, /profile/i);
      }
      assert.deepEqual(await snapshotTree(dir), before);
    });
  });

  test('tags, notes and status survive re-imports and a restart', async () => {
    await withTempDir(async (dir) => {
      let core = await FolioCore.open(dir);
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      const { rows } = await core.query({ search: 'bond distillation', offset: 0, limit: 1 });
      const id = rows[0]!.id;
      await core.setTags(id, ['rlhf', 'to read']);
      await core.setNote(id, '## Notes\nJeffreys divergence.');
      await core.setStatus(id, 'reading');
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      await core.commitImport(await paste('profile-chrome-crlf.txt'));
      await core.close();

      core = await FolioCore.open(dir);
      try {
        const detail = await core.paper(id);
        assert.deepEqual(detail.tags, ['rlhf', 'to read']);
        assert.equal(detail.note, '## Notes\nJeffreys divergence.');
        assert.equal(detail.status, 'reading');
        const found = await core.query({ search: 'jeffreys tag:"to read" status:reading', offset: 0, limit: 10 });
        assert.deepEqual(found.rows.map((r) => r.id), [id]);
      } finally {
        await core.close();
      }
    });
  });

  test('query: sorts, pages, scopes and highlights', async () => {
    await withCore(async (core) => {
      for (const name of OVERLAPPING) await core.commitImport(await paste(name));
      const byDate = await core.query({ search: '', sort: 'date', direction: 'asc', offset: 0, limit: 100 });
      assert.equal(byDate.total, 21);
      const dates = byDate.rows.map((r) => r.date);
      assert.deepEqual(dates, [...dates].sort());
      const byTitle = await core.query({ search: '', sort: 'title', offset: 0, limit: 100 });
      const titles = byTitle.rows.map((r) => r.title.toLowerCase());
      assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b)));
      const page2 = await core.query({ search: '', sort: 'title', offset: 10, limit: 5 });
      assert.deepEqual(page2.rows.map((r) => r.id), byTitle.rows.slice(10, 15).map((r) => r.id));

      const overview = await core.overview();
      const ramos = overview.profiles.find((p) => p.name === 'Sabela Ramos')!;
      const scoped = await core.query({ search: '', scope: { profileId: ramos.id }, offset: 0, limit: 100 });
      assert.equal(scoped.total, 12);

      const hit = await core.query({ search: 'leonard', offset: 0, limit: 10 });
      assert.ok(hit.total >= 2, 'leonard finds Léonard and Leonard');
      const withAccent = hit.rows.find((r) => r.authors.includes('Léonard Hussenot'))!;
      const authorMatch = withAccent.matches?.authors?.find((m) => withAccent.authors[m.index] === 'Léonard Hussenot');
      assert.ok(authorMatch, JSON.stringify(withAccent.matches));
      const [start, end] = authorMatch.ranges[0]!;
      assert.equal('Léonard Hussenot'.slice(start, end), 'Léonard');

      const bad = await core.query({ search: 'year:20x distillation', offset: 0, limit: 10 });
      assert.ok(bad.queryErrors.length > 0);
      assert.ok(bad.total > 0, 'the valid part of the query still applies');
    });
  });

  test('tag rename, merge, delete and undo keep search in step', async () => {
    await withCore(async (core) => {
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      const { rows } = await core.query({ search: '', offset: 0, limit: 3 });
      const [a, b, c] = rows.map((r) => r.id) as [string, string, string];
      await core.setTags(a, ['rl']);
      await core.setTags(b, ['reinforcement']);
      await core.setTags(c, ['rl', 'reinforcement']);
      await core.renameTag('reinforcement', 'rl', { merge: true });
      assert.equal((await core.query({ search: 'tag:rl', offset: 0, limit: 10 })).total, 3);
      assert.equal((await core.query({ search: 'tag:reinforcement', offset: 0, limit: 10 })).total, 0);
      assert.deepEqual((await core.paper(c)).tags, ['rl']);
      const deletion = await core.deleteTag('rl');
      assert.equal((await core.query({ search: 'tag:rl', offset: 0, limit: 10 })).total, 0);
      await core.restoreTag(deletion);
      assert.equal((await core.query({ search: 'tag:rl', offset: 0, limit: 10 })).total, 3);
      const overview = await core.overview();
      assert.equal(overview.tags.find((t) => t.name === 'rl')?.count, 3);
    });
  });

  test('change events reach subscribers after the data is on disk', async () => {
    await withCore(async (core) => {
      const changes: string[] = [];
      const unsubscribe = core.onChanged((change) => changes.push(change.kind));
      await core.commitImport(await paste('profile-sabela-ramos.txt'));
      const { rows } = await core.query({ search: '', offset: 0, limit: 1 });
      await core.setStatus(rows[0]!.id, 'read');
      unsubscribe();
      await core.setStatus(rows[0]!.id, 'unread');
      assert.deepEqual(changes, ['import', 'user-data', 'undo-state']);
      assert.equal((await core.overview()).statusCounts.unread, 12);
    });
  });

  test('sampleProfile returns the bundled sample page, which parses', async () => {
    await withCore(async (core) => {
      const text = await core.sampleProfile();
      const preview = await core.previewImport(text);
      assert.ok(preview.ok);
      assert.equal(preview.profile?.name, 'Sabela Ramos');
    });
  });
});
