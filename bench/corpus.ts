// Synthetic libraries for the benchmark, written through the real store.
//
// A corpus of N papers is generated from a fixed seed (titles ~12 words, ~6 authors with diacritics,
// ~180-word abstracts from a Zipf-ranked vocabulary, orgs, categories, dates), cut into profile pastes of
// 1,000 papers in the real paste format (each profile lists 850 new papers and 150 already listed by an
// earlier profile, so papers are shared), imported with parseProfilePage + Library.commitImport, and then
// tags (0–5), notes (~30%) and reading statuses are set through Library.setTags/setNote/setStatus.
// Known-answer papers are planted for precision@10 (see PLANTS). Libraries are cached under
// os.tmpdir()/folio-bench-cache/<size>-<seed>-v<version>/ so reruns skip generation.
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../electron/core/library/index.js';
import type { ReadingStatus } from '../electron/core/model.js';
import { PARSER_VERSION, parseProfilePage } from '../electron/core/parse/index.js';
import { foldDiacritics } from '../electron/core/text.js';
import { Rng, WeightedPicker } from './rng.js';
import { FILLER, buildVocabulary, makePseudoWord, type Vocabulary } from './vocabulary.js';

/**
 * Bump when generation or the library's file format changes, so stale caches are not reused. 4: library format
 * version 2 (split segments: abstracts in their own files), so cold-open figures measure what the app now writes.
 */
export const CORPUS_VERSION = 4;
export const DEFAULT_SEED = 20240731;
export const PASTE_SIZE = 1000;
const SHARED_PER_PASTE = 150;

export interface GenPaper {
  category: string;
  /** ISO */
  date: string;
  title: string;
  authors: string[];
  truncated: boolean;
  orgs: string[];
  abstract: string;
  tags: string[];
  note: string;
  status: ReadingStatus;
}

export interface KnownAnswer {
  query: string;
  /** What the query tests. */
  kind: string;
  /** Titles of the relevant papers (resolved to ids through the library's dedup key). */
  relevantTitles: string[];
}

export interface CorpusManifest {
  version: number;
  size: number;
  seed: number;
  papers: number;
  profiles: number;
  pastes: number;
  generateMs: number;
  knownAnswers: KnownAnswer[];
  /** Every tag used, most frequent first. */
  tags: string[];
}

export interface Corpus {
  dir: string;
  libraryDir: string;
  manifest: CorpusManifest;
  fromCache: boolean;
}

// ------------------------------------------------------------------ name, org and tag pools

const FIRST = (
  'Léonard Pier Robert Johan Nino Anna Wei Ming Sofía José Zoë Björn Renée Chloé Ana Marek Ola Jürgen Ærin Yuki ' +
  'Priya Omar Lucas Emma Noah Mia François Gaël Inès Agnès Hélène Jérôme Søren Åsa Øystein Mónica Raúl Iñaki Ñuria ' +
  'Çağla Şebnem İlker Dóra Ádám Zoltán Jiří Václav Łucja Paweł Mikołaj Žan Tomáš Ulrike Günther Matthäus Ngọc Thắng ' +
  'Hiroshi Sakura Jun Min-jun Seo-yeon Arjun Aditi Kwame Amara Chinedu Fatima Youssef Leila Mateo Valentina Diego'
).split(' ');
const LAST = (
  'Hussenot Sessa Dadashi Ferret Vieillard Müller García Núñez Øberg Straßmann Kowalski Nguyen Zhang Li Wang Smith ' +
  'Brown Dubois Lefèvre Håkansson Özdemir Novák Silva Rossi Tanaka Kim Patel Cohen Schmidt Ramé Gößling Jäger ' +
  'Fernández Peña Ibáñez Muñoz Sørensen Lindqvist Åberg Nyström Kovačević Horváth Procházková Wójcik Słowacki Čapek ' +
  'Ólafsson Þórsdóttir Çelik Yılmaz Trần Phạm Lê Đặng Suzuki Watanabe Chen Liu Huang Zhao Singh Gupta Okafor Mensah ' +
  'Haddad Benali Moreau Girard Fournier Lambert Bonnet Faure Mercier Blanc Guérin Boucher Bélanger Côté Gagné ' +
  'van der Berg de Vries van Dijk Janssen Peeters Bauer Fischer Weber Wagner Becker Hoffmann Schäfer Koch Richter ' +
  'Ricci Romano Colombo Bruno Conti Esposito Greco Marino Rinaldi Santos Oliveira Costa Pereira Rodrigues Almeida'
).split(' ');
// "van der Berg" / "de Vries" / "van Dijk" were split above; glue the particles back on.
const SURNAMES = (() => {
  const out: string[] = [];
  for (let i = 0; i < LAST.length; i++) {
    const w = LAST[i] as string;
    if (w === 'van' || w === 'de' || w === 'der') {
      let name = w;
      while (LAST[i + 1] === 'der' || LAST[i + 1] === 'de') name += ` ${LAST[++i]}`;
      out.push(`${name} ${LAST[++i]}`);
    } else out.push(w);
  }
  return out;
})();
const ORGS = (
  'Google DeepMind|Université de Montréal|ETH Zürich|Tsinghua University|MIT|Stanford University|Mila|' +
  'Universität München|KTH Kungliga Tekniska högskolan|Universidade de São Paulo|École Polytechnique|INRIA|' +
  'Sorbonne Université|University of Tokyo|KAIST|Seoul National University|IIT Bombay|University of Cape Town|' +
  'Technische Universität Berlin|Politecnico di Milano|Universitat Politècnica de Catalunya|Jagiellonian University|' +
  'Charles University|Aalto University|Københavns Universitet|Meta AI|Microsoft Research|Anthropic|OpenAI|' +
  'Carnegie Mellon University|University of Toronto|Vector Institute|EPFL|Max Planck Institute|Peking University'
).split('|');
const TAGS = (
  'to-read rlhf llm classic vision theory survey reproduce important rl nlp speech robotics benchmark ' +
  'cite-in-thesis related-work methods datasets optimization privacy fairness graph-learning diffusion agents ' +
  'interpretability efficiency multimodal evaluation'
).split(' ');
const CATEGORIES = ['cs.LG', 'cs.CL', 'cs.CV', 'stat.ML', 'LG', 'CL', 'cs.AI', 'AI', 'CV', 'eess.AS', 'cs.RO', 'q-bio.NC'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATUS_PICKER = new WeightedPicker<ReadingStatus>(['unread', 'reading', 'read'], (i) => [0.6, 0.15, 0.25][i] ?? 0);
const TAG_COUNT_PICKER = new WeightedPicker([0, 1, 2, 3, 4, 5], (i) => [0.45, 0.25, 0.15, 0.08, 0.04, 0.03][i] ?? 0);
const TAG_PICKER = new WeightedPicker(TAGS, (r) => 1 / (r + 2));

// ------------------------------------------------------------------ planted known answers

/** Words that exist only where planted (never produced by the vocabulary). */
const RESERVED = new Set(
  (
    'quasicrystal lattice photosynthetic reactor zeolite holographic serendipitously neutrino graphene ' +
    'thermoacoustics anisotropic metamaterial superconducting crispr bioluminescent jellyfish quennefer vasquelle ' +
    'kowalczyk angstrom lukasiewicz dvorak ostergaard zaragoza'
  ).split(' '),
);

interface Plant {
  query: string;
  kind: string;
  /** Mutates the chosen papers. */
  plant(papers: GenPaper[], rng: Rng, taken: Set<number>): void;
  /** Relevance by predicate over the final corpus (folded, lower-case text). */
  relevant(p: FoldedPaper): boolean;
}

interface FoldedPaper {
  title: string;
  authors: string;
  orgs: string;
  note: string;
  tags: string;
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

function insertWords(text: string, phrase: string, rng: Rng): string {
  const words = text.split(' ');
  const at = 1 + rng.int(Math.max(1, words.length - 1));
  words.splice(at, 0, phrase);
  return words.join(' ');
}

function pickPapers(papers: GenPaper[], count: number, rng: Rng, taken: Set<number>): GenPaper[] {
  return rng.distinct(count, papers.length, taken).map((i) => papers[i] as GenPaper);
}

const titleHas = (phrase: string) => (p: FoldedPaper) => p.title.includes(phrase);
const authorHas = (name: string) => (p: FoldedPaper) => p.authors.includes(name);
const inTitle = (phrase: string, n: number) => (papers: GenPaper[], rng: Rng, taken: Set<number>) => {
  for (const p of pickPapers(papers, n, rng, taken)) p.title = insertWords(p.title, phrase, rng);
};
const inAbstract = (phrase: string, n: number) => (papers: GenPaper[], rng: Rng, taken: Set<number>) => {
  for (const p of pickPapers(papers, n, rng, taken)) p.abstract = insertWords(p.abstract, phrase, rng);
};
const asAuthor = (name: string, n: number) => (papers: GenPaper[], rng: Rng, taken: Set<number>) => {
  for (const p of pickPapers(papers, n, rng, taken)) p.authors[rng.int(p.authors.length)] = name;
};
const both =
  (...steps: Array<(papers: GenPaper[], rng: Rng, taken: Set<number>) => void>) =>
  (papers: GenPaper[], rng: Rng, taken: Set<number>) => {
    for (const step of steps) step(papers, rng, taken);
  };

const PLANTS: Plant[] = [
  {
    query: 'quasicrystal lattice',
    kind: 'rare title phrase (distractors: one word in abstracts)',
    plant: both(inTitle('quasicrystal lattice', 6), inAbstract('quasicrystal', 15), inAbstract('lattice', 15)),
    relevant: titleHas('quasicrystal lattice'),
  },
  {
    query: 'angstrom',
    kind: 'author surname with diacritics, typed without (Ångström)',
    plant: (papers, rng, taken) => asAuthor(`${rng.pick(FIRST)} Ångström`, 8)(papers, rng, taken),
    relevant: authorHas('angstrom'),
  },
  {
    query: 'lukasiewicz',
    kind: 'author with a non-decomposing letter (Łukasiewicz)',
    plant: asAuthor('Zoë Łukasiewicz', 6),
    relevant: authorHas('lukasiewicz'),
  },
  {
    query: 'photosynthetc',
    kind: 'typo (deletion) of a title word',
    plant: both(inTitle('photosynthetic reactor', 5), inTitle('photosynthetic', 5), inAbstract('reactor', 10)),
    relevant: titleHas('photosynthetic'),
  },
  {
    query: 'photosynth reac',
    kind: 'two prefixes while typing',
    plant: () => undefined, // uses the papers planted for "photosynthetc"
    relevant: titleHas('photosynthetic reactor'),
  },
  {
    query: 'zeloite',
    kind: 'typo (transposition) of a title word',
    plant: inTitle('zeolite', 7),
    relevant: titleHas('zeolite'),
  },
  {
    query: 'quennefer distillation',
    kind: 'surname + title word',
    plant: (papers, rng, taken) => {
      const chosen = pickPapers(papers, 12, rng, taken);
      chosen.forEach((p, i) => {
        p.authors[rng.int(p.authors.length)] = 'Léonard Quennefer';
        p.title = p.title.replace(/\bdistillation\b/gi, 'compression');
        if (i < 5) p.title = insertWords(p.title, 'distillation', rng);
      });
    },
    relevant: (p) => p.authors.includes('quennefer') && p.title.includes('distillation'),
  },
  {
    query: 'holograph',
    kind: 'prefix of a title word',
    plant: inTitle('holographic', 6),
    relevant: titleHas('holographic'),
  },
  {
    query: 'serendipitously',
    kind: 'word only in notes',
    plant: (papers, rng, taken) => {
      for (const p of pickPapers(papers, 5, rng, taken)) p.note = `Found this serendipitously while reading about ${p.title.split(' ')[0]}.`;
    },
    relevant: (p) => p.note.includes('serendipitously'),
  },
  {
    query: 'zaragoza',
    kind: 'organisation',
    plant: (papers, rng, taken) => {
      for (const p of pickPapers(papers, 6, rng, taken)) p.orgs = [...p.orgs.slice(0, 1), 'Universidad de Zaragoza'];
    },
    relevant: (p) => p.orgs.includes('zaragoza'),
  },
  {
    query: 'neutrino',
    kind: 'title word vs the same word in abstracts (field weights)',
    plant: both(inTitle('neutrino', 8), inAbstract('neutrino', 40)),
    relevant: titleHas('neutrino'),
  },
  {
    query: 'dvorak',
    kind: 'surname with and without háček (Dvořák / Dvorak)',
    plant: both(asAuthor('Antonín Dvořák', 4), asAuthor('Anton Dvorak', 3)),
    relevant: authorHas('dvorak'),
  },
  {
    query: 'kowalczyk graphene',
    kind: 'author + title word, both rare',
    plant: (papers, rng, taken) => {
      const chosen = pickPapers(papers, 10, rng, taken);
      chosen.forEach((p, i) => {
        p.authors[rng.int(p.authors.length)] = 'Marta Kowalczyk';
        if (i < 4) p.title = insertWords(p.title, 'graphene', rng);
      });
      inTitle('graphene', 26)(papers, rng, taken);
    },
    relevant: (p) => p.authors.includes('kowalczyk') && p.title.includes('graphene'),
  },
  {
    query: 'vasquele',
    kind: 'typo in an author surname (Vasquelle)',
    plant: asAuthor('Hyacinthe Vasquelle', 6),
    relevant: authorHas('vasquelle'),
  },
  {
    query: 'thermoacoustics',
    kind: 'tag',
    plant: (papers, rng, taken) => {
      for (const p of pickPapers(papers, 6, rng, taken)) p.tags = [...p.tags.slice(0, 2), 'thermoacoustics'];
    },
    relevant: (p) => p.tags.includes('thermoacoustics'),
  },
  {
    query: 'anisotropic metamaterial',
    kind: 'two title words (distractors: one word in title, other in abstract)',
    plant: both(inTitle('anisotropic metamaterial', 5), inTitle('metamaterial', 5), inAbstract('anisotropic', 20)),
    relevant: titleHas('anisotropic metamaterial'),
  },
  {
    query: 'ostergaard',
    kind: 'surname with ø (Østergaard)',
    plant: asAuthor('Øyvind Østergaard', 5),
    relevant: authorHas('ostergaard'),
  },
  {
    query: 'superconductng',
    kind: 'typo (deletion) near the end of a long word',
    plant: inTitle('superconducting', 8),
    relevant: titleHas('superconducting'),
  },
  {
    query: 'crispr',
    kind: 'acronym in upper case, typed in lower case',
    plant: inTitle('CRISPR', 6),
    relevant: titleHas('crispr'),
  },
  {
    query: 'jellyfish bioluminescent',
    kind: 'two title words typed in the other order',
    plant: inTitle('bioluminescent jellyfish', 5),
    relevant: (p) => p.title.includes('bioluminescent') && p.title.includes('jellyfish'),
  },
];

// ------------------------------------------------------------------ generation

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function words(vocab: Vocabulary, rng: Rng, n: number, filler: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.chance(filler) ? rng.pick(FILLER) : vocab.word(rng));
  return out;
}

function makeTitle(vocab: Vocabulary, rng: Rng): string {
  const w = words(vocab, rng, rng.range(9, 15), 0.2);
  if (rng.chance(0.3)) {
    // "Name: subtitle" like real titles.
    const head = capitalise(vocab.word(rng));
    return `${head}: ${capitalise(w.join(' '))}`;
  }
  return capitalise(w.join(' '));
}

function makeAbstract(vocab: Vocabulary, rng: Rng): string {
  const target = rng.range(160, 200);
  const sentences: string[] = [];
  let count = 0;
  while (count < target) {
    const n = rng.range(12, 26);
    sentences.push(`${capitalise(words(vocab, rng, n, 0.3).join(' '))}.`);
    count += n;
  }
  return sentences.join(' ');
}

/** Made-up surnames (never vocabulary words, never planted words): the long tail of author names. */
function madeUpSurnames(seed: number, vocab: Vocabulary): string[] {
  const rng = new Rng(seed);
  const avoid = new Set(vocab.words);
  const out = new Set<string>();
  while (out.size < 3000) {
    const w = makePseudoWord(rng);
    if (w.length >= 4 && !avoid.has(w) && ![...RESERVED].some((r) => w.includes(r))) out.add(capitalise(w));
  }
  return [...out];
}

function makeAuthor(surnames: readonly string[], rng: Rng): string {
  // 60% from the real-name pool (with diacritics), 40% a made-up surname.
  const last = rng.chance(0.6) ? rng.pick(SURNAMES) : rng.pick(surnames);
  return `${rng.pick(FIRST)} ${last}`;
}

function makePaper(vocab: Vocabulary, surnames: readonly string[], rng: Rng): GenPaper {
  const year = rng.chance(0.7) ? rng.range(2016, 2025) : rng.range(1995, 2015);
  const month = rng.range(1, 12);
  const day = rng.range(1, 28);
  const authors = Array.from({ length: rng.range(3, 9) }, () => makeAuthor(surnames, rng));
  const orgCount = rng.pick([0, 0, 1, 1, 1, 2, 2, 3]);
  const orgs = Array.from(new Set(Array.from({ length: orgCount }, () => rng.pick(ORGS))));
  const tags = Array.from(new Set(Array.from({ length: TAG_COUNT_PICKER.pick(rng) }, () => TAG_PICKER.pick(rng))));
  const note = rng.chance(0.3) ? words(vocab, rng, rng.range(10, 60), 0.35).join(' ') : '';
  return {
    category: rng.pick(CATEGORIES),
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    title: makeTitle(vocab, rng),
    authors,
    truncated: rng.chance(0.15),
    orgs,
    abstract: makeAbstract(vocab, rng),
    tags,
    note: note === '' ? '' : capitalise(note),
    status: STATUS_PICKER.pick(rng),
  };
}

export interface GeneratedCorpus {
  papers: GenPaper[];
  /** Paper indexes per profile paste, in page order. */
  profiles: Array<{ name: string; category: string; indexes: number[] }>;
  knownAnswers: KnownAnswer[];
}

export function generateCorpus(size: number, seed: number): GeneratedCorpus {
  const vocab = buildVocabulary(seed ^ 0x5eed, 4000, RESERVED);
  const surnames = madeUpSurnames(seed ^ 0xa11ce, vocab);
  const rng = new Rng(seed);
  const papers: GenPaper[] = [];
  const titleKeys = new Set<string>();
  while (papers.length < size) {
    const paper = makePaper(vocab, surnames, rng);
    const key = fold(paper.title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (titleKeys.has(key)) continue; // the store dedupes by normalized title: keep N distinct papers
    titleKeys.add(key);
    papers.push(paper);
  }

  const plantRng = new Rng(seed ^ 0xfeed);
  const taken = new Set<number>();
  for (const plant of PLANTS) plant.plant(papers, plantRng, taken);

  const folded: FoldedPaper[] = papers.map((p) => ({
    title: fold(p.title),
    authors: fold(p.authors.join(' ; ')),
    orgs: fold(p.orgs.join(' ; ')),
    note: fold(p.note),
    tags: fold(p.tags.join(' ; ')),
  }));
  const knownAnswers = PLANTS.map((plant) => ({
    query: plant.query,
    kind: plant.kind,
    relevantTitles: papers.filter((_, i) => plant.relevant(folded[i] as FoldedPaper)).map((p) => p.title),
  }));

  // Profiles: each lists up to 850 new papers plus 150 already listed by earlier profiles.
  const profiles: GeneratedCorpus['profiles'] = [];
  const newPer = PASTE_SIZE - SHARED_PER_PASTE;
  const names = new Set<string>();
  for (let start = 0; start < size; start += newPer) {
    const indexes: number[] = [];
    for (let i = start; i < Math.min(size, start + newPer); i++) indexes.push(i);
    if (start > 0) {
      const shared = new Set<number>();
      while (shared.size < Math.min(SHARED_PER_PASTE, start)) shared.add(rng.int(start));
      for (const i of shared) indexes.splice(rng.int(indexes.length + 1), 0, i);
    }
    let name = `${rng.pick(FIRST)} ${rng.pick(SURNAMES)}`;
    while (names.has(name)) name = `${rng.pick(FIRST)} ${rng.pick(FIRST)} ${rng.pick(SURNAMES)}`;
    names.add(name);
    profiles.push({ name, category: rng.pick(['LG', 'CL', 'CV', 'AI', 'RO']), indexes });
  }
  return { papers, profiles, knownAnswers };
}

// ------------------------------------------------------------------ the paste format

function pasteDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

export function paperBlock(p: GenPaper): string {
  let authorsLine = p.authors.join(', ');
  if (p.truncated) authorsLine += ' et al.';
  if (p.orgs.length > 0) authorsLine += ` · ${p.orgs.join(', ')}`;
  return `${p.category}${pasteDate(p.date)}\n${p.title}\n\n${authorsLine}\n\n${p.abstract}\n`;
}

/** A profile page as a user copies it (the format of tests/fixtures/profile-sabela-ramos.txt). */
export function profilePaste(name: string, category: string, papers: GenPaper[], rng: Rng): string {
  const citations = rng.range(100, 90_000).toLocaleString('en-US');
  const head =
    `${name}\n\n${category}\nh-index${rng.range(5, 150)}\n${papers.length}papers\n${citations}citations\n` +
    `Novelty${rng.range(5, 95)}%\nAI Score${rng.range(5, 95)}\n\n${papers.length} Papers\n\n`;
  return head + papers.map(paperBlock).join('\n');
}

// ------------------------------------------------------------------ writing through the store

export function cacheRoot(): string {
  return path.join(os.tmpdir(), 'folio-bench-cache');
}

export function corpusDir(size: number, seed: number): string {
  return path.join(cacheRoot(), `${size}-${seed}-v${CORPUS_VERSION}`);
}

const MANIFEST = 'manifest.json';

/** Opens the cached corpus or generates it (through the real store) and caches it. */
export async function ensureCorpus(size: number, seed: number, log: (line: string) => void): Promise<Corpus> {
  const dir = corpusDir(size, seed);
  const libraryDir = path.join(dir, 'library');
  const manifestPath = path.join(dir, MANIFEST);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as CorpusManifest;
    if (manifest.version === CORPUS_VERSION && manifest.size === size && manifest.seed === seed) {
      return { dir, libraryDir, manifest, fromCache: true };
    }
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  log(`corpus ${size}: generating (seed ${seed})…`);
  const generated = generateCorpus(size, seed);
  const pasteRng = new Rng(seed ^ 0xbeef);
  // Generation only: the journal is folded into user.json once at close instead of every 500 edits.
  const library = await Library.open(libraryDir, { journalThresholds: { maxEntries: 1e9, maxBytes: 1e12 } });
  try {
    const titleToId = new Map<string, string>();
    for (const [k, profile] of generated.profiles.entries()) {
      const list = profile.indexes.map((i) => generated.papers[i] as GenPaper);
      const text = profilePaste(profile.name, profile.category, list, pasteRng);
      const parsed = parseProfilePage(text);
      if (parsed.papers.length !== list.length) {
        throw new Error(`paste ${k}: parser found ${parsed.papers.length} of ${list.length} papers (${parsed.warnings.slice(0, 3).join(' | ')})`);
      }
      await library.commitImport(text, parsed, PARSER_VERSION);
      if ((k + 1) % 20 === 0) log(`  imported ${k + 1}/${generated.profiles.length} pastes (${library.papers().length} papers)`);
    }
    if (library.papers().length !== size) throw new Error(`library holds ${library.papers().length} papers, expected ${size}`);
    for (const record of library.papers()) titleToId.set(record.title, record.id);

    // User data through the store, in concurrent chunks (the journal group-commits them).
    const edits: Array<() => Promise<void>> = [];
    generated.papers.forEach((p) => {
      const id = titleToId.get(p.title);
      if (id === undefined) throw new Error(`paper not found after import: ${p.title}`);
      if (p.tags.length > 0) edits.push(() => library.setTags(id, p.tags));
      if (p.note !== '') edits.push(() => library.setNote(id, p.note));
      if (p.status !== 'unread') edits.push(() => library.setStatus(id, p.status));
    });
    for (let i = 0; i < edits.length; i += 2000) await Promise.all(edits.slice(i, i + 2000).map((edit) => edit()));
    log(`  ${edits.length} tag/note/status edits written`);
  } finally {
    await library.close();
  }
  const tagCounts = new Map<string, number>();
  for (const p of generated.papers) for (const t of p.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const manifest: CorpusManifest = {
    version: CORPUS_VERSION,
    size,
    seed,
    papers: size,
    profiles: generated.profiles.length,
    pastes: generated.profiles.length,
    generateMs: Math.round(performance.now() - started),
    knownAnswers: generated.knownAnswers,
    tags: [...tagCounts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
  };
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  log(`corpus ${size}: ${generated.profiles.length} pastes, generated and stored in ${(manifest.generateMs / 1000).toFixed(1)} s`);
  return { dir, libraryDir, manifest, fromCache: false };
}

/** A throwaway copy of a corpus library (for benchmarks that write). Without backups/: they are not read. */
export async function copyLibrary(corpus: Corpus, label: string): Promise<string> {
  const target = path.join(os.tmpdir(), `folio-bench-${label}-${process.pid}-${Date.now()}`);
  await cp(corpus.libraryDir, target, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}backups`) && !src.endsWith('folio.lock'),
  });
  return target;
}

/** A fresh 1,000-paper paste whose papers are all new to the corpus (for the import benchmark). */
export function extraPaste(size: number, seed: number, run: number): { text: string; papers: number } {
  const vocab = buildVocabulary(seed ^ 0x5eed, 4000, RESERVED);
  const surnames = madeUpSurnames(seed ^ 0xa11ce, vocab);
  const rng = new Rng(seed ^ (0x1000 + run * 7919));
  const papers = Array.from({ length: PASTE_SIZE }, () => {
    const p = makePaper(vocab, surnames, rng);
    p.title = `${p.title} ${run}x${size}`; // distinct from every corpus title
    return p;
  });
  return { text: profilePaste(`Import Run${'abcdefghij'[run % 10]} Benchmark`, 'LG', papers, rng), papers: papers.length };
}
