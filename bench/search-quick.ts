// Quick search benchmark: a seeded synthetic library (default 10k papers), the engine's build time and
// per-query median/p95, and naive fuse.js over all fields as a same-run baseline.
//   npx tsx bench/search-quick.ts [papers] [--no-baseline]
import Fuse from 'fuse.js';
import { SearchEngine } from '../electron/core/search/index.js';
import type { SearchDoc } from '../electron/core/search/index.js';
import type { ReadingStatus } from '../electron/core/model.js';

const PAPERS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
const BASELINE = !process.argv.includes('--no-baseline');
const REPS = 20;
const BASELINE_REPS = 3;

// mulberry32: small, seeded, good enough for synthetic text.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240719);
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
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
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
  let abstract = '';
  while (abstract.split(' ').length < 150 + int(60)) abstract += `${sentence(12 + int(14))} `;
  const profile = pick(PROFILES);
  const year = 2010 + int(15);
  return {
    id: `p-${i}`,
    title,
    authors,
    orgs: rand() < 0.6 ? [pick(['Google DeepMind', 'Université de Montréal', 'ETH Zürich', 'Tsinghua University', 'MIT'])] : [],
    abstract: abstract.trim(),
    tags: rand() < 0.5 ? Array.from(new Set([pick(TAGS), pick(TAGS)])) : [],
    note: rand() < 0.3 ? sentence(15 + int(30)) : '',
    date: `${year}-0${1 + int(9)}-1${int(10)}`,
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
  { label: 'filters + text', queries: ['cat:LG author:zhang attention'] },
  { label: 'gibberish', queries: ['xqzvkwpl'] },
  { label: 'keystrokes "knowledge distillation for language"', queries: prefixes('knowledge distillation for language') },
];

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
      const t = performance.now();
      const n = run(q);
      times.push(performance.now() - t);
      if (r === 0) hits.push(n);
    }
  }
  const hitText = hits.length === 1 ? String(hits[0]) : `${Math.min(...hits)}–${Math.max(...hits)}`;
  return { ...stats(times), hits: hitText };
}

const fmt = (ms: number): string => ms.toFixed(2).padStart(8);

const genStart = performance.now();
const docs = Array.from({ length: PAPERS }, (_, i) => makeDoc(i));
console.log(`corpus: ${PAPERS} papers generated in ${(performance.now() - genStart).toFixed(0)} ms`);

const buildStart = performance.now();
const engine = new SearchEngine();
engine.addAll(docs);
const buildMs = performance.now() - buildStart;
console.log(`engine build: ${buildMs.toFixed(0)} ms (${engine.size} docs)`);

const upsertTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const d = docs[int(docs.length)];
  if (d === undefined) continue;
  const t = performance.now();
  engine.upsert({ ...d, note: `${d.note} edited ${i}`, tags: [...d.tags, 'edited'] });
  upsertTimes.push(performance.now() - t);
}
const up = stats(upsertTimes);
console.log(`upsert (note+tag change): median ${up.median.toFixed(2)} ms, p95 ${up.p95.toFixed(2)} ms`);

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

console.log('');
console.log(`${'query'.padEnd(48)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'hits'.padStart(11)}${BASELINE ? `  | ${'fuse med'.padStart(9)} ${'fuse p95'.padStart(9)} ${'fuse hits'.padStart(11)} ${'ratio'.padStart(7)}` : ''}`);
const medians: number[] = [];
for (const { label, queries } of QUERIES) {
  const mine = measure((q) => engine.search(q).ids.length, queries, REPS);
  medians.push(mine.median);
  let line = `${label.padEnd(48)} ${fmt(mine.median)} ${fmt(mine.p95)} ${mine.hits.padStart(11)}`;
  if (fuse !== null) {
    const f = fuse;
    // Naive fuse has no filter language; filter queries are passed through as text, which is its behaviour.
    // Naive fuse takes seconds per query: for the keystroke series time every 6th prefix, once.
    const sample = queries.length > 1 ? queries.filter((_, i) => i % 6 === 5) : queries;
    const base = measure((q) => f.search(q).length, sample, queries.length > 1 ? 1 : BASELINE_REPS);
    line += `  | ${fmt(base.median).padStart(9)} ${fmt(base.p95).padStart(9)} ${base.hits.padStart(11)} ${`${(base.median / Math.max(mine.median, 0.001)).toFixed(0)}×`.padStart(7)}`;
  }
  console.log(line);
}
const overall = stats(medians);
console.log(`\nmedian of per-query medians: ${overall.median.toFixed(2)} ms (target ≤ 16 ms)`);
