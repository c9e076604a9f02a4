// Issue 10's search-side tools at scale: findDuplicatePairs over the bench corpus with planted duplicates, and the
// live counts of 20 saved searches (engine.countMany). Medians of several runs, CPU and wall time.
//   npx tsx bench/search-tools.ts [papers…] [--runs N]      (default 100000, 5 runs)
//   npm run bench -- --only search-tools [--sizes …]
import { pathToFileURL } from 'node:url';
import type { DuplicateCandidate } from '../electron/core/duplicates.js';
import { findDuplicatePairs } from '../electron/core/duplicates.js';
import { titleKey } from '../electron/core/text.js';
import { SearchEngine } from '../electron/core/search/index.js';
import type { SavedSearchDefinition, SearchDoc } from '../electron/core/search/index.js';
import { DEFAULT_SEED, generateCorpus, type GenPaper } from './corpus.js';
import { mulberry32 } from './rng.js';
import { fmtMs, gc, median, table } from './stats.js';

export interface SearchToolsResult {
  size: number;
  /** cpuMs with the title keys given, as the store gives its papers' stored keys; coldCpuMs computing them. */
  duplicates: { papers: number; pairs: number; capped: number; wallMs: number; cpuMs: number; coldCpuMs: number };
  counts: { searches: number; wallMs: number; cpuMs: number; perSearchMs: number; counts: number[] };
  /** The engine's build of the same papers, CPU ms: a yardstick for this machine's speed at the time. */
  engineBuildCpuMs: number;
}

/** 20 saved searches of the kinds people keep: tags (with their subtrees), statuses, years, text, OR, exclusions. */
export const BENCH_SAVED_SEARCHES: SavedSearchDefinition[] = [
  { name: 'To read', search: 'tag:to-read' },
  { name: 'ML', search: '', scope: { tag: 'ml' } },
  { name: 'RL', search: 'tag:ml/rl' },
  { name: 'Reading now', search: '', scope: { status: 'reading' } },
  { name: 'Read this decade', search: 'year:2020..', scope: { status: 'read' } },
  { name: 'Classics', search: 'tag:classic year:..2010' },
  { name: 'Surveys or benchmarks', search: 'tag:survey OR tag:benchmark' },
  { name: 'Thesis', search: 'tag:cite-in-thesis -status:unread' },
  { name: 'LG papers', search: 'cat:LG' },
  { name: 'Vision not robotics', search: 'cat:CV -tag:robotics' },
  { name: 'Trash', search: '', scope: { trash: true } },
  { name: 'Unread RL', search: 'saved:rl status:unread' },
  { name: 'Privacy or fairness', search: 'tag:privacy OR tag:fairness OR tag:interpretability' },
  { name: 'A word', search: 'learning' },
  { name: 'Two words', search: 'neural network' },
  { name: 'Word OR word', search: 'graph OR diffusion' },
  { name: 'Word minus word', search: 'learning -survey' },
  { name: 'Text in a tag', search: 'tag:ml/nlp model' },
  { name: 'Author', search: 'author:müller' },
  { name: 'Nested', search: 'saved:"to read" saved:"read this decade"' },
];

// Hierarchical tags for the tree: a few of the corpus's flat tags moved under parents.
const PARENT: Record<string, string> = { rl: 'ml/rl', rlhf: 'ml/rl/rlhf', nlp: 'ml/nlp', vision: 'ml/vision', llm: 'ml/nlp/llm' };

function searchDocOf(p: GenPaper, i: number, trashed: boolean): SearchDoc {
  return {
    id: `p${i}`,
    title: p.title,
    authors: p.authors,
    orgs: p.orgs,
    abstract: p.abstract,
    tags: p.tags.map((t) => PARENT[t] ?? t),
    note: p.note,
    date: p.date,
    year: Number(p.date.slice(0, 4)),
    category: p.category,
    status: p.status,
    profileIds: [],
    profileNames: [],
    addedAt: '2024-08-01T00:00:00.000Z',
    trashed,
  };
}

/**
 * The corpus's papers as duplicate candidates, with duplicates planted the ways a real library gets them: 1% typo'd
 * copies (1–2 characters), 0.5% the same title years later, 0.5% a DOI shared with an unrelated title; 40% of the
 * papers have a DOI of their own.
 */
export function duplicateCandidates(papers: readonly GenPaper[], seed: number): { candidates: DuplicateCandidate[]; planted: number } {
  const random = mulberry32(seed ^ 0xd0b1e);
  const candidates: DuplicateCandidate[] = papers.map((p, i) => ({ id: `p${i}`, title: p.title, date: p.date, doi: random() < 0.4 ? `10.5555/bench.${i}` : null }));
  const n = candidates.length;
  let planted = 0;
  const pick = (): DuplicateCandidate => candidates[Math.floor(random() * n)] as DuplicateCandidate;
  for (let k = 0; k < n * 0.01; k++) {
    const source = pick();
    const chars = [...source.title];
    for (let e = 0; e < 1 + Math.floor(random() * 2); e++) chars.splice(1 + Math.floor(random() * (chars.length - 2)), 1, 'x');
    candidates.push({ id: `typo${k}`, title: chars.join(''), date: source.date, doi: null });
    planted++;
  }
  for (let k = 0; k < n * 0.005; k++) {
    const source = pick();
    candidates.push({ id: `later${k}`, title: source.title, date: `${Number(source.date.slice(0, 4)) + 5}`, doi: null });
    planted++;
  }
  for (let k = 0; k < n * 0.005; k++) {
    const source = pick();
    if (source.doi === null) continue;
    candidates.push({ id: `doi${k}`, title: `Erratum ${k}`, date: source.date, doi: source.doi });
    planted++;
  }
  return { candidates, planted };
}

function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export function searchToolsBench(size: number, seed: number, runs: number, log: (line: string) => void): SearchToolsResult {
  log(`search tools ${size}: generating the corpus`);
  const { papers } = generateCorpus(size, seed);
  const { candidates } = duplicateCandidates(papers, seed);
  const keyed = candidates.map((c) => ({ ...c, key: titleKey(c.title) }));
  const dupRuns: Array<{ wallMs: number; cpuMs: number }> = [];
  const coldRuns: number[] = [];
  const result = findDuplicatePairs(candidates, { isExcluded: () => false, limit: 200 });
  for (let r = 0; r < runs; r++) {
    gc();
    dupRuns.push(timed(() => findDuplicatePairs(keyed, { isExcluded: () => false, limit: 200 })));
    gc();
    coldRuns.push(timed(() => findDuplicatePairs(candidates, { isExcluded: () => false, limit: 200 })).cpuMs);
  }
  log(`search tools ${size}: duplicates ${fmtMs(median(dupRuns.map((r) => r.cpuMs)))} CPU, ${result.total} pairs; building the engine`);

  const random = mulberry32(seed ^ 0x7a5);
  const engine = new SearchEngine();
  const build = timed(() => engine.addAll(papers.map((p, i) => searchDocOf(p, i, random() < 0.02))));
  engine.setSavedSearches(BENCH_SAVED_SEARCHES);
  const queries = BENCH_SAVED_SEARCHES.map((s) => ({ search: s.search, scope: s.scope }));
  const counts = engine.countMany(queries);
  const countRuns: Array<{ wallMs: number; cpuMs: number }> = [];
  for (let r = 0; r < runs; r++) {
    gc();
    countRuns.push(timed(() => engine.countMany(queries)));
  }
  const cpuMs = median(countRuns.map((r) => r.cpuMs));
  return {
    size,
    duplicates: { papers: candidates.length, pairs: result.total, capped: result.capped.length, wallMs: median(dupRuns.map((r) => r.wallMs)), cpuMs: median(dupRuns.map((r) => r.cpuMs)), coldCpuMs: median(coldRuns) },
    counts: { searches: queries.length, wallMs: median(countRuns.map((r) => r.wallMs)), cpuMs, perSearchMs: cpuMs / queries.length, counts },
    engineBuildCpuMs: build.cpuMs,
  };
}

export function searchToolsTable(results: readonly SearchToolsResult[]): string {
  return table(
    ['papers', 'duplicates: pairs', 'duplicates CPU / wall ms (keys computed: CPU)', '20 saved-search counts CPU / wall ms', 'per search ms', 'yardstick: engine build CPU'],
    results.map((r) => [
      r.duplicates.papers.toLocaleString('en-US'),
      `${r.duplicates.pairs.toLocaleString('en-US')}${r.duplicates.capped > 0 ? ` (${r.duplicates.capped} capped)` : ''}`,
      `${fmtMs(r.duplicates.cpuMs)} / ${fmtMs(r.duplicates.wallMs)} (${fmtMs(r.duplicates.coldCpuMs)})`,
      `${fmtMs(r.counts.cpuMs)} / ${fmtMs(r.counts.wallMs)}`,
      fmtMs(r.counts.perSearchMs),
      fmtMs(r.engineBuildCpuMs),
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsAt = process.argv.indexOf('--runs');
  const sizes = process.argv.slice(2).filter((a, k) => /^\d+$/.test(a) && k + 2 !== runsAt + 1).map(Number);
  const runs = runsAt === -1 ? 5 : Number(process.argv[runsAt + 1]);
  const log = (line: string) => console.error(`[search-tools ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const results = (sizes.length > 0 ? sizes : [100_000]).map((size) => searchToolsBench(size, DEFAULT_SEED, runs, log));
  console.log(searchToolsTable(results));
  for (const r of results) console.log(`${r.size}: counts ${r.counts.counts.join(', ')}`);
}
