// Search speed and quality: the same queries against Folio and each peer, same corpus, same run.
import type { FolioCore } from '../electron/core/folio.js';
import type { SearchEngine } from '../electron/core/search/index.js';
import type { Corpus } from './corpus.js';
import type { EngineName, SearchResult } from './engines.js';
import { median, p95, round } from './stats.js';

export interface QuerySpec {
  /** What the query exercises ("typo", "typing 7/42", "known: tag"). */
  label: string;
  query: string;
  group: 'fixed' | 'typing' | 'known';
}

export const TYPED_PHRASE = 'knowledge distillation for language models';

export const FIXED_QUERIES: QuerySpec[] = [
  { label: 'one word', query: 'distillation', group: 'fixed' },
  { label: 'two words', query: 'reinforcement learning', group: 'fixed' },
  { label: 'typo', query: 'reinforcment', group: 'fixed' },
  { label: 'author surname', query: 'lefevre', group: 'fixed' },
  { label: 'surname + title word', query: 'lefevre distillation', group: 'fixed' },
  { label: 'filters + word', query: 'tag:rlhf year:2020..2024 distillation', group: 'fixed' },
  { label: 'gibberish', query: 'xqzvkwpl', group: 'fixed' },
  { label: 'three common words', query: 'large language models', group: 'fixed' },
];

export function typingQueries(phrase = TYPED_PHRASE): QuerySpec[] {
  return Array.from({ length: phrase.length }, (_, i) => ({
    label: `typing ${i + 1}/${phrase.length}`,
    query: phrase.slice(0, i + 1),
    group: 'typing' as const,
  }));
}

export function knownQueries(corpus: Corpus): QuerySpec[] {
  return corpus.manifest.knownAnswers.map((k) => ({ label: `known: ${k.kind}`, query: k.query, group: 'known' as const }));
}

export interface Timed {
  engine: EngineName;
  size: number;
  spec: QuerySpec;
  samples: number[];
  hits: number;
  top: string[];
}

export interface RunOptions {
  /** Repetitions for a fast engine. */
  maxReps: number;
  /** Stop repeating a query once this much time went into it (at least one sample). */
  perQueryBudgetMs: number;
  /** Above this first-run time the engine is "slow": typing prefixes are sampled (every 4th, and the last),
   *  known-answer queries run once (their first run is their only sample) and nothing is warmed up. */
  slowMs: number;
  /** Total time for one engine at one size; past it, remaining queries are skipped (and reported). */
  engineBudgetMs: number;
}

export interface EngineRun {
  rows: Timed[];
  /** Notes on reduced repetitions/sampling, for the report. */
  notes: string[];
}

type SearchFn = (query: string) => SearchResult | Promise<SearchResult>;

/** Times every query on one engine, round-robin over the queries so drift hits all of them alike. */
export async function timeEngine(
  engine: EngineName,
  size: number,
  search: SearchFn,
  specs: readonly QuerySpec[],
  options: RunOptions,
): Promise<EngineRun> {
  const notes: string[] = [];
  // First run of each query: its hits, its top list, and a cost estimate.
  const first = new Map<QuerySpec, { ms: number; result: SearchResult }>();
  const probe = async (spec: QuerySpec) => {
    const t = performance.now();
    const result = await search(spec.query);
    const ms = performance.now() - t;
    first.set(spec, { ms, result });
    return ms;
  };
  const started = performance.now();
  // The very first query also pays for JIT warm-up: judge speed on the median of the first three.
  const costs = [];
  for (const spec of specs.slice(0, 3)) costs.push(await probe(spec));
  const costOfFirst = median(costs);
  const slow = costOfFirst > options.slowMs;
  let selected = specs;
  if (slow) {
    const typing = specs.filter((s) => s.group === 'typing');
    const keep = new Set(typing.filter((_, i) => i % 4 === 3 || i === typing.length - 1));
    // Fixed queries first, then the known answers (quality), then the sampled prefixes.
    selected = [...specs.filter((s) => s.group === 'fixed'), ...specs.filter((s) => s.group === 'known'), ...typing.filter((s) => keep.has(s))];
    notes.push(
      `${engine} ${size}: slow (median ${Math.round(costOfFirst)} ms over the first three queries): no warm-up, ` +
        `${typing.length > 0 ? `typed prefixes sampled (${keep.size} of ${typing.length}), ` : ''}known-answer queries run once`,
    );
  }
  const skipped: QuerySpec[] = [];
  for (const spec of selected) {
    if (first.has(spec)) continue;
    if (performance.now() - started > options.engineBudgetMs) skipped.push(spec);
    else await probe(spec);
  }
  if (skipped.length > 0) {
    notes.push(`${engine} ${size}: engine time budget (${options.engineBudgetMs / 1000} s) spent; ${skipped.length} queries not run: ${skipped.map((s) => JSON.stringify(s.query)).join(', ')}`);
    selected = selected.filter((s) => !skipped.includes(s));
  }

  const samples = new Map<QuerySpec, number[]>(selected.map((s) => [s, slow ? [first.get(s)?.ms ?? 0] : []]));
  const spent = new Map<QuerySpec, number>(selected.map((s) => [s, slow ? (first.get(s)?.ms ?? 0) : 0]));
  for (let rep = 0; rep < options.maxReps; rep++) {
    let ran = false;
    for (const spec of selected) {
      if (slow && spec.group === 'known') continue;
      if (performance.now() - started > options.engineBudgetMs) continue;
      if ((spent.get(spec) ?? 0) >= options.perQueryBudgetMs && (samples.get(spec)?.length ?? 0) >= 1) continue;
      ran = true;
      const t = performance.now();
      await search(spec.query);
      const ms = performance.now() - t;
      samples.get(spec)?.push(ms);
      spent.set(spec, (spent.get(spec) ?? 0) + ms);
    }
    if (!ran) break;
  }
  // A query the time budget left without timed runs keeps its first (probe) run as its only sample.
  for (const [spec, list] of samples) if (list.length === 0) list.push(first.get(spec)?.ms ?? 0);
  const counts = [...samples.values()].map((s) => s.length);
  const minSamples = Math.min(...counts);
  if (minSamples < options.maxReps) {
    notes.push(`${engine} ${size}: ${minSamples}–${Math.max(...counts)} timed runs per query (limits: ${options.maxReps} runs, ${options.perQueryBudgetMs / 1000} s per query, ${options.engineBudgetMs / 1000} s per engine)`);
  }
  const rows = selected.map((spec) => {
    const f = first.get(spec) as { ms: number; result: SearchResult };
    return { engine, size, spec, samples: samples.get(spec) ?? [], hits: f.result.hits, top: f.result.top };
  });
  return { rows, notes };
}

export interface JsonSearchRow {
  engine: EngineName;
  size: number;
  query: string;
  p50Ms: number;
  p95Ms: number;
  hits: number;
}

export function toJsonRow(t: Timed): JsonSearchRow {
  return { engine: t.engine, size: t.size, query: t.spec.query, p50Ms: round(median(t.samples), 3), p95Ms: round(p95(t.samples), 3), hits: t.hits };
}

// ---------------------------------------------------------------- quality

export interface QualityRow {
  engine: EngineName;
  size: number;
  query: string;
  kind: string;
  relevant: number;
  /** |top10 ∩ relevant| / min(10, |relevant|) */
  precisionAt10: number;
}

export function precisionAt10(top: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 0;
  const k = Math.min(10, relevant.size);
  let hit = 0;
  for (const id of top.slice(0, 10)) if (relevant.has(id)) hit++;
  return hit / k;
}

export function relevantIds(corpus: Corpus, idByTitle: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const k of corpus.manifest.knownAnswers) {
    const ids = new Set<string>();
    for (const title of k.relevantTitles) {
      const id = idByTitle.get(title);
      if (id === undefined) throw new Error(`known answer "${title}" is not in the library`);
      ids.add(id);
    }
    out.set(k.query, ids);
  }
  return out;
}

// ---------------------------------------------------------------- raw engine, and a CPU profile of a query

/** SearchEngine.search alone (no rows, no highlights): where the core's query time goes. */
export function rawEngineSearch(engine: SearchEngine): SearchFn {
  return (query) => {
    const out = engine.search(query);
    return { hits: out.ids.length, top: out.ids.slice(0, 10) };
  };
}

export interface ProfileLine {
  fn: string;
  where: string;
  selfMs: number;
  share: number;
}

/** Self time per function over `runs` runs of `query` through FolioCore.query (node:inspector CPU profile). */
export async function profileQuery(core: FolioCore, query: string, runs: number): Promise<ProfileLine[]> {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  for (let i = 0; i < runs; i++) await core.query({ search: query, offset: 0, limit: 50 });
  const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
  session.disconnect();
  const self = new Map<string, { fn: string; where: string; us: number }>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const total = profile.endTime - profile.startTime;
  const perSample = total / Math.max(1, profile.samples.length);
  for (const [id, count] of counts) {
    const node = byId.get(id);
    if (!node) continue;
    const cf = node.callFrame;
    const file = cf.url.replace(/^.*\/(node_modules\/[^/]+|electron\/core)\//, '$1/');
    const key = `${cf.functionName || '(anonymous)'}@${file}:${cf.lineNumber + 1}`;
    const entry = self.get(key) ?? { fn: cf.functionName || '(anonymous)', where: `${file}:${cf.lineNumber + 1}`, us: 0 };
    entry.us += count * perSample;
    self.set(key, entry);
  }
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, 10)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: round(e.us / 1000 / runs, 3), share: round(e.us / total, 3) }));
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  startTime: number;
  endTime: number;
}
