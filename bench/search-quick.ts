// Quick search benchmark: a seeded synthetic library (default 10k papers; 100000 for the scale targets), the
// engine's build time (synchronous, and sliced in the background with the longest event-loop stall), memory,
// and per-query median/p95 for:
//   full   — engine.search(q): every hit ranked (the CLI listing)
//   top50  — engine.search(q, scope, { limit: 50 }): what the UI asks
//   ui     — the FolioCore.query page path: top 50 + highlight ranges for the 50 rows
//   ui/date— the same sorted by date: membership mask + walk of the precomputed date order + highlights
// and naive fuse.js over all fields as a same-run baseline (10k only; it takes seconds per query at 100k).
//   npx tsx bench/search-quick.ts [papers] [--no-baseline] [--module PATH] [--compare PATH] [--ui-only] [--no-async]
//     [--reps N]
//     [--only LABEL] [--phases]
// --module PATH: import SearchEngine from another copy of electron/core/search (e.g. an older checkout) to
// compare in the same run on the same corpus; an engine without limit/members is driven the old way (rank
// everything, slice; sort with SortedOrders.arrange).
// --compare PATH: also build the engine of another copy (e.g. `git worktree`/cp of electron/ at the commit
// before a change) on the same corpus and time both interleaved, rep by rep, in this one process (the
// machine's load then hits both alike); prints both, and checks that page ids and totals are identical.
// --ui-only: only the top50 and ui columns. --no-async: skip the background-build measurement.
// --phases: per query group, where a UI page's time goes (text index search, top-k selection, fuse re-rank,
// highlights of the rows, the rest), p50 / p95 of each, measured by wrapping those methods.
import Fuse from 'fuse.js';
import type { SearchDoc } from '../electron/core/search/index.js';
import { SearchEngine as CurrentEngine } from '../electron/core/search/index.js';
import type { ReadingStatus } from '../electron/core/model.js';
import { SortedOrders } from '../electron/core/sorted-orders.js';
import { mulberry32 } from './rng.js';

const PAPERS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
const BASELINE = !process.argv.includes('--no-baseline') && PAPERS <= 20_000;
const MODULE = process.argv[process.argv.indexOf('--module') + 1];
const SearchEngine: typeof CurrentEngine = process.argv.includes('--module') && MODULE
  ? ((await import(MODULE)) as { SearchEngine: typeof CurrentEngine }).SearchEngine
  : CurrentEngine;
const argAfter = (flag: string): string | undefined => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const REPS = Number(argAfter('--reps') ?? 20);
const COMPARE = argAfter('--compare');
const UI_ONLY = process.argv.includes('--ui-only');
const OtherEngine: typeof CurrentEngine | null = COMPARE
  ? ((await import(COMPARE)) as { SearchEngine: typeof CurrentEngine }).SearchEngine
  : null;
// --cpu: time queries by this process's CPU time instead of the wall clock. On a shared, overloaded machine
// the wall clock mostly measures the other processes; CPU time is what the query costs on a free core.
const CPU = process.argv.includes('--cpu');
const clock = CPU
  ? (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
  : (): number => performance.now();
const BASELINE_REPS = 3;

const rand = mulberry32(20240719);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

const REAL_WORDS = (
  'learning model models language large neural network networks training data reinforcement policy reward ' +
  'distillation knowledge attention transformer transformers image vision speech recognition generative ' +
  'adversarial diffusion optimization gradient stochastic convex sparse dense retrieval alignment human ' +
  'feedback preference scaling laws efficient inference memory compute benchmark evaluation robust robustness ' +
  'privacy federated graph graphs representation representations contrastive self supervised unsupervised ' +
  'semi imitation control agent agents multi task tasks transfer domain adaptation fine tuning pretraining ' +
  'embedding embeddings token tokens context window sequence sequences recurrent convolutional residual deep ' +
  'shallow bayesian variational inference posterior prior uncertainty calibration causal discovery temporal ' +
  'spatial video audio text summarization translation question answering reasoning chain thought mathematical ' +
  'theorem proving code generation program synthesis search planning exploration exploitation bandit offline ' +
  'online continual lifelong meta few shot zero instruction following chat dialogue safety toxicity bias ' +
  'fairness interpretability explanation mechanistic circuits features probing linear nonlinear kernel ' +
  'gaussian process mixture experts routing quantization pruning compression hardware accelerator'
).split(' ');
const SYLLABLES = 'ka ri to na me lo su vi da pe ro mi la ne zu fo ga hi be ti co ra ve nu so de li mo ta'.split(' ');
function pseudoWord(): string {
  let w = '';
  for (let k = 2 + int(3); k > 0; k--) w += pick(SYLLABLES);
  return w;
}
// A few generic words are very common in any ML library; every other word (real or made up) gets a random
// rank, so "distillation" is in a few percent of papers, as in a real library, not in most of them.
const GENERIC = 'learning model models data training neural network language large deep'.split(' ');
const rest: string[] = REAL_WORDS.filter((w) => !GENERIC.includes(w));
const seen = new Set([...GENERIC, ...rest]);
while (rest.length + GENERIC.length < 3000) {
  const w = pseudoWord();
  if (!seen.has(w)) {
    seen.add(w);
    rest.push(w);
  }
}
for (let i = rest.length - 1; i > 0; i--) {
  const j = int(i + 1);
  [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
}
const VOCAB = [...GENERIC, ...rest];
// Zipf-ish: word i drawn with weight 1/(i+10).
const cumulative: number[] = [];
let total = 0;
for (let i = 0; i < VOCAB.length; i++) cumulative.push((total += 1 / (i + 10)));
function word(): string {
  const x = rand() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo] ?? 'model';
}
const FILLER = 'the of and for with in on a to we our this that is are by from'.split(' ');
function sentence(words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rand() < 0.3 ? pick(FILLER) : word());
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase() + s.slice(1)}.`;
}

const FIRST = 'Léonard Pier Robert Johan Nino Anna Wei Ming Sofía José Zoë Björn Renée Chloé Ana Marek Ola Jürgen Ærin Yuki Priya Omar Lucas Emma Noah Mia'.split(' ');
const LAST = 'Hussenot Sessa Dadashi Ferret Vieillard Müller García Núñez Øberg Straßmann Kowalski Nguyen Zhang Li Wang Smith Brown Dubois Lefèvre Håkansson Özdemir Novák Silva Rossi Tanaka Kim Patel Cohen Schmidt Ramé'.split(' ');
const TAGS = 'rlhf to-read llm classic vision theory survey reproduce important rl nlp speech robotics'.split(' ');
const STATUSES: ReadingStatus[] = ['unread', 'unread', 'unread', 'reading', 'read'];
const CATS = ['cs.LG', 'cs.CL', 'cs.CV', 'stat.ML', 'LG', 'CL', 'cs.AI', 'eess.AS'];
const PROFILES = Array.from({ length: 40 }, (_, i) => ({ id: `a-${i}`, name: `${pick(FIRST)} ${pick(LAST)}` }));

function makeDoc(i: number): SearchDoc {
  const title = sentence(9 + int(7)).replace(/\.$/, '');
  const authorCount = 2 + int(9);
  const authors = Array.from({ length: authorCount }, () => (rand() < 0.5 ? `${pick(FIRST)} ${pick(LAST)}` : `${pick(FIRST)} ${pseudoWord()}`));
  const parts: string[] = [];
  const want = 150 + int(60);
  for (let words = 0; words < want; ) {
    const n = 12 + int(14);
    parts.push(sentence(n));
    words += n;
  }
  const abstract = parts.join(' ');
  const profile = pick(PROFILES);
  const year = 2010 + int(15);
  return {
    id: `p-${i}`,
    title,
    authors,
    orgs: rand() < 0.6 ? [pick(['Google DeepMind', 'Université de Montréal', 'ETH Zürich', 'Tsinghua University', 'MIT'])] : [],
    abstract,
    tags: rand() < 0.5 ? Array.from(new Set([pick(TAGS), pick(TAGS)])) : [],
    note: rand() < 0.3 ? sentence(15 + int(30)) : '',
    date: `${year}-0${1 + int(9)}-1${int(10)}`,
    year: year,
    category: pick(CATS),
    status: pick(STATUSES),
    profileIds: [profile.id],
    profileNames: [profile.name],
    addedAt: '2024-08-01T00:00:00.000Z',
  };
}

function prefixes(phrase: string): string[] {
  return Array.from({ length: phrase.length }, (_, i) => phrase.slice(0, i + 1));
}

const QUERIES: Array<{ label: string; queries: string[] }> = [
  { label: 'one word', queries: ['distillation'] },
  { label: 'two words', queries: ['reinforcement learning'] },
  { label: 'three words', queries: ['large language models'] },
  { label: 'typo', queries: ['distilation'] },
  { label: 'surname', queries: ['hussenot'] },
  { label: 'surname, accented query', queries: ['léonard'] },
  { label: 'surname + title word', queries: ['hussenot distillation'] },
  { label: 'filters only', queries: ['tag:rlhf year:2015..2020 status:unread'] },
  { label: 'filters only (tag + year range)', queries: ['tag:llm year:2020..2024'] },
  { label: 'filters + text', queries: ['cat:LG author:zhang attention'] },
  { label: 'gibberish', queries: ['xqzvkwpl'] },
  { label: 'keystrokes "knowledge distillation for language"', queries: prefixes('knowledge distillation for language') },
  { label: 'keystrokes "reinforcement learning"', queries: prefixes('reinforcement learning') },
];

// --only TEXT: only the query groups whose label contains TEXT (for profiling one of them).
const ONLY = argAfter('--only');
if (ONLY !== undefined) QUERIES.splice(0, QUERIES.length, ...QUERIES.filter((g) => g.label.includes(ONLY)));

function stats(times: number[]): { median: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

function measure(run: (q: string) => number, queries: string[], reps: number): { median: number; p95: number; hits: string } {
  const times: number[] = [];
  const hits: number[] = [];
  for (const q of queries) run(q); // warm-up
  for (let r = 0; r < reps; r++) {
    for (const q of queries) {
      const t = clock();
      const n = run(q);
      times.push(clock() - t);
      if (r === 0) hits.push(n);
    }
  }
  const hitText = hits.length === 1 ? String(hits[0]) : `${Math.min(...hits)}–${Math.max(...hits)}`;
  return { ...stats(times), hits: hitText };
}

const fmt = (ms: number): string => ms.toFixed(2).padStart(8);
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const genStart = performance.now();
const docs = Array.from({ length: PAPERS }, (_, i) => makeDoc(i));
console.log(`corpus: ${PAPERS} papers generated in ${(performance.now() - genStart).toFixed(0)} ms${MODULE && process.argv.includes('--module') ? `; engine from ${MODULE}` : ''}`);

// Background build first (in a fresh engine): total time and the longest stall of a 1 ms ticker.
if (!process.argv.includes('--no-async') && typeof (new SearchEngine() as Partial<CurrentEngine>).addAllAsync === 'function') {
  const e = new SearchEngine();
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  const t = performance.now();
  const c = clock();
  await e.addAllAsync(docs);
  const ms = performance.now() - t;
  const cms = clock() - c;
  clearInterval(ticker);
  console.log(`engine background build: ${ms.toFixed(0)} ms wall${CPU ? `, ${cms.toFixed(0)} ms cpu` : ''}, longest event-loop stall ${worst.toFixed(1)} ms`);
}
// The background-built engine is dropped here, before the memory baseline.
gc();
const memBefore = process.memoryUsage();
// Typed arrays live outside the JS heap: count heapUsed + arrayBuffers.
const heapBefore = memBefore.heapUsed + memBefore.arrayBuffers;
const buildStart = performance.now();
const buildCpu = clock();
const engine = new SearchEngine();
engine.addAll(docs);
const buildMs = performance.now() - buildStart;
const buildCpuMs = clock() - buildCpu;
gc();
console.log(`engine build: ${buildMs.toFixed(0)} ms wall${CPU ? `, ${buildCpuMs.toFixed(0)} ms cpu` : ''} (${engine.size} docs), heap+buffers +${mb(process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore)} (with --expose-gc)`);

const upsertTimes: number[] = [];
const edits: SearchDoc[] = [];
for (let i = 0; i < 200; i++) {
  const d = docs[int(docs.length)];
  if (d === undefined) continue;
  const edited = { ...d, note: `${d.note} edited ${i}`, tags: [...d.tags, 'edited'] };
  edits.push(edited);
  const t = performance.now();
  engine.upsert(edited);
  upsertTimes.push(performance.now() - t);
}
const up = stats(upsertTimes);
console.log(`upsert (note+tag change): median ${up.median.toFixed(2)} ms, p95 ${up.p95.toFixed(2)} ms`);

const orders = new SortedOrders(
  () => docs,
  (id) => (engine as Partial<CurrentEngine>).numOf?.(id) ?? -1,
);
const t0 = clock();
orders.page(null, 'date', 'desc', 0, 50);
console.log(`date order of ${docs.length} papers: ${(clock() - t0).toFixed(0)} ms${CPU ? ' cpu' : ''} (once per import)`);

type Outcome = { ids: string[]; total?: number; members?: Uint8Array | null };
const search = (q: string, options?: { limit?: number; members?: boolean }): Outcome =>
  (engine.search as (q: string, scope?: undefined, o?: object) => Outcome)(q, undefined, options);
const hitsOf = (o: Outcome): number => o.total ?? o.ids.length;

// 'all' marks every field (what rows cost before they marked only what they show); 'row' is FolioCore's path.
const matchesFor = (id: string, q: string, fields: 'all' | 'row') =>
  (engine.matchesFor as (id: string, q: string, f?: string) => unknown)(id, q, fields);
function uiPage(q: string, fields: 'all' | 'row' = 'row'): number {
  const o = search(q, { limit: 50 });
  for (const id of o.ids.slice(0, 50)) matchesFor(id, q, fields);
  return hitsOf(o);
}
function uiDatePage(q: string): number {
  const o = search(q, { limit: 0, members: true });
  const page = o.members !== undefined ? orders.page(o.members, 'date', 'desc', 0, 50) : orders.arrange(o.ids, 'date', 'desc').slice(0, 50);
  for (const id of page) matchesFor(id, q, 'row');
  return hitsOf(o);
}

let fuse: Fuse<SearchDoc> | null = null;
if (BASELINE) {
  const t = performance.now();
  fuse = new Fuse(docs, {
    keys: [
      { name: 'title', weight: 4 },
      { name: 'authors', weight: 4 },
      { name: 'tags', weight: 2.5 },
      { name: 'note', weight: 2 },
      { name: 'orgs', weight: 1.5 },
      { name: 'abstract', weight: 1 },
    ],
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.4,
  });
  console.log(`naive fuse build: ${(performance.now() - t).toFixed(0)} ms`);
}

if (process.argv.includes('--phases')) {
  type Proto = Record<string, (...args: unknown[]) => unknown>;
  const textProto = Object.getPrototypeOf((engine as unknown as { text: object }).text) as Proto;
  const engineProto = Object.getPrototypeOf(engine) as Proto;
  const spent: Record<string, number> = {};
  const wrap = (proto: Proto, name: string, label: string): void => {
    const original = proto[name];
    if (typeof original !== 'function') return;
    proto[name] = function (this: unknown, ...args: unknown[]): unknown {
      const t = clock();
      try {
        return original.apply(this, args);
      } finally {
        spent[label] = (spent[label] ?? 0) + clock() - t;
      }
    };
  };
  wrap(textProto, 'search', 'index');
  wrap(textProto, 'ranked', 'top-k');
  wrap(engineProto, 'rank', 'fuse');
  wrap(engineProto, 'matchesFor', 'highlight');
  const names = ['index', 'top-k', 'fuse', 'highlight', 'other', 'page'];
  console.log(`\n${'where a UI page goes, p50 / p95 ms'.padEnd(44)} ${names.map((n) => n.padStart(15)).join(' ')}`);
  for (const { label, queries } of QUERIES) {
    const rows: Record<string, number[]> = {};
    for (const q of queries) uiPage(q);
    for (let r = 0; r < REPS; r++) {
      for (const q of queries) {
        for (const k of Object.keys(spent)) spent[k] = 0;
        const t = clock();
        uiPage(q);
        const page = clock() - t;
        const parts = { ...spent, page, other: page - Object.values(spent).reduce((a, b) => a + b, 0) };
        for (const n of names) (rows[n] ??= []).push(parts[n as keyof typeof parts] ?? 0);
      }
    }
    console.log(`${label.padEnd(44)} ${names.map((n) => { const x = stats(rows[n] ?? []); return `${x.median.toFixed(2)} / ${x.p95.toFixed(2)}`.padStart(15); }).join(' ')}`);
    if (process.argv.includes('--samples')) console.log(`  index ms by rep: ${(rows.index ?? []).map((x) => x.toFixed(1)).join(' ')}`);
  }
  process.exit(0);
}

if (OtherEngine !== null) {
  // Same-run comparison: the other engine first ("before"), this one second ("after"), interleaved per rep.
  const other = new OtherEngine();
  other.addAll(docs);
  for (const d of edits) other.upsert(d);
  gc();
  type Search = (q: string, scope?: undefined, o?: object) => Outcome;
  const engines = [other, engine] as const;
  const page = (e: CurrentEngine, q: string): number => {
    const o = (e.search as Search)(q, undefined, { limit: 50 });
    for (const id of o.ids.slice(0, 50)) (e.matchesFor as (id: string, q: string, f?: string) => unknown)(id, q, 'row');
    return hitsOf(o);
  };
  const top = (e: CurrentEngine, q: string): number => hitsOf((e.search as Search)(q, undefined, { limit: 50 }));
  let mismatches = 0;
  // Warm both engines' code on every query kind first (a session's first queries compile the hot loops):
  // otherwise the first group measured pays the JIT for everyone after it.
  for (let w = 0; w < 3; w++) for (const { queries } of QUERIES) for (const q of queries) for (const e of engines) page(e, q);
  console.log(`\n${'query: before → after, p50 / p95 ms'.padEnd(44)} ${'top50 before'.padStart(15)} ${'top50 after'.padStart(15)} ${'ui before'.padStart(15)} ${'ui after'.padStart(15)} ${'hits'.padStart(11)}`);
  const worst = [0, 0];
  for (const { label, queries } of QUERIES) {
    for (const q of queries) {
      const a = (other.search as Search)(q, undefined, { limit: 50 });
      const b = (engine.search as Search)(q, undefined, { limit: 50 });
      if (a.total !== b.total || a.ids.join() !== b.ids.join()) {
        mismatches++;
        console.log(`  MISMATCH ${JSON.stringify(q)}: total ${a.total} vs ${b.total}; first differing row ${a.ids.findIndex((id, i) => id !== b.ids[i])}`);
      }
    }
    const times = [[], [], [], []] as number[][];
    const hits: number[] = [];
    for (const q of queries) for (const e of engines) page(e, q); // warm-up
    for (let r = 0; r < REPS; r++) {
      for (const q of queries) {
        engines.forEach((e, i) => {
          let t = clock();
          top(e, q);
          (times[i] as number[]).push(clock() - t);
          t = clock();
          const n = page(e, q);
          (times[2 + i] as number[]).push(clock() - t);
          if (r === 0 && i === 1) hits.push(n);
        });
      }
    }
    const s = times.map(stats);
    worst[0] = Math.max(worst[0] as number, s[2]?.p95 ?? 0);
    worst[1] = Math.max(worst[1] as number, s[3]?.p95 ?? 0);
    const hitText = hits.length === 1 ? String(hits[0]) : `${Math.min(...hits)}–${Math.max(...hits)}`;
    console.log(`${label.padEnd(44)} ${s.map((x) => `${x.median.toFixed(2)} / ${x.p95.toFixed(2)}`.padStart(15)).join(' ')} ${hitText.padStart(11)}`);
  }
  console.log(`\ntimes are ${CPU ? 'process CPU ms (--cpu)' : 'wall-clock ms'}; worst ui p95 before ${worst[0]?.toFixed(2)}, after ${worst[1]?.toFixed(2)}; ${mismatches} mismatching pages`);
  process.exit(0);
}

console.log('');
const cols = ['full', 'top50', 'ui', 'ui/date', 'ui all fields'];
console.log(`${'query (p50 / p95 ms)'.padEnd(44)} ${cols.map((c) => c.padStart(17)).join(' ')} ${'hits'.padStart(11)}${BASELINE ? `  | ${'fuse p50'.padStart(9)} ${'ratio'.padStart(7)}` : ''}`);
const uiP95: number[] = [];
for (const { label, queries } of QUERIES) {
  const skipped = { median: 0, p95: 0, hits: '' };
  const runs = [
    UI_ONLY ? skipped : measure((q) => search(q).ids.length, queries, REPS),
    measure((q) => hitsOf(search(q, { limit: 50 })), queries, REPS),
    measure(uiPage, queries, REPS),
    UI_ONLY ? skipped : measure(uiDatePage, queries, REPS),
    UI_ONLY ? skipped : measure((q) => uiPage(q, 'all'), queries, REPS),
  ];
  uiP95.push(runs[2]?.p95 ?? 0, runs[3]?.p95 ?? 0);
  let line = `${label.padEnd(44)} ${runs.map((r) => `${r.median.toFixed(2)} / ${r.p95.toFixed(2)}`.padStart(17)).join(' ')} ${(runs[1]?.hits ?? '').padStart(11)}`;
  if (fuse !== null) {
    const f = fuse;
    // Naive fuse has no filter language; filter queries are passed through as text, which is its behaviour.
    // Naive fuse takes seconds per query: for the keystroke series time every 6th prefix, once.
    const sample = queries.length > 1 ? queries.filter((_, i) => i % 6 === 5) : queries;
    const base = measure((q) => f.search(q).length, sample, queries.length > 1 ? 1 : BASELINE_REPS);
    line += `  | ${fmt(base.median).padStart(9)} ${`${(base.median / Math.max(runs[2]?.median ?? 0, 0.001)).toFixed(0)}×`.padStart(7)}`;
  }
  console.log(line);
}
console.log(`\ntimes are ${CPU ? 'process CPU ms (--cpu)' : 'wall-clock ms'}`);
console.log(`worst ui p95: ${Math.max(...uiP95).toFixed(2)} ms (target ≤ 16 ms at 100k)`);
