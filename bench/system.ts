// Cold open, edit durability, import, and index build cost.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FolioCore } from '../electron/core/folio.js';
import type { ReadingStatus } from '../electron/core/model.js';
import { PARSER_VERSION, parseProfilePage } from '../electron/core/parse/index.js';
import type { SearchDoc } from '../electron/core/search/index.js';
import { SearchEngine } from '../electron/core/search/index.js';
import { copyLibrary, extraPaste, type Corpus } from './corpus.js';
import { PEER_BUILDERS, type Engine, type EngineName } from './engines.js';
import { Rng } from './rng.js';
import { gc, mb, median, memory, p95, round } from './stats.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

// ---------------------------------------------------------------- cold open

export interface OpenSample {
  ms: number;
  openMs: number;
  storeOpenMs: number;
  indexAndWiringMs: number;
  firstPageMs: number;
  processMs: number;
  startupMs: number;
  maxEventLoopBlockMs: number;
  blockedUntilFirstRowsMs: number;
  blockedAfterFirstRowsMs: number;
  indexReadyMs: number;
  /** From the start of open until a search typed right after the first rows answered. */
  searchableMs: number;
  searchableHits: number;
  indexBuildMs: number | null;
  indexSource: 'file' | 'built' | null;
  abstractsLoadedMs: number | null;
  rows: number;
  total: number;
  heapUsedMb: number;
  rssMb: number;
}

export interface OpenResult {
  size: number;
  /** Median of `runs` fresh processes: FolioCore.open → first page of rows. */
  ms: number;
  p95Ms: number;
  runs: number;
  storeOpenMs: number;
  indexAndWiringMs: number;
  firstPageMs: number;
  /** Longest event-loop stall from open until the index was ready (IPC is blocked that long). */
  maxEventLoopBlockMs: number;
  /** The same after the first rows: while the index and the abstracts load in the background. */
  blockedAfterFirstRowsMs: number;
  /** open → search index ready, read from the index file the first run wrote (median of runs 2..n). */
  indexReadyMs: number;
  /** The same in the first run, which found no index file and built it (a first start, or after an upgrade). */
  indexBuiltReadyMs: number;
  /** The first run (no index file): open → a search typed right after the first rows answered. */
  firstSearchableMs: number;
  /** Longest event-loop stall after the first rows, worst of all runs (the median is blockedAfterFirstRowsMs). */
  worstBlockedAfterFirstRowsMs: number;
  indexBuildMs: number;
  /** open → every abstract loaded (they load after the first rows). */
  abstractsLoadedMs: number;
  processMs: number;
  heapUsedMb: number;
  rssMb: number;
}

/** Each run is a new Node process (nothing warm in the heap; the OS file cache is warm after the first). */
export async function coldOpen(corpus: Corpus, runs: number): Promise<OpenResult> {
  const samples: OpenSample[] = [];
  // A fresh cache folder: the first run builds the index and writes it there, the others read it (as the app).
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-cache-dir-'));
  try {
    for (let i = 0; i < Math.max(runs, 2); i++) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(here, 'open-child.ts'), corpus.libraryDir, cacheDir], {
        cwd: root,
        maxBuffer: 1 << 20,
      });
      const line = stdout.trim().split('\n').pop() ?? '';
      samples.push(JSON.parse(line) as OpenSample);
    }
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
  const [first, ...warm] = samples as [OpenSample, ...OpenSample[]];
  if (first.indexSource !== 'built' || warm.some((s) => s.indexSource !== 'file')) {
    throw new Error(`expected the first open to build the index and the others to read it: ${samples.map((s) => s.indexSource).join(', ')}`);
  }
  const med = (pick: (s: OpenSample) => number) => round(median(samples.map(pick)), 1);
  return {
    size: corpus.manifest.size,
    ms: med((s) => s.ms),
    p95Ms: round(p95(samples.map((s) => s.ms)), 1),
    runs,
    storeOpenMs: med((s) => s.storeOpenMs),
    indexAndWiringMs: med((s) => s.indexAndWiringMs),
    firstPageMs: med((s) => s.firstPageMs),
    maxEventLoopBlockMs: med((s) => s.maxEventLoopBlockMs),
    blockedAfterFirstRowsMs: med((s) => s.blockedAfterFirstRowsMs),
    indexReadyMs: round(median(warm.map((s) => s.indexReadyMs)), 1),
    indexBuiltReadyMs: round(first.indexReadyMs, 1),
    firstSearchableMs: round(first.searchableMs, 1),
    worstBlockedAfterFirstRowsMs: round(Math.max(...samples.map((s) => s.blockedAfterFirstRowsMs)), 1),
    indexBuildMs: round(first.indexBuildMs ?? 0, 1),
    abstractsLoadedMs: med((s) => s.abstractsLoadedMs ?? Number.NaN),
    processMs: med((s) => s.processMs),
    heapUsedMb: med((s) => s.heapUsedMb),
    rssMb: med((s) => s.rssMb),
  };
}

// ---------------------------------------------------------------- edits

export interface EditResult {
  size: number;
  p95Ms: number;
  p50Ms: number;
  maxMs: number;
  edits: number;
  /** user.json rewrites (journal compactions) that happened during the run. */
  compactions: number;
  byKind: Record<'tags' | 'note' | 'status', { p50Ms: number; p95Ms: number }>;
}

/**
 * `count` edits, one at a time as a user makes them (call → promise resolved = appended and fsync'd),
 * cycling tags / note / status over random papers of a copy of the library. 600 by default so that one
 * journal compaction (every 500 entries) falls inside the run.
 */
export async function editDurability(corpus: Corpus, count: number): Promise<EditResult> {
  const dir = await copyLibrary(corpus, 'edit');
  const core = await FolioCore.open(dir);
  await core.whenIndexed();
  try {
    const ids = core.library.papers().map((p) => p.id);
    const rng = new Rng(4242);
    const statuses: ReadingStatus[] = ['unread', 'reading', 'read'];
    const times: Record<'tags' | 'note' | 'status', number[]> = { tags: [], note: [], status: [] };
    const all: number[] = [];
    const before = core.library.stats.compactions;
    for (let i = 0; i < count; i++) {
      const id = rng.pick(ids);
      const kind = (['tags', 'note', 'status'] as const)[i % 3] as 'tags' | 'note' | 'status';
      const t = performance.now();
      if (kind === 'tags') await core.setTags(id, [...core.library.userData(id).tags.slice(0, 3), `bench-${i % 7}`]);
      else if (kind === 'note') await core.setNote(id, `Edited note ${i}: ${'reading notes '.repeat(1 + (i % 20))}`);
      else await core.setStatus(id, rng.pick(statuses));
      const ms = performance.now() - t;
      times[kind].push(ms);
      all.push(ms);
    }
    const by = (k: 'tags' | 'note' | 'status') => ({ p50Ms: round(median(times[k])), p95Ms: round(p95(times[k])) });
    return {
      size: corpus.manifest.size,
      p95Ms: round(p95(all)),
      p50Ms: round(median(all)),
      maxMs: round(Math.max(...all)),
      edits: count,
      compactions: core.library.stats.compactions - before,
      byKind: { tags: by('tags'), note: by('note'), status: by('status') },
    };
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- import

export interface ImportResult {
  size: number;
  papers: number;
  /** Median over `runs` distinct pastes imported one after another into a copy of the library. */
  parseMs: number;
  commitMs: number;
  /** Median from the start of the commit until a search finds the import's papers (indexed after the commit). */
  searchableMs: number;
  runs: number;
  parseSamples: number[];
  commitSamples: number[];
  searchableSamples: number[];
  /** Also re-indexes the 1,000 papers in the search engine (FolioCore's change listener, inside commit). */
  note: string;
}

export async function importBench(corpus: Corpus, runs: number): Promise<ImportResult> {
  const dir = await copyLibrary(corpus, 'import');
  const core = await FolioCore.open(dir);
  await core.whenIndexed();
  const parseSamples: number[] = [];
  const commitSamples: number[] = [];
  const searchableSamples: number[] = [];
  let papers = 0;
  try {
    for (let r = 0; r < runs; r++) {
      const paste = extraPaste(corpus.manifest.size, corpus.manifest.seed, r);
      let t = performance.now();
      const parsed = parseProfilePage(paste.text);
      parseSamples.push(performance.now() - t);
      if (parsed.papers.length !== paste.papers) throw new Error(`import paste parsed to ${parsed.papers.length} papers`);
      papers = parsed.papers.length;
      t = performance.now();
      const outcome = await core.library.commitImport(paste.text, parsed, PARSER_VERSION);
      commitSamples.push(performance.now() - t);
      if (outcome.addedIds.length !== paste.papers) throw new Error(`import added ${outcome.addedIds.length} papers`);
      // The new papers are indexed just after the commit; a search waits for that. Its title's words find it.
      const last = parsed.papers[parsed.papers.length - 1];
      const found = await core.query({ search: last?.title ?? '', offset: 0, limit: 1 });
      searchableSamples.push(performance.now() - t);
      if (found.rows[0]?.title !== last?.title) throw new Error('the last imported paper is not the top hit for its own title');
    }
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
  return {
    size: corpus.manifest.size,
    papers,
    parseMs: round(median(parseSamples), 1),
    commitMs: round(median(commitSamples), 1),
    searchableMs: round(median(searchableSamples), 1),
    runs,
    parseSamples: parseSamples.map((s) => round(s, 1)),
    commitSamples: commitSamples.map((s) => round(s, 1)),
    searchableSamples: searchableSamples.map((s) => round(s, 1)),
    note:
      'commit = segment (records + abstracts) + raw text + library.json written atomically (fsync); ' +
      'searchable = commit + the 1,000 papers indexed (in slices after the commit) + a search for the last title',
  };
}

// ---------------------------------------------------------------- index build

export interface IndexResult {
  engine: EngineName;
  size: number;
  buildMs: number;
  heapMb: number;
  rssMb: number;
}

/** Builds an index from `docs` and measures time and the retained heap / RSS growth (after full GCs). */
export function measureBuild<T>(engine: EngineName, size: number, build: () => T): { index: T; result: IndexResult } {
  gc();
  const before = memory();
  const t = performance.now();
  const index = build();
  const buildMs = performance.now() - t;
  gc();
  const after = memory();
  return {
    index,
    result: { engine, size, buildMs: round(buildMs, 0), heapMb: mb(after.heapUsed - before.heapUsed), rssMb: mb(after.rss - before.rss) },
  };
}

export function buildFolioEngine(docs: readonly SearchDoc[], size: number): { index: SearchEngine; result: IndexResult } {
  return measureBuild('folio', size, () => {
    const engine = new SearchEngine();
    engine.addAll(docs);
    return engine;
  });
}

export function buildPeer(name: Exclude<EngineName, 'folio'>, docs: readonly SearchDoc[], size: number): { index: Engine; result: IndexResult } {
  return measureBuild(name, size, () => PEER_BUILDERS[name](docs));
}
