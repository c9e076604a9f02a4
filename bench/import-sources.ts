// Issue 9's budget for a large reference library: a 10,000-entry BibTeX file parses in ≤ 2 s, off the main thread,
// and commits in ≤ 1 s, as one import. Measured in this run next to two baselines: citation-js alone on the same
// entries (what Folio's tolerance and decoding add), and the store committing as many papers from a profile page
// (the import path before issue 9). Every commit goes into a fresh library folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { FolioCore } from '../electron/core/folio.js';
import { Library } from '../electron/core/library/index.js';
import { ParseWorkers, parseOffThread, type WorkerReply, type WorkerRequest } from '../electron/core/parse/parse-off-thread.js';
import { SOURCES, parseText } from '../electron/core/parse/sources/registry.js';
import type { SourceResult } from '../electron/core/parse/sources/types.js';
import { electronBundles } from '../scripts/electron-bundles.mjs';
import { generateBib } from './bibtex-corpus.js';
import { gc, median, round, table } from './stats.js';

export interface ImportSourcesOptions {
  entries: number;
  runs: number;
  seed: number;
}

export interface ImportSourcesRow {
  step: string;
  /** Median wall time of the runs. */
  medianMs: number;
  runsMs: number[];
  budgetMs: number | null;
  note: string;
}

export interface ImportSourcesResult {
  entries: number;
  papers: number;
  rows: ImportSourcesRow[];
}

async function timed(runs: number, work: () => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    gc();
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

async function withFreshFolder<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-import-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Times `commit` on a fresh library each run (opening it is not timed). */
async function timedCommits(runs: number, commit: (library: Library) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await withFreshFolder(async (dir) => {
      const library = await Library.open(dir);
      try {
        gc();
        const start = performance.now();
        await commit(library);
        times.push(performance.now() - start);
      } finally {
        await library.close();
      }
    });
  }
  return times;
}

/** The parsing worker's bundle as scripts/build.mjs makes it, in a temp folder; returns its path. */
async function buildWorkerBundle(): Promise<string> {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const out = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-worker-'));
  const worker = electronBundles(root, out).find((options) => String(options.outfile).endsWith('parse-worker.cjs'));
  if (!worker) throw new Error('no parse-worker bundle in scripts/electron-bundles.mjs');
  await build({ ...worker, sourcemap: false, logLevel: 'error' });
  return path.join(out, 'parse-worker.cjs');
}

/** One read by a fresh worker running the bundle: what the packaged app does with its first large text. */
function parseWithBundle(bundle: string, text: string): Promise<SourceResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bundle);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'progress') return;
      void worker.terminate();
      if (reply.kind === 'result') resolve(reply.result);
      else reject(new Error(JSON.stringify(reply)));
    });
    worker.on('error', reject);
    worker.postMessage({ kind: 'parse', job: 1, text, source: undefined } satisfies WorkerRequest);
  });
}

/** The same papers as a profile page would list them: the pre-issue-9 import of as many papers. */
function asProfilePage(result: SourceResult): SourceResult {
  return {
    source: 'profile-page',
    profile: { name: 'Bench Person', category: 'LG', affiliation: null, metrics: { hIndex: 1, papers: result.papers.length, citations: 1, novelty: null, aiScore: null } },
    papers: result.papers.map((paper) => ({ ...paper, date: paper.date?.length === 10 ? paper.date : `${paper.year ?? 2020}-01-01`, doi: null, venue: null })),
    warnings: [],
  };
}

export async function importSourcesBench(options: ImportSourcesOptions, log: (line: string) => void): Promise<ImportSourcesResult> {
  const { text } = generateBib(options.entries, options.seed); // one malformed entry in the middle, as real files have
  const sound = generateBib(options.entries, options.seed, false).text;
  const runs = options.runs;
  log(`import sources: ${options.entries} BibTeX entries (${(text.length / 1e6).toFixed(1)} MB), ${runs} runs per step…`);
  const rows: ImportSourcesRow[] = [];
  const row = (step: string, runsMs: number[], budgetMs: number | null, note: string): void => {
    rows.push({ step, medianMs: round(median(runsMs), 0), runsMs: runsMs.map((ms) => round(ms, 0)), budgetMs, note });
    log(`  ${step}: ${round(median(runsMs), 0)} ms`);
  };

  const result = parseText(text);
  const papers = result.papers.length;
  row('parse, main thread (parseText)', await timed(runs, () => parseText(text)), 2000, `${papers} papers, ${result.warnings.length} warning(s)`);
  row('parse, a worker started for it, from source (the CLI)', await timed(runs, () => parseOffThread(text, undefined)), 2000, 'worker start through tsx, parse, result sent back');
  const bundle = await buildWorkerBundle();
  try {
    row('parse, the built worker bundle started for it (the app\'s first large text)', await timed(runs, () => parseWithBundle(bundle, text)), 2000, 'dist/electron/parse-worker.cjs as scripts/build.mjs makes it');
  } finally {
    await rm(path.dirname(bundle), { recursive: true, force: true });
  }
  const prewarmed: number[] = [];
  for (let run = 0; run < runs; run++) {
    const workers = new ParseWorkers();
    workers.prewarm();
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the user choosing the file
    gc();
    const start = performance.now();
    await workers.parse(text, undefined);
    prewarmed.push(performance.now() - start);
    await workers.close();
  }
  row('parse, a prewarmed worker (the app once an import preview has run)', prewarmed, 2000, 'started and warmed on samples beforehand');
  row(
    'baseline: citation-js alone (no recovery, no decoding fixes)',
    await timed(runs, () => plugins.input.data(plugins.input.data(sound, '@biblatex/text'), '@biblatex/entries+list')),
    null,
    'the same entries without the malformed one (citation-js stops at it)',
  );

  const version = SOURCES.bibtex.version;
  row('commit (Library.commitImport, one atomic import)', await timedCommits(runs, (library) => library.commitImport(text, result, version)), 1000, 'plan, segment, raw text, library.json, fsyncs');
  const page = asProfilePage(result);
  row('baseline: commit of as many papers from a profile page', await timedCommits(runs, (library) => library.commitImport(text, page, 3)), null, 'the import path before issue 9');

  // The app's path: the import dialog previews its (empty) text when it opens, which warms a parsing worker; the file
  // the user then picks is previewed (read off the main thread, with progress) and committed (the read reused).
  const preview: number[] = [];
  const commit: number[] = [];
  const blocked: number[] = [];
  let progressEvents = 0;
  for (let run = 0; run < runs; run++) {
    await withFreshFolder(async (dir) => {
      const core = await FolioCore.open(dir, { repairs: 'before-first-write' });
      const stop = core.onChanged((change) => {
        if (change.kind === 'import-progress') progressEvents++;
      });
      try {
        await core.whenIndexed();
        await core.previewImport('');
        await new Promise((resolve) => setTimeout(resolve, 3000)); // the user choosing the file
        gc();
        const loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
        let start = performance.now();
        const previewed = await core.previewImport(text, { jobId: `bench-${run}` });
        preview.push(performance.now() - start);
        loop.disable();
        blocked.push(loop.max / 1e6);
        if (!previewed.ok) throw new Error(previewed.error);
        start = performance.now();
        const committed = await core.commitImport(text, { jobId: `bench-${run}` });
        commit.push(performance.now() - start);
        if (!committed.ok || committed.added !== papers) throw new Error(`commit: ${JSON.stringify(committed).slice(0, 200)}`);
      } finally {
        stop();
        await core.close();
      }
    });
  }
  row('FolioCore.previewImport of the file (prewarmed worker + plan)', preview, null, `longest event-loop block meanwhile: ${round(median(blocked), 0)} ms (median)`);
  row('FolioCore.commitImport after it (read reused, commit, search index)', commit, 1000, `${progressEvents} progress changes over ${runs} preview+commit runs`);
  return { entries: options.entries, papers, rows };
}

export function importSourcesTable(result: ImportSourcesResult): string {
  return table(
    ['step', 'median', 'runs (ms)', 'budget', 'note'],
    result.rows.map((r) => [
      r.step,
      `${r.medianMs} ms`,
      r.runsMs.join(' / '),
      r.budgetMs === null ? '—' : `${r.medianMs <= r.budgetMs ? '≤' : 'OVER'} ${r.budgetMs} ms`,
      r.note,
    ]),
    (c) => c === 1 || c === 3,
  );
}
