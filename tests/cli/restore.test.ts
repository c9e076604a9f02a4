// Backup and restore through the CLI (issue 9 §5): a library built by the CLI from several sources (the sample page
// twice, with a changed h-index; a Google Scholar page sharing papers and a co-author profile; a BibTeX file; an arXiv
// listing), with tags and colours, notes and statuses, is exported as JSON and imported into an empty library: `list
// --json` and `profiles --json` are byte-identical (ids, keys, times and all), and so is a second export's data. A
// library written by Folio's format 2 (records without keys or sources) restores identically too. A damaged backup is
// refused with one line and the library folder stays byte-identical.
import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio, lines, type Run } from './helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));

const V2_FOLDER = fileURLToPath(new URL('../core/library/fixtures/v2-library/', import.meta.url));

async function ok(args: string[], stdin?: string): Promise<Run> {
  const run = await folio(args, stdin);
  assert.equal(run.code, 0, `folio ${args.join(' ')}: ${run.stderr}`);
  return run;
}

/** A library as a user builds it: several sources, a profile seen twice, user data of every kind. */
async function buildLibrary(dir: string): Promise<void> {
  const sample = await readFile(SAMPLE_PROFILE, 'utf8');
  await ok(['import', '-', '--library', dir], sample);
  await ok(['import', '-', '--library', dir], sample.replace(/h-index ?117/i, (m) => m.replace('117', '118')));
  for (const name of ['sources/google-scholar-profile.txt', 'sources/library.bib', 'sources/arxiv-listing.txt']) {
    await ok(['import', path.join(FIXTURES, name), '--library', dir]);
  }
  const papers = JSON.parse((await ok(['list', '--json', '--library', dir])).stdout) as Array<{ id: string }>;
  const [a, b, c] = papers.map((p) => p.id);
  await ok(['tag', 'add', a as string, 'to read', '--library', dir]);
  await ok(['tag', 'add', a as string, 'Gemma', '--library', dir]);
  await ok(['tag', 'add', b as string, 'rlhf', '--library', dir]);
  await ok(['note', 'set', a as string, '# Notes\n\nRead §3 *twice*.', '--library', dir]);
  await ok(['status', b as string, 'read', '--library', dir]);
  await ok(['status', c as string, 'reading', '--library', dir]);
}

/** Exports `from` as JSON, imports the backup into a new library `to`; both libraries' listings. */
async function exportAndRestore(from: string, to: string, backupFile: string) {
  const backup = (await ok(['export', '--format', 'json', '--library', from])).stdout;
  await writeFile(backupFile, backup);
  const restored = await ok(['import', backupFile, '--library', to]);
  const listings = async (dir: string) => ({
    list: (await ok(['list', '--json', '--library', dir])).stdout,
    profiles: (await ok(['profiles', '--json', '--library', dir])).stdout,
  });
  return { backup, restored, before: await listings(from), after: await listings(to) };
}

test('a library of several sources with user data, exported as JSON and imported into an empty library: identical list --json and profiles --json', async () => {
  await withTempDir(async (dir) => {
    const from = path.join(dir, 'from');
    const to = path.join(dir, 'to');
    await buildLibrary(from);
    const { backup, restored, before, after } = await exportAndRestore(from, to, path.join(dir, 'backup.json'));
    const papers = JSON.parse(before.list) as Array<{ sources: string[]; tags: string[]; citeKey: string; profiles: string[] }>;
    assert.ok(papers.length >= 30, `${papers.length} papers`);
    assert.ok(papers.some((p) => p.sources.length > 1), 'papers from several sources');
    assert.ok(papers.some((p) => p.profiles.length > 1), 'papers of several profiles');
    assert.equal(new Set(papers.map((p) => p.citeKey)).size, papers.length, 'unique keys');
    assert.match(restored.stdout, /^Restored Folio backup: \d+ new papers, 0 merged; 2 new profiles, 0 merged; 3 new tags; user data for 3 papers\.\n$/);
    assert.equal(after.list, before.list, 'list --json, byte for byte');
    assert.equal(after.profiles, before.profiles, 'profiles --json, byte for byte');
    const again = JSON.parse((await ok(['export', '--format', 'json', '--library', to])).stdout) as Record<string, unknown>;
    const first = JSON.parse(backup) as Record<string, unknown>;
    for (const part of ['profiles', 'tags', 'papers'] as const) assert.deepEqual(again[part], first[part], `the second export's ${part}`);
    assert.equal((await ok(['export', '--format', 'bibtex', '--library', to])).stdout, (await ok(['export', '--format', 'bibtex', '--library', from])).stdout, 'the same BibTeX, keys included');
  });
});

test('a library written by format 2 (no keys, no sources): its restore lists identically, computed keys kept', async () => {
  await withTempDir(async (dir) => {
    const from = path.join(dir, 'v2');
    await cp(V2_FOLDER, from, { recursive: true });
    const { before, after } = await exportAndRestore(from, path.join(dir, 'to'), path.join(dir, 'backup.json'));
    assert.equal(after.list, before.list);
    assert.equal(after.profiles, before.profiles);
  });
});

test('restoring the same backup again changes nothing but the import log', async () => {
  await withTempDir(async (dir) => {
    const from = path.join(dir, 'from');
    const to = path.join(dir, 'to');
    await buildLibrary(from);
    const { before } = await exportAndRestore(from, to, path.join(dir, 'backup.json'));
    const again = await ok(['import', path.join(dir, 'backup.json'), '--library', to]);
    assert.match(again.stdout, /^Restored Folio backup: 0 new papers, \d+ merged; 0 new profiles, 2 merged; 0 new tags; user data for 0 papers\.\n$/);
    assert.equal((await ok(['list', '--json', '--library', to])).stdout, before.list);
    assert.equal((await ok(['profiles', '--json', '--library', to])).stdout, before.profiles);
  });
});

test('a damaged backup is refused with one line and the library folder stays byte-identical', async () => {
  await withTempDir(async (dir) => {
    const from = path.join(dir, 'from');
    await ok(['import', SAMPLE_PROFILE, '--library', from]);
    const backup = (await ok(['export', '--format', 'json', '--library', from])).stdout;
    const tree = await snapshotTree(from);
    const rows: Array<[string, string, RegExp]> = [
      ['cut short', backup.slice(0, Math.floor(backup.length / 2)), /^folio: This Folio backup is not valid JSON \(.+\); it may have been cut short\.$/],
      ['from a newer Folio', backup.replace('"version": 1', '"version": 99'), /^folio: This backup was written by a newer Folio \(backup format 99; this Folio reads up to 1\)\. Update Folio to restore it\.$/],
      ['without a version', backup.replace('"version": 1,', ''), /^folio: This Folio backup has no valid "version", so it cannot be read safely\.$/],
    ];
    for (const [label, text, message] of rows) {
      const run = await folio(['import', '-', '--library', from], text);
      assert.equal(run.code, 1, label);
      assert.equal(run.stdout, '', label);
      assert.equal(lines(run.stderr).length, 1, `${label}: ${run.stderr}`);
      assert.match(lines(run.stderr)[0] ?? '', message, label);
      assert.deepEqual(await snapshotTree(from), tree, `${label}: nothing written`);
    }
  });
});
