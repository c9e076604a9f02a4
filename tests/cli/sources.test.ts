// The CLI contract for every import source (tests/fixtures/sources/CONTRACT.md), table-driven over every fixture:
// `parse` prints exactly {source, profile, papers, warnings} with the contract's fields in its order; --source forces a
// source (an unknown one is a usage error, exit 2); unreadable text is one line naming the formats (exit 1); `import`
// takes every source; `list --json` rows carry the identifiers and sources.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { CONTRACT_METRICS, CONTRACT_PAPER_FIELDS } from '../../electron/core/parse/sources/contract.js';
import { formatsFolioReads } from '../../electron/core/parse/sources/registry.js';
import { SOURCE_IDS } from '../../electron/core/parse/sources/types.js';
import { allFixtures, expectedSource, FIXTURES_DIR } from '../core/parse/sources/fixture-files.js';
import { SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, folio, lines } from './helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));

const SOURCE_FIXTURES = allFixtures()
  .map((file) => ({ file: path.join(FIXTURES_DIR, file.name), name: file.name, source: expectedSource(file.name) }))
  .filter((f): f is { file: string; name: string; source: (typeof SOURCE_IDS)[number] } => f.source !== null);

/** Asserts the exact shape CONTRACT.md gives `parse`'s output, key order included. */
function assertContractJson(json: Record<string, unknown>, source: string, label: string): void {
  assert.deepEqual(Object.keys(json), ['source', 'profile', 'papers', 'warnings'], label);
  assert.equal(json.source, source, label);
  const profile = json.profile as Record<string, unknown> | null;
  if (profile !== null) {
    assert.deepEqual(Object.keys(profile), ['name', 'category', 'affiliation', 'metrics'], label);
    assert.deepEqual(Object.keys(profile.metrics as object).slice(0, CONTRACT_METRICS.length), [...CONTRACT_METRICS], label);
  }
  for (const paper of json.papers as Array<Record<string, unknown>>) assert.deepEqual(Object.keys(paper), [...CONTRACT_PAPER_FIELDS], label);
  assert.ok(Array.isArray(json.warnings), label);
}

describe('folio parse, every source', () => {
  test('every fixture: exit 0, its source, exactly the contract fields in the contract order, nothing on stderr', async () => {
    assert.ok(SOURCE_FIXTURES.length >= 30);
    for (const { file, name, source } of SOURCE_FIXTURES) {
      const run = await folio(['parse', file]);
      assert.equal(run.code, 0, `${name}: ${run.stderr}`);
      assert.equal(run.stderr, '', name);
      assertContractJson(JSON.parse(run.stdout) as Record<string, unknown>, source, name);
    }
  });

  const rows: Array<{ name: string; args: string[]; stdin?: string; code: number; source?: string; stderr?: RegExp }> = [
    { name: 'a forced source that reads it', args: ['parse', path.join(FIXTURES_DIR, 'sources/library.bib'), '--source', 'bibtex'], code: 0, source: 'bibtex' },
    { name: 'a forced source that does not read it: its own reason', args: ['parse', path.join(FIXTURES_DIR, 'sources/library.bib'), '--source', 'ris'], code: 1, stderr: /^folio: .*RIS/ },
    { name: 'a forced profile page that detection alone would not take', args: ['parse', '-', '--source', 'profile-page'], stdin: 'Jane Doe\nJul 31, 2024\nA Study of Things\nAlice Smith, Bob Jones\n\nText.\n', code: 0, source: 'profile-page' },
    { name: 'an unknown --source is a usage error, before the file is read', args: ['parse', '/nonexistent/file.bib', '--source', 'myspace'], code: 2, stderr: /^folio: unknown --source "myspace" \(expected profile-page, google-scholar, .*folio-json\)\.$/ },
    { name: 'stdin', args: ['parse', '-'], stdin: '@misc{k, title = {A Study}, year = 2020}\n', code: 0, source: 'bibtex' },
    { name: 'a byte-order mark is dropped', args: ['parse', '-'], stdin: '\ufeffTY  - JOUR\nTI  - A Study\nPY  - 2020\nER  - \n', code: 0, source: 'ris' },
    { name: 'prose: one line naming every format', args: ['parse', '-'], stdin: 'Dear all,\nthe seminar moves to room 4.\n', code: 1, stderr: new RegExp(`^folio: Folio cannot read this text: expected one of ${escapeRegExp(formatsFolioReads())}\\.$`) },
    { name: 'empty text', args: ['parse', '-'], stdin: '', code: 1, stderr: /^folio: The text is empty: expected one of .*Folio backup\.$/ },
  ];
  for (const row of rows) {
    test(`parse: ${row.name}`, async () => {
      const run = await folio(row.args, row.stdin ?? '');
      assert.equal(run.code, row.code, run.stderr);
      if (row.source !== undefined) assertContractJson(JSON.parse(run.stdout) as Record<string, unknown>, row.source, row.name);
      if (row.stderr !== undefined) {
        assert.equal(run.stdout, '');
        assert.equal(lines(run.stderr).length, 1, run.stderr);
        assert.match(lines(run.stderr)[0] ?? '', row.stderr);
      }
    });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('folio import, every source', () => {
  test('the seed, then a co-author\'s Google Scholar page: one paper per real paper, each shared one listed under both', async () => {
    await withTempDir(async (dir) => {
      assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
      const scholar = await folio(['import', path.join(FIXTURES_DIR, 'sources/google-scholar-profile.txt'), '--library', dir]);
      assert.equal(scholar.code, 0, scholar.stderr);
      assert.match(scholar.stdout, /^Imported Inès Duclos-Varga: 11 new, 3 already present\.$/m);
      const papers = JSON.parse((await folio(['list', '--library', dir, '--json'])).stdout) as Array<Record<string, unknown>>;
      assert.equal(papers.length, 23);
      const shared = papers.filter((p) => (p.profiles as string[]).length === 2);
      assert.deepEqual(shared.map((p) => p.title).sort(), [
        'BOND: Aligning LLMs with Best-of-N Distillation',
        'Gemini 2.5: Pushing the Frontier with Advanced Reasoning, Multimodality, Long Context, and Next Generation Agentic Capabilities',
        'Gemma 2: Improving Open Language Models at a Practical Size',
      ]);
      for (const paper of shared) assert.deepEqual(paper.sources, ['profile-page', 'google-scholar']);
      // list --json rows: the paper fields with identifiers and sources, user data, profiles; no internals.
      for (const paper of papers) {
        for (const key of ['venue', 'year', 'doi', 'arxivId', 'url', 'sources']) assert.ok(key in paper, `${String(paper.title)}: ${key}`);
        for (const key of ['key', 'fieldSources', 'titleCut']) assert.ok(!(key in paper), `${String(paper.title)}: no ${key}`);
      }
      const gemma = shared.find((p) => String(p.title).startsWith('Gemma 2'));
      assert.deepEqual([gemma?.year, gemma?.arxivId, gemma?.venue], [2024, '2408.00118', 'arXiv preprint arXiv:2408.00118']);
    });
  });

  test('every source imports (the fixtures in turn, into one library); a list without a person links to no profile', async () => {
    await withTempDir(async (dir) => {
      const seen = new Set<string>();
      for (const { file, name, source } of SOURCE_FIXTURES) {
        const run = await folio(['import', file, '--library', dir, '--json']);
        assert.equal(run.code, 0, `${name}: ${run.stderr}`);
        const result = JSON.parse(run.stdout) as { ok: boolean; source: string; profileId: string | null };
        assert.deepEqual([result.ok, result.source], [true, source], name);
        seen.add(source);
      }
      assert.deepEqual([...seen].sort(), [...SOURCE_IDS].sort());
      const bib = JSON.parse((await folio(['import', path.join(FIXTURES_DIR, 'sources/library.bib'), '--library', dir, '--json'])).stdout) as { profileId: unknown; profileName: unknown };
      assert.deepEqual([bib.profileId, bib.profileName], [null, null]);
      const human = await folio(['import', path.join(FIXTURES_DIR, 'sources/library.ris'), '--library', dir]);
      assert.match(human.stdout, /^Imported RIS file: 0 new, 7 already present\.$/m);
    });
  });

  test('import refusals: an unknown --source (exit 2) creates no library; junk (exit 1) leaves one byte-identical', async () => {
    await withTempDir(async (root) => {
      const fresh = path.join(root, 'fresh');
      const unknown = await folio(['import', SAMPLE_PROFILE, '--source', 'myspace', '--library', fresh]);
      assert.equal(unknown.code, 2);
      await assert.rejects(import('node:fs/promises').then((fs) => fs.stat(fresh)), { code: 'ENOENT' });

      const dir = path.join(root, 'library');
      await mkdir(dir);
      assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);
      const before = await snapshotTree(dir);
      const junk = path.join(root, 'notes.txt');
      await writeFile(junk, 'Dear all,\nthe seminar moves to room 4.\n');
      for (const args of [['import', junk], ['import', junk, '--source', 'bibtex'], ['import', '-']]) {
        const run = await folio([...args, '--library', dir], 'id,title\n1,Foo\n');
        assert.equal(run.code, 1, args.join(' '));
        assert.equal(lines(run.stderr).length, 1, run.stderr);
      }
      assert.deepEqual(await snapshotTree(dir), before);
    });
  });

  test('a file keeps its name with the import; a forced source and a corrected name are kept too', async () => {
    await withTempDir(async (dir) => {
      const run = await folio(['import', SAMPLE_PROFILE, '--source', 'profile-page', '--name', 'Sabela R.', '--library', dir, '--json']);
      assert.equal(run.code, 0, run.stderr);
      const { FolioCore } = await import('../../electron/core/folio.js');
      const core = await FolioCore.open(dir, { readOnly: true });
      try {
        assert.deepEqual(core.library.imports()[0]?.options, { profileName: 'Sabela R.', source: 'profile-page', fileName: path.basename(SAMPLE_PROFILE) });
        assert.equal(core.library.imports()[0]?.source, 'profile-page');
      } finally {
        await core.close();
      }
    });
  });
});

describe('folio search by identifier', () => {
  test('a DOI or an arXiv id, in any of its forms, finds that paper and only it', async () => {
    await withTempDir(async (dir) => {
      assert.equal((await folio(['import', path.join(FIXTURES_DIR, 'sources/library.bib'), '--library', dir])).code, 0);
      const search = async (query: string) => (JSON.parse((await folio(['search', query, '--json', '--library', dir])).stdout) as Array<{ doi: string | null; arxivId: string | null }>);
      const rows: Array<[string, (p: { doi: string | null; arxivId: string | null }) => boolean]> = [
        ['10.1109/LRA.2023.3291277', (p) => p.doi === '10.1109/lra.2023.3291277'],
        ['https://doi.org/10.1109/lra.2023.3291277', (p) => p.doi === '10.1109/lra.2023.3291277'],
        ['doi:10.1109/LRA.2023.3291277', (p) => p.doi === '10.1109/lra.2023.3291277'],
        ['2408.00118', (p) => p.arxivId === '2408.00118'],
        ['arXiv:2408.00118v2', (p) => p.arxivId === '2408.00118'],
        ['https://arxiv.org/abs/2312.11805v4', (p) => p.arxivId === '2312.11805'],
        ['10.48550/arXiv.2312.11805', (p) => p.arxivId === '2312.11805'],
      ];
      for (const [query, isIt] of rows) {
        const found = await search(query);
        assert.equal(found.length, 1, `${query}: ${JSON.stringify(found)}`);
        assert.ok(isIt(found[0] as { doi: string | null; arxivId: string | null }), query);
      }
    });
  });
});
