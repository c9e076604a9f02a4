// The CLI contract (issue #2 §5), against real library folders. Most cases call runCli in-process with
// captured streams; a few spawn the real `npm run -s folio` to prove stdout carries only the result.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import { ROOT, SAMPLE_PROFILE, snapshotTree, treeEntries, withTempDir } from '../helpers/tree.js';
import { CACHE_DIR, type Run, folio, lines } from './helpers.js';

after(() => rm(CACHE_DIR, { recursive: true, force: true }));

function spawnFolio(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'folio', '--', ...args], { cwd: ROOT, env: { ...process.env, FOLIO_LIBRARY: '', FOLIO_CACHE_DIR: CACHE_DIR } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const JUNK_PASTES = [
  { name: 'empty', text: '' },
  { name: 'whitespace', text: '  \n\n\t\n' },
  { name: 'prose', text: 'The quick brown fox jumps over the lazy dog.\nIt was a bright cold day in April.\n' },
  { name: 'csv', text: 'id,title,year\n1,Foo,2020\n2,Bar,2021\n' },
];

describe('folio parse', () => {
  test('prints the parsed sample profile as JSON on stdout only', async () => {
    const run = await folio(['parse', SAMPLE_PROFILE]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const parsed = JSON.parse(run.stdout);
    assert.equal(parsed.source, 'profile-page');
    assert.deepEqual(parsed.profile, {
      name: 'Sabela Ramos',
      category: 'LG',
      affiliation: null,
      metrics: { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 },
    });
    assert.equal(parsed.papers.length, 12);
    assert.deepEqual(Object.keys(parsed), ['source', 'profile', 'papers', 'warnings'], 'the contract, in its order');
    assert.deepEqual(Object.keys(parsed.papers[0]), [
      'title', 'authors', 'authorsTruncated', 'date', 'year', 'category', 'orgs', 'abstract', 'venue', 'doi', 'arxivId', 'url',
    ]);
    assert.ok(Array.isArray(parsed.warnings));
  });

  test('reads the paste from stdin with "-"', async () => {
    const run = await folio(['parse', '-'], await readFile(SAMPLE_PROFILE, 'utf8'));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).profile.name, 'Sabela Ramos');
  });

  for (const junk of JUNK_PASTES) {
    test(`refuses junk (${junk.name}) with exit 1 and one clear line on stderr`, async () => {
      const run = await folio(['parse', '-'], junk.text);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /profile/i);
    });
  }

  test('a missing file is bad input (exit 1), not a crash', async () => {
    const run = await folio(['parse', '/nonexistent/page.txt']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /cannot read/);
  });
});

describe('folio import, list, profiles, search, export', () => {
  test('import then query the library through every read command', async () => {
    await withTempDir(async (dir) => {
      const imported = await folio(['import', SAMPLE_PROFILE, '--library', dir, '--json']);
      assert.equal(imported.code, 0, imported.stderr);
      const result = JSON.parse(imported.stdout);
      assert.equal(result.ok, true);
      assert.equal(result.added, 12);
      assert.equal(result.present, 0);

      const again = await folio(['import', SAMPLE_PROFILE, '--library', dir]);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /Sabela Ramos: 0 new, 12 already present/);

      const list = await folio(['list', '--library', dir, '--json']);
      assert.equal(list.code, 0, list.stderr);
      const papers = JSON.parse(list.stdout);
      assert.equal(papers.length, 12);
      for (const paper of papers) {
        assert.match(paper.id, /^p-[0-9a-f]{12}$/);
        assert.equal(typeof paper.title, 'string');
        assert.match(paper.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.deepEqual(paper.tags, []);
        assert.equal(paper.note, '');
        assert.equal(paper.status, 'unread');
        assert.deepEqual(paper.profiles, ['Sabela Ramos']);
      }

      const profiles = JSON.parse((await folio(['profiles', '--library', dir, '--json'])).stdout);
      assert.equal(profiles.length, 1);
      assert.equal(profiles[0].name, 'Sabela Ramos');
      assert.deepEqual(profiles[0].metrics, { hIndex: 117, papers: 12, citations: 9233, novelty: 45, aiScore: 42 });
      assert.match(profiles[0].id, /^a-[0-9a-f]{12}$/);

      const search = await folio(['search', 'distilation', '--library', dir, '--json']);
      assert.equal(search.code, 0, search.stderr);
      const hits = JSON.parse(search.stdout) as Array<{ title: string }>;
      assert.ok(hits.length >= 2, 'a typo still finds the distillation papers');
      assert.ok(hits.slice(0, 3).some((hit) => /Distillation/.test(hit.title)), hits.map((h) => h.title).join(' | '));
      assert.deepEqual(JSON.parse((await folio(['search', 'xqzvkwpl', '--library', dir, '--json'])).stdout), []);

      const exported = JSON.parse((await folio(['export', '--format', 'json', '--library', dir])).stdout);
      assert.equal(exported.papers.length, 12);
      const bibtex = await folio(['export', '--format', 'bibtex', '--library', dir]);
      assert.equal((bibtex.stdout.match(/^@misc\{/gm) ?? []).length, 12);
    });
  });

  test('tag, note and status edits land on disk and survive a re-import', async () => {
    await withTempDir(async (dir) => {
      await folio(['import', SAMPLE_PROFILE, '--library', dir]);
      const [first] = JSON.parse((await folio(['list', '--library', dir, '--json'])).stdout) as Array<{ id: string }>;
      const id = first!.id;
      assert.equal((await folio(['tag', 'add', id, 'to-read', '--library', dir])).code, 0);
      assert.equal((await folio(['tag', 'add', id, 'rl', '--library', dir])).code, 0);
      assert.equal((await folio(['tag', 'remove', id, 'rl', '--library', dir])).code, 0);
      assert.equal((await folio(['note', 'set', id, '-', '--library', dir], '# Key idea\n\nDistil *on-policy*.\n')).code, 0);
      assert.equal((await folio(['status', id, 'reading', '--library', dir])).code, 0);
      assert.equal((await folio(['import', SAMPLE_PROFILE, '--library', dir])).code, 0);

      const papers = JSON.parse((await folio(['list', '--library', dir, '--json'])).stdout) as Array<Record<string, unknown>>;
      const paper = papers.find((p) => p.id === id)!;
      assert.deepEqual(paper.tags, ['to-read']);
      assert.equal(paper.note, '# Key idea\n\nDistil *on-policy*.\n');
      assert.equal(paper.status, 'reading');
      const byTag = JSON.parse((await folio(['search', 'tag:to-read status:reading', '--library', dir, '--json'])).stdout);
      assert.deepEqual(byTag.map((p: { id: string }) => p.id), [id]);
    });
  });

  test('bad input exits 1 with one line and leaves the library byte-identical', async () => {
    await withTempDir(async (dir) => {
      await folio(['import', SAMPLE_PROFILE, '--library', dir]);
      const junkFile = path.join(dir, '..', `${path.basename(dir)}-junk.txt`);
      await writeFile(junkFile, 'Lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n');
      const before = await snapshotTree(dir);
      const cases: Array<[string, string[], RegExp]> = [
        ['junk import', ['import', junkFile], /profile/i],
        ['unknown paper (tag)', ['tag', 'add', 'p-000000000000', 'x'], /No paper with id "p-000000000000"/],
        ['unknown paper (note)', ['note', 'set', 'p-000000000000', 'x'], /No paper with id/],
        ['unknown paper (status)', ['status', 'p-000000000000', 'read'], /No paper with id/],
      ];
      for (const [name, args, message] of cases) {
        const run = await folio([...args, '--library', dir]);
        assert.equal(run.code, 1, `${name}: ${run.stderr}`);
        assert.equal(run.stdout, '', name);
        assert.equal(run.stderr.trim().split('\n').length, 1, `${name}: ${run.stderr}`);
        assert.match(run.stderr, message, name);
      }
      assert.deepEqual(await snapshotTree(dir), before);
    });
  });

  test('a library held by another process: writes exit 1 with a clear message, reads still work', async () => {
    await withTempDir(async (dir) => {
      await folio(['import', SAMPLE_PROFILE, '--library', dir]);
      const app = await FolioCore.open(dir); // plays the running app, holding the writer lock
      try {
        const [paper] = JSON.parse((await folio(['list', '--library', dir, '--json'])).stdout) as Array<{ id: string }>;
        const run = await folio(['tag', 'add', paper!.id, 'x', '--library', dir]);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /in use|locked/i);
        assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      } finally {
        await app.close();
      }
    });
  });
});

describe('usage errors exit 2', () => {
  const rows: Array<{ name: string; args: string[] }> = [
    { name: 'no command', args: [] },
    { name: 'unknown command', args: ['frobnicate'] },
    { name: 'unknown option', args: ['list', '--colour'] },
    { name: 'parse without a file', args: ['parse'] },
    { name: 'tag with a bad action', args: ['tag', 'rename', 'p-1', 'x', '--library', '/tmp/none'] },
    { name: 'status with a bad value', args: ['status', 'p-1', 'done', '--library', '/tmp/none'] },
    { name: 'export with a bad format', args: ['export', '--format', 'docx', '--library', '/tmp/none'] },
  ];
  for (const row of rows) {
    test(row.name, async () => {
      const run = await folio(row.args);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /Usage: folio/);
    });
  }
});

describe('the real command line', () => {
  test('npm run -s folio prints only the result on stdout', async () => {
    const run = await spawnFolio(['parse', SAMPLE_PROFILE]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).papers.length, 12);
  });

  test('npm run -s folio exits 1 on junk and 2 on usage errors', async () => {
    assert.equal((await spawnFolio(['parse', '-'], 'not a profile at all\n')).code, 1);
    assert.equal((await spawnFolio(['bogus'])).code, 2);
  });
});

describe('a library folder that cannot be used: one line on stderr, no stack trace, nothing created', () => {
  const UNKNOWN = 'p-000000000000';
  const COMMANDS: Array<{ args: string[]; use: 'read' | 'write' | 'create' }> = [
    { args: ['list'], use: 'read' },
    { args: ['search', 'x'], use: 'read' },
    { args: ['profiles'], use: 'read' },
    { args: ['export'], use: 'read' },
    { args: ['tag', 'add', UNKNOWN, 'x'], use: 'write' },
    { args: ['note', 'set', UNKNOWN, 'x'], use: 'write' },
    { args: ['status', UNKNOWN, 'read'], use: 'write' },
    { args: ['import', SAMPLE_PROFILE], use: 'create' },
  ];
  /** Each place is made inside a fresh scratch folder `root`; `null` expects the command to work (import creates). */
  const PLACES: Array<{ name: string; make: (root: string) => Promise<string>; expect: (use: string) => { code: number; message: RegExp } | null }> = [
    {
      name: 'an empty --library',
      make: async () => '',
      expect: () => ({ code: 2, message: /^folio: --library needs a folder \(it was empty\)\.$/ }),
    },
    {
      name: 'a file',
      make: async (root) => {
        await writeFile(path.join(root, 'notes.txt'), 'not a library');
        return path.join(root, 'notes.txt');
      },
      expect: () => ({ code: 1, message: /^folio: \/.*\/notes\.txt is a file, not a library folder\.$/ }),
    },
    {
      name: 'a path under a file',
      make: async (root) => {
        await writeFile(path.join(root, 'notes.txt'), 'not a library');
        return path.join(root, 'notes.txt', 'library');
      },
      expect: () => ({ code: 1, message: /^folio: \/.*\/notes\.txt\/library cannot be a library folder: \/.*\/notes\.txt is a file\.$/ }),
    },
    {
      name: 'a folder that does not exist',
      make: async (root) => path.join(root, 'nowhere', 'library'),
      expect: (use) => (use === 'create' ? null : { code: 1, message: /^folio: No library at \/.*\/nowhere\/library$/ }),
    },
    {
      name: 'a library written by a newer Folio',
      make: async (root) => {
        const dir = path.join(root, 'library');
        await mkdir(dir);
        await writeFile(path.join(dir, 'library.json'), JSON.stringify({ schemaVersion: 99, profiles: [], imports: [], segments: [] }));
        return dir;
      },
      expect: () => ({ code: 1, message: /^folio: library\.json was written by a newer Folio \(format version 99; this one reads up to 4\)\. Update Folio to open this library; nothing was changed\.$/ }),
    },
  ];
  for (const place of PLACES) {
    for (const command of COMMANDS) {
      test(`${place.name}: ${command.args[0]}`, async () => {
        await withTempDir(async (root) => {
          const dir = await place.make(root);
          const before = { files: await snapshotTree(root), entries: await treeEntries(root) };
          const run = await folio([...command.args, '--library', dir]);
          const expected = place.expect(command.use);
          if (expected === null) {
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.stderr, '');
            assert.equal(JSON.parse((await folio(['profiles', '--json', '--library', dir])).stdout).length, 1, 'import made the library');
            return;
          }
          assert.equal(run.code, expected.code, run.stderr);
          assert.equal(run.stdout, '');
          assert.equal(lines(run.stderr).length, 1, run.stderr);
          assert.match(lines(run.stderr)[0] ?? '', expected.message);
          assert.deepEqual({ files: await snapshotTree(root), entries: await treeEntries(root) }, before, 'nothing created or changed');
        });
      });
    }
  }
});
