// The bundled command line (dist/electron/cli.cjs, what bin/folio.mjs runs): plain Node, no TypeScript loader, the
// same output as the source. Built here into a scratch folder with the same esbuild options as `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { electronBundles } from '../../scripts/electron-bundles.mjs';
import { ROOT } from '../helpers/tree.js';
import { CACHE_DIR, folio } from './helpers.js';

const run = promisify(execFile);
const SAMPLE = path.join(ROOT, 'tests', 'fixtures', 'profile-sabela-ramos.txt');
const BIBTEX = path.join(ROOT, 'tests', 'fixtures', 'sources', 'library.bib');

describe('the bundled CLI', () => {
  let scratch: string;
  let bundle: string;

  before(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-bundle-'));
    const outDir = path.join(scratch, 'dist');
    const wanted = electronBundles(ROOT, outDir).filter(({ outfile }) => /(cli|parse-worker)\.cjs$/.test(outfile ?? ""));
    assert.equal(wanted.length, 2, 'electronBundles lists the CLI and the worker it starts');
    for (const options of wanted) await build({ ...options, sourcemap: false, logLevel: 'error' });
    bundle = path.join(outDir, 'cli.cjs');
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  const bundled = (args: string[]) =>
    run(process.execPath, [bundle, ...args], { env: { PATH: process.env.PATH, FOLIO_CACHE_DIR: CACHE_DIR }, maxBuffer: 64 << 20 });

  it('loads nothing TypeScript: no tsx in the bundle', async () => {
    assert.doesNotMatch(await readFile(bundle, 'utf8'), /require\(["']tsx/);
  });

  it('imports a page and a BibTeX file and lists them exactly as the source CLI does', async () => {
    const library = path.join(scratch, 'library');
    await bundled(['import', SAMPLE, '--library', library]);
    await bundled(['import', BIBTEX, '--library', library]);
    const fromBundle = JSON.parse((await bundled(['list', '--json', '--library', library])).stdout) as Array<{ sources: string[] }>;
    const fromSource = await folio(['list', '--json', '--library', library]);
    assert.equal(fromSource.code, 0, fromSource.stderr);
    assert.deepEqual([...new Set(fromBundle.flatMap((paper) => paper.sources))].sort(), ['bibtex', 'profile-page']);
    assert.deepEqual(fromBundle, JSON.parse(fromSource.stdout));
  });

  it('keeps the exit codes: usage 2, bad input 1', async () => {
    await assert.rejects(bundled(['frobnicate']), (error: { code?: number; stderr?: string }) => error.code === 2 && /Usage: folio/.test(error.stderr ?? ''));
    await assert.rejects(bundled(['list', '--library', path.join(scratch, 'nowhere')]), (error: { code?: number }) => error.code === 1);
  });
});
