// Folio benchmark suite (issue 4). `npm run bench` = `tsx bench/run.ts`.
//
//   npm run bench                         10k, 50k, 100k papers, peers, renderer at the largest size
//   npm run bench -- --sizes 10000        quick mode (a few minutes on 2 cores)
//   npm run bench -- --json FILE          also write the figures as JSON
//   npm run bench -- --only import-sources    only the large BibTeX import (issue 9: parse ≤ 2 s, commit ≤ 1 s)
//   npm run bench -- --only search-tools      only duplicates and saved-search counts per size (issue 10)
//   npm run bench -- --only manage            only bulk tag (durable, searchable), undo, duplicates() per size (issue 10)
//   npm run bench -- --only open              only the cold opens per size (first rows, index, memory; issue 12)
//   npm run bench -- --only renderer          only the renderer at the largest size (keystroke → painted; issue 12)
//   flags: --skip-peers  --skip-renderer  --seed N  --open-runs N  --edits N  --import-runs N  --reps N
//          --peers fuse-naive,ufuzzy,minisearch  --peer-budget S (seconds per peer and size; default 30 at 10k, 75 above)
//          --no-profile (skip the CPU profile of Folio queries over 16 ms p95)
//          --skip-import-sources  --import-entries N (default 10000)  --skip-search-tools  --skip-manage
//
// Everything is measured in this run: the peers search the same corpus with the same queries, right after
// Folio, so machine noise hits both. Libraries are generated once per size and seed through the real store
// and cached in os.tmpdir()/folio-bench-cache (delete it to regenerate).
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { FolioCore } from '../electron/core/folio.js';
import { DEFAULT_SEED, cacheRoot, ensureCorpus, type Corpus } from './corpus.js';
import { importSourcesBench, importSourcesTable, type ImportSourcesResult } from './import-sources.js';
import { manageBench, manageTable, type ManageResult } from './manage.js';
import { searchToolsBench, searchToolsTable, type SearchToolsResult } from './search-tools.js';
import { docsFromLibrary, folioEngine, type EngineName } from './engines.js';
import { runRenderer, type RendererResult } from './renderer.js';
import {
  FIXED_QUERIES,
  TYPED_PHRASE,
  knownQueries,
  precisionAt10,
  profileQuery,
  rawEngineSearch,
  relevantIds,
  timeEngine,
  toJsonRow,
  typingQueries,
  type JsonSearchRow,
  type ProfileLine,
  type QualityRow,
  type QuerySpec,
  type Timed,
} from './search.js';
import { errorMessage, errorStack } from '../electron/core/library/errors.js';
import { fmtMs, gc, median, p95, round, table } from './stats.js';
import {
  buildFolioEngine,
  buildPeer,
  coldOpen,
  editDurability,
  importBench,
  type EditResult,
  type ImportResult,
  type IndexResult,
  type OpenResult,
} from './system.js';
import { issue12Targets, openOnly as openSizeOnly, openTable, rendererJson } from './targets.js';

// ---------------------------------------------------------------- options

interface Options {
  sizes: number[];
  seed: number;
  json: string | null;
  peers: Array<Exclude<EngineName, 'folio'>>;
  renderer: boolean;
  openRuns: number;
  edits: number;
  importRuns: number;
  reps: number;
  profile: boolean;
  /** Seconds one peer may spend on one size (naive fuse.js takes seconds per query at 100k). */
  peerBudgetS: number | null;
  /** The search/open/edit sections per size (off with --only import-sources). */
  sizesSection: boolean;
  /** The large BibTeX import of issue 9 (bench/import-sources.ts). */
  importSources: boolean;
  importEntries: number;
  /** Duplicates finder and saved-search counts per size (issue 10, bench/search-tools.ts). */
  searchTools: boolean;
  /** Bulk tag of 10,000 selected papers, its undo, duplicates() and saved counts through FolioCore (bench/manage.ts). */
  manage: boolean;
  /** Only issue 11's CRDT-library-or-own-rules measurement (bench/sync-crdt.ts, its own defaults). */
  syncCrdt: boolean;
  /** Only the cold opens per size (--only open). */
  openOnly: boolean;
}

const ONLY_SECTIONS = ['import-sources', 'search-tools', 'manage', 'open', 'renderer'] as const;

function parseArgs(argv: string[]): Options {
  const o: Options = {
    sizes: [10_000, 50_000, 100_000],
    seed: DEFAULT_SEED,
    json: null,
    peers: ['fuse-naive', 'ufuzzy', 'minisearch'],
    renderer: true,
    openRuns: 5,
    edits: 600,
    importRuns: 3,
    reps: 20,
    profile: true,
    peerBudgetS: null,
    sizesSection: true,
    importSources: true,
    syncCrdt: false,
    importEntries: 10_000,
    searchTools: true,
    manage: true,
    openOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v as string;
    };
    const int = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) usage(`${a} needs a positive whole number`);
      return n;
    };
    switch (a) {
      case '--sizes':
        o.sizes = value().split(',').map((s) => Number(s.replace(/k$/i, '000')));
        if (o.sizes.some((n) => !Number.isInteger(n) || n < 1000)) usage('--sizes takes numbers ≥ 1000, e.g. 10000,50000');
        break;
      case '--seed':
        o.seed = int();
        break;
      case '--json':
        o.json = value();
        break;
      case '--skip-peers':
        o.peers = [];
        break;
      case '--peers':
        o.peers = value().split(',') as Options['peers'];
        if (o.peers.some((p) => !['fuse-naive', 'ufuzzy', 'minisearch'].includes(p))) usage('--peers: fuse-naive, ufuzzy, minisearch');
        break;
      case '--skip-renderer':
        o.renderer = false;
        break;
      case '--open-runs':
        o.openRuns = int();
        break;
      case '--edits':
        o.edits = int();
        break;
      case '--import-runs':
        o.importRuns = int();
        break;
      case '--reps':
        o.reps = int();
        break;
      case '--peer-budget':
        o.peerBudgetS = int();
        break;
      case '--no-profile':
        o.profile = false;
        break;
      case '--only': {
        const section = value();
        if (section === 'sync-crdt') {
          o.syncCrdt = true;
          break;
        }
        if (!ONLY_SECTIONS.includes(section as (typeof ONLY_SECTIONS)[number])) usage(`--only takes: ${ONLY_SECTIONS.join(', ')}, sync-crdt`);
        o.sizesSection = false;
        o.renderer = section === 'renderer';
        o.openOnly = section === 'open';
        o.importSources = section === 'import-sources';
        o.searchTools = section === 'search-tools';
        o.manage = section === 'manage';
        break;
      }
      case '--skip-search-tools':
        o.searchTools = false;
        break;
      case '--skip-manage':
        o.manage = false;
        break;
      case '--skip-import-sources':
        o.importSources = false;
        break;
      case '--import-entries':
        o.importEntries = int();
        break;
      case '-h':
      case '--help':
        usage(null);
        break;
      default:
        usage(`unknown option ${a}`);
    }
  }
  return o;
}

function usage(problem: string | null): never {
  if (problem) console.error(problem);
  console.error(
    'usage: npm run bench -- [--sizes 10000,50000,100000] [--json FILE] [--skip-peers] [--peers a,b] [--skip-renderer]\n' +
      '                       [--seed N] [--open-runs N] [--edits N] [--import-runs N] [--reps N] [--peer-budget S] [--no-profile]\n' +
      '                       [--skip-import-sources] [--import-entries N] [--skip-search-tools] [--skip-manage]\n' +
      '       npm run bench -- --only import-sources [--import-entries N] [--import-runs N] [--json FILE]\n' +
      '                       (only the large BibTeX import of issue 9: parse ≤ 2 s off the main thread, commit ≤ 1 s)\n' +
      '       npm run bench -- --only search-tools [--sizes …] [--reps N]   (duplicates and 20 saved-search counts, issue 10)\n' +
      '       npm run bench -- --only open|renderer [--sizes …] [--open-runs N] [--json FILE]   (cold opens; typing in the renderer)\n' +
      '       npm run bench -- --only sync-crdt   (issue 11: Yjs, Automerge and own merge rules; options: npx tsx bench/sync-crdt.ts --help)',
  );
  process.exit(problem ? 2 : 0);
}

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------------------------------------------------------------- one size

interface SizeResult {
  size: number;
  corpus: Corpus;
  timed: Timed[];
  raw: Timed[];
  quality: QualityRow[];
  index: IndexResult[];
  open: OpenResult;
  edit: EditResult;
  import: ImportResult;
  notes: string[];
  profiles: Array<{ query: string; p95Ms: number; lines: ProfileLine[] }>;
}

async function runSize(size: number, o: Options): Promise<SizeResult> {
  const corpus = await ensureCorpus(size, o.seed, log);
  if (corpus.fromCache) log(`corpus ${size}: from cache ${corpus.dir}`);
  const notes: string[] = [];

  log(`cold open ${size}: ${o.openRuns} fresh processes…`);
  // The children share 2 cores with this process: let its garbage from the previous size (peer indexes of
  // up to ~1 GB) be collected first, or V8's background GC threads compete with the child being timed.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const open = await coldOpen(corpus, o.openRuns);
  log(`  open → first rows ${open.ms} ms (store ${open.storeOpenMs}, rest of open ${open.indexAndWiringMs}, page ${open.firstPageMs}); index ready ${open.indexReadyMs} ms after open from the index file (${open.indexBuiltReadyMs} ms when built); abstracts in ${open.abstractsLoadedMs} ms; longest loop block ${open.maxEventLoopBlockMs} ms`);

  const core = await FolioCore.open(corpus.libraryDir);
  await core.whenIndexed();
  const docs = docsFromLibrary(core.library);
  const idByTitle = new Map(core.library.papers().map((p) => [p.title, p.id]));
  const relevant = relevantIds(corpus, idByTitle);
  const specs: QuerySpec[] = [...FIXED_QUERIES, ...typingQueries(), ...knownQueries(corpus)];

  const index: IndexResult[] = [];
  const timed: Timed[] = [];
  const raw: Timed[] = [];
  const profiles: SizeResult['profiles'] = [];
  try {
    // Folio: the real UI path first, then the engine alone on a separately built index (build cost).
    log(`search ${size}: folio (FolioCore.query, first 50 rows with highlights)…`);
    const folio = folioEngine(core);
    const fast = { maxReps: o.reps, perQueryBudgetMs: 2_000, slowMs: 1_000, engineBudgetMs: 600_000 };
    const f = await timeEngine('folio', size, (q) => folio.search(q), specs, fast);
    timed.push(...f.rows);
    notes.push(...f.notes);
    {
      const built = buildFolioEngine(docs, size);
      index.push(built.result);
      const r = await timeEngine('folio', size, rawEngineSearch(built.index), specs, { ...fast, maxReps: Math.min(o.reps, 15) });
      raw.push(...r.rows);
    }
    gc();
    if (o.profile) {
      for (const row of f.rows) {
        const q95 = p95(row.samples);
        if (q95 > 16 && row.spec.group !== 'typing') {
          profiles.push({ query: row.spec.query, p95Ms: round(q95), lines: await profileQuery(core, row.spec.query, 20) });
        }
      }
      // The worst typed prefix too.
      const worst = f.rows.filter((r) => r.spec.group === 'typing').sort((a, b) => p95(b.samples) - p95(a.samples))[0];
      if (worst && p95(worst.samples) > 16) {
        profiles.push({ query: worst.spec.query, p95Ms: round(p95(worst.samples)), lines: await profileQuery(core, worst.spec.query, 20) });
      }
    }

    for (const peer of o.peers) {
      log(`search ${size}: ${peer} (building index)…`);
      const built = buildPeer(peer, docs, size);
      index.push(built.result);
      log(`  ${peer} index ${built.result.buildMs} ms, ${built.result.heapMb} MB heap; timing queries…`);
      const opts = { maxReps: Math.min(o.reps, 15), perQueryBudgetMs: 2_000, slowMs: 300, engineBudgetMs: (o.peerBudgetS ?? (size <= 10_000 ? 30 : 75)) * 1000 };
      const r = await timeEngine(peer, size, (q) => built.index.search(q), specs, opts);
      timed.push(...r.rows);
      notes.push(...r.notes);
      gc();
    }
  } finally {
    await core.close();
  }

  const quality: QualityRow[] = [];
  for (const t of timed) {
    if (t.spec.group !== 'known') continue;
    const rel = relevant.get(t.spec.query) ?? new Set<string>();
    const kind = corpus.manifest.knownAnswers.find((k) => k.query === t.spec.query)?.kind ?? '';
    quality.push({ engine: t.engine, size, query: t.spec.query, kind, relevant: rel.size, precisionAt10: round(precisionAt10(t.top, rel), 3) });
  }

  log(`edits ${size}: ${o.edits} edits on a copy…`);
  const edit = await editDurability(corpus, o.edits);
  log(`  edit p50 ${edit.p50Ms} ms, p95 ${edit.p95Ms} ms, max ${edit.maxMs} ms (${edit.compactions} compaction)`);
  log(`import ${size}: ${o.importRuns} × 1,000-paper pastes on a copy…`);
  const imp = await importBench(corpus, o.importRuns);
  log(`  parse ${imp.parseMs} ms, commit ${imp.commitMs} ms, searchable ${imp.searchableMs} ms`);

  return { size, corpus, timed, raw, quality, index, open, edit, import: imp, notes, profiles };
}

// ---------------------------------------------------------------- report

const ENGINES: EngineName[] = ['folio', 'fuse-naive', 'ufuzzy', 'minisearch'];

function cell(t: Timed | undefined): string {
  if (!t) return '—';
  return `${fmtMs(median(t.samples))} / ${fmtMs(p95(t.samples))}  (${t.hits})`;
}

function ratio(peer: number | undefined, folio: number | undefined): string {
  if (peer === undefined || folio === undefined || folio <= 0) return '—';
  const r = peer / folio;
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`;
}

interface TypingAggregate {
  engine: EngineName;
  size: number;
  prefixes: number;
  p50Ms: number;
  p95Ms: number;
  worstPrefix: string;
  worstP95Ms: number;
}

function typingAggregate(rows: Timed[], engine: EngineName, size: number): TypingAggregate | null {
  const typing = rows.filter((t) => t.engine === engine && t.size === size && t.spec.group === 'typing');
  if (typing.length === 0) return null;
  const pooled = typing.flatMap((t) => t.samples);
  const worst = [...typing].sort((a, b) => p95(b.samples) - p95(a.samples))[0] as Timed;
  return {
    engine,
    size,
    prefixes: typing.length,
    p50Ms: round(median(pooled), 3),
    p95Ms: round(p95(pooled), 3),
    worstPrefix: worst.spec.query,
    worstP95Ms: round(p95(worst.samples), 3),
  };
}

function searchTable(r: SizeResult, peers: EngineName[]): string {
  const engines: EngineName[] = ['folio', ...peers];
  const header = ['query', 'folio-engine', ...engines.map((e) => e), ...peers.map((p) => `${p}/folio`)];
  const rows: string[][] = [];
  const find = (list: Timed[], e: EngineName, q: string) => list.find((t) => t.engine === e && t.spec.query === q);
  const line = (label: string, q: string) => {
    const folio = find(r.timed, 'folio', q);
    const rawRow = find(r.raw, 'folio', q);
    rows.push([
      `${label}: ${q}`.slice(0, 58),
      rawRow ? `${fmtMs(median(rawRow.samples))} / ${fmtMs(p95(rawRow.samples))}` : '—',
      ...engines.map((e) => cell(find(r.timed, e, q))),
      ...peers.map((p) => ratio(median(find(r.timed, p, q)?.samples ?? []) || undefined, folio ? median(folio.samples) : undefined)),
    ]);
  };
  for (const s of FIXED_QUERIES) line(s.label, s.query);
  // Typing: pooled over every prefix.
  const agg = (list: Timed[], e: EngineName) => typingAggregate(list, e, r.size);
  const folioAgg = agg(r.timed, 'folio');
  const rawAgg = agg(r.raw, 'folio');
  rows.push([
    `typing "${TYPED_PHRASE}" (each prefix)`.slice(0, 58),
    rawAgg ? `${fmtMs(rawAgg.p50Ms)} / ${fmtMs(rawAgg.p95Ms)}` : '—',
    ...engines.map((e) => {
      const a = agg(r.timed, e);
      return a ? `${fmtMs(a.p50Ms)} / ${fmtMs(a.p95Ms)}  (${a.prefixes} prefixes)` : '—';
    }),
    ...peers.map((p) => ratio(agg(r.timed, p)?.p50Ms, folioAgg?.p50Ms)),
  ]);
  for (const e of engines) {
    const a = agg(r.timed, e);
    if (a) rows.push([`  worst prefix, ${e}: "${a.worstPrefix}"`.slice(0, 58), '', ...engines.map((x) => (x === e ? `p95 ${fmtMs(a.worstP95Ms)}` : '')), ...peers.map(() => '')]);
  }
  // Known-answer queries, pooled.
  const known = (list: Timed[], e: EngineName) => list.filter((t) => t.engine === e && t.spec.group === 'known').flatMap((t) => t.samples);
  const kf = known(r.timed, 'folio');
  rows.push([
    `20 known-answer queries (pooled)`,
    `${fmtMs(median(known(r.raw, 'folio')))} / ${fmtMs(p95(known(r.raw, 'folio')))}`,
    ...engines.map((e) => {
      const k = known(r.timed, e);
      return k.length ? `${fmtMs(median(k))} / ${fmtMs(p95(k))}` : '—';
    }),
    ...peers.map((p) => ratio(median(known(r.timed, p)) || undefined, median(kf))),
  ]);
  return table(header, rows, (c) => c > 0);
}

function qualityTable(results: SizeResult[], peers: EngineName[]): string {
  const engines: EngineName[] = ['folio', ...peers];
  const rows: string[][] = [];
  const last = results[results.length - 1] as SizeResult;
  for (const k of last.corpus.manifest.knownAnswers) {
    rows.push([
      `${k.query}`,
      k.kind.slice(0, 44),
      String(last.quality.find((q) => q.query === k.query)?.relevant ?? ''),
      ...engines.map((e) => last.quality.find((q) => q.engine === e && q.query === k.query)?.precisionAt10.toFixed(2) ?? 'not run'),
    ]);
  }
  for (const r of results) {
    rows.push([
      `mean precision@10, ${r.size}`,
      '',
      '',
      ...engines.map((e) => {
        const qs = r.quality.filter((q) => q.engine === e);
        return qs.length ? (qs.reduce((s, q) => s + q.precisionAt10, 0) / qs.length).toFixed(3) : '—';
      }),
    ]);
  }
  return table(['query', 'tests', 'rel', ...engines], rows, (c) => c > 1);
}

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtEnd: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.syncCrdt) {
    const { SYNC_BENCH_DEFAULTS, syncCrdtBench, syncCrdtTable } = await import('./sync-crdt.js');
    console.log(syncCrdtTable(await syncCrdtBench({ ...SYNC_BENCH_DEFAULTS }, log)));
    return;
  }
  const started = performance.now();
  const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`sizes ${o.sizes.join(', ')}; seed ${o.seed}; peers ${o.peers.join(', ') || 'none'}; renderer ${o.renderer ? 'yes' : 'no'}; cache ${cacheRoot()}`);
  const results: SizeResult[] = [];
  if (o.sizesSection) for (const size of o.sizes) results.push(await runSize(size, o));
  const opens: OpenResult[] = results.map((r) => r.open);
  if (o.openOnly) for (const size of o.sizes) opens.push(await openSizeOnly(size, o.seed, o.openRuns, log));
  const importSources: ImportSourcesResult | null = o.importSources
    ? await importSourcesBench({ entries: o.importEntries, runs: o.importRuns, seed: o.seed }, log)
    : null;
  const searchTools: SearchToolsResult[] = o.searchTools ? o.sizes.map((size) => searchToolsBench(size, o.seed, Math.min(o.reps, 5), log)) : [];
  const manage: ManageResult[] = [];
  if (o.manage) for (const size of o.sizes) manage.push(await manageBench(await ensureCorpus(size, o.seed, log), Math.min(o.reps, 5)));

  let renderer: RendererResult | null = null;
  if (o.renderer) {
    const largest = Math.max(...o.sizes);
    const corpus = results.find((r) => r.size === largest)?.corpus ?? (await ensureCorpus(largest, o.seed, log));
    log(`renderer ${largest}: Chromium through Playwright…`);
    gc();
    try {
      renderer = await runRenderer(corpus, log);
    } catch (error) {
      log(`renderer failed: ${errorStack(error)}`);
      renderer = { size: largest, error: errorMessage(error) } as RendererResult;
    }
  }

  // ---- stdout report
  const out: string[] = [];
  const m = machine();
  out.push(`Folio benchmark — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; seed ${o.seed}`);
  out.push(`load average (1/5/15 min) at start ${loadAtStart}, at end ${m.loadAverageAtEnd}: other work on the machine inflates every figure alike`);
  out.push('Times in ms as p50 / p95 (hits). "x/folio" = that engine\'s p50 ÷ Folio\'s p50 (above 1×: Folio is faster).');
  out.push('folio = FolioCore.query, first 50 rows with highlight ranges (the UI path); folio-engine = SearchEngine.search alone.');
  for (const r of results) {
    out.push('', `== Search, ${r.size.toLocaleString('en-US')} papers (${r.corpus.manifest.profiles} profile pastes)`, searchTable(r, o.peers));
  }
  if (results.some((r) => r.quality.length > 0)) {
    out.push('', '== Quality: precision@10 on planted known-answer queries (|top10 ∩ relevant| / min(10, |relevant|))', qualityTable(results, o.peers));
  }
  if (results.length > 0) out.push(
    '',
    '== Index build (from documents in memory) and retained memory',
    table(
      ['engine', ...results.map((r) => `${r.size}`)],
      ENGINES.filter((e) => results.some((r) => r.index.some((i) => i.engine === e))).map((e) => [
        e,
        ...results.map((r) => {
          const i = r.index.find((x) => x.engine === e);
          return i ? `${fmtMs(i.buildMs)}${i.buildMs < 1000 ? ' ms' : ''}, heap +${i.heapMb} MB, rss ${i.rssMb >= 0 ? '+' : ''}${i.rssMb} MB` : '—';
        }),
      ]),
    ),
  );
  if (o.openOnly) out.push('', '== Cold open (fresh processes)', openTable(opens));
  if (results.length > 0) out.push(
    '',
    '== Open, edit, import',
    table(
      ['size', 'cold open→rows', '(store / rest of open / page)', 'index ready: file / built', 'abstracts in', 'loop blocked: longest / after rows', 'rss', 'edit p50/p95/max', 'compactions', 'import parse', 'import commit', 'import searchable'],
      results.map((r) => [
        String(r.size),
        `${fmtMs(r.open.ms)} (p95 ${fmtMs(r.open.p95Ms)})`,
        `${fmtMs(r.open.storeOpenMs)} / ${fmtMs(r.open.indexAndWiringMs)} / ${fmtMs(r.open.firstPageMs)}`,
        `${fmtMs(r.open.indexReadyMs)} / ${fmtMs(r.open.indexBuiltReadyMs)}`,
        `${fmtMs(r.open.abstractsLoadedMs)}`,
        `${fmtMs(r.open.maxEventLoopBlockMs)} / ${fmtMs(r.open.blockedAfterFirstRowsMs)}`,
        `${Math.round(r.open.rssMb)} MB`,
        `${fmtMs(r.edit.p50Ms)} / ${fmtMs(r.edit.p95Ms)} / ${fmtMs(r.edit.maxMs)}`,
        String(r.edit.compactions),
        `${fmtMs(r.import.parseMs)}`,
        `${fmtMs(r.import.commitMs)}`,
        `${fmtMs(r.import.searchableMs)}`,
      ]),
    ),
  );
  if (renderer) {
    out.push('', `== Renderer in Chromium, ${renderer.size} papers`);
    out.push(renderer.error ? `  not measured: ${renderer.error}` : renderer.summary);
  }
  const profiles = results.flatMap((r) => r.profiles.map((p) => ({ size: r.size, ...p })));
  if (profiles.length > 0) {
    out.push('', '== CPU profile of Folio queries over 16 ms p95 (self time per run, top functions)');
    for (const p of profiles) {
      out.push(`  "${p.query}" at ${p.size}: p95 ${p.p95Ms} ms`);
      for (const l of p.lines.slice(0, 6)) out.push(`    ${l.selfMs.toFixed(2).padStart(7)} ms  ${(l.share * 100).toFixed(0).padStart(3)}%  ${l.fn}  ${l.where}`);
    }
  }
  if (importSources !== null) {
    out.push(
      '',
      `== Import sources (issue 9): a ${importSources.entries.toLocaleString('en-US')}-entry BibTeX file (${importSources.papers.toLocaleString('en-US')} papers read), median of ${o.importRuns} runs`,
      importSourcesTable(importSources),
    );
  }
  if (searchTools.length > 0) {
    out.push('', `== Duplicates finder and 20 saved-search counts (issue 10), median of ${Math.min(o.reps, 5)} runs`, searchToolsTable(searchTools));
  }
  if (manage.length > 0) {
    out.push('', `== Managing a library (issue 10): bulk tag of 10,000 selected papers, undo, duplicates(), median of ${Math.min(o.reps, 5)} runs`, manageTable(manage));
  }
  const targets = issue12Targets(results, opens, renderer);
  if (targets.length > 0) out.push('', '== Issue 12 targets (the largest size measured)', table(['target', 'measured', ''], targets, (c) => c > 0));
  const notes = results.flatMap((r) => r.notes);
  if (notes.length > 0) out.push('', '== Notes', ...notes.map((n) => `  - ${n}`));
  out.push('', `total ${(((performance.now() - started) / 1000) | 0)} s`);
  console.log(out.join('\n'));

  if (o.json) {
    const search: JsonSearchRow[] = results.flatMap((r) => r.timed.map(toJsonRow));
    const json = {
      search,
      open: opens.map((open) => ({ size: open.size, ms: open.ms, p95Ms: open.p95Ms, longestBlockMs: open.blockedAfterFirstRowsMs })),
      edit: results.map((r) => ({ size: r.size, p95Ms: r.edit.p95Ms })),
      import: results.map((r) => ({ size: r.size, papers: r.import.papers, parseMs: r.import.parseMs, commitMs: r.import.commitMs })),
      quality: results.flatMap((r) => r.quality),
      index: results.flatMap((r) => r.index),
      renderer: renderer === null || renderer.error !== undefined ? [] : [rendererJson(renderer)],
      memory: opens.map((open) => ({ size: open.size, mainRssMb: round(open.rssMb, 1), rendererRssMb: renderer?.size === open.size ? renderer.rendererRssMb : null })),
      firstIndex: opens.map((open) => ({ size: open.size, searchableMs: open.firstSearchableMs, indexReadyMs: open.indexBuiltReadyMs })),
      typing: results.flatMap((r) => ENGINES.map((e) => typingAggregate(r.timed, e, r.size)).filter((a) => a !== null)),
      searchEngineOnly: results.flatMap((r) => r.raw.map((t) => ({ ...toJsonRow(t), engine: 'folio-engine' }))),
      importSources,
      searchTools,
      manage,
      details: {
        machine: m,
        seed: o.seed,
        open: opens,
        renderer,
        edit: results.map((r) => r.edit),
        import: results.map((r) => r.import),
        profiles,
        notes,
        corpus: results.map((r) => ({ size: r.size, profiles: r.corpus.manifest.profiles, generateMs: r.corpus.manifest.generateMs, dir: r.corpus.dir })),
      },
    };
    await writeFile(o.json, `${JSON.stringify(json, null, 1)}\n`);
    log(`wrote ${o.json}`);
  }
}

await main();
