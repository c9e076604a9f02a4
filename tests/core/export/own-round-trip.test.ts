// Export → import round trips through Folio's own sources (issue 9 §4): a library of varied papers (hostile titles and
// names, dates at every precision or none, each identifier present or absent, venues of each kind, abstracts of one
// or more paragraphs) is exported in each format by FolioCore and the file imported into an empty library through
// the registry (detected, not forced). The same papers come back, in order, with the same title, authors, date, venue,
// DOI, arXiv id, URL and abstract, except what a format cannot carry, listed per format. Seeded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportFormat } from '../../../electron/core/api.js';
import { FolioCore, type PaperListing } from '../../../electron/core/folio.js';
import { Library } from '../../../electron/core/library/index.js';
import { normalizeDoi } from '../../../electron/core/parse/sources/fields.js';
import { stripMarkup } from '../../../electron/core/parse/sources/reference-fields.js';
import type { SourcePaper } from '../../../electron/core/parse/sources/types.js';
import { singleLine } from '../../../electron/core/text.js';
import { rng } from '../../helpers/rng.js';
import { SAMPLE_PROFILE, withTempDir } from '../../helpers/tree.js';
import { listed, paper } from '../library/helpers.js';

// Text that breaks one format or another (TeX specials and ligatures, braces, BibTeX name syntax, RIS tag lines,
// JSON and Markdown syntax, Unicode), mixed into titles, names, venues and abstracts.
const PIECES = [
  '{', '}', '\\', '%', '$x$', '&', '#', '_', '~', '^', '<', '>', '--', '``', "''", '"', "'", '`', ' and ', 'others', ',',
  ';', 'é', '王小明', '🚀', 'ß', 'ER  - ', 'TY  - ', '  - ', '# heading', '* item', '[link](http://x.org)', '<b>bold</b>',
  '\\textbf{x}', '{\\em x}', '@misc{x,', 'http://example.org', 'plain words', 'Best-of-N', 'RLHF', 'Ünïcödé',
];
const NAMES = ['Ada Lovelace', 'Pier Giuseppe Sessa', 'Léonard Hussenot', 'Gemini Team', '王小明', 'Ñoño Åström', "Sinéad O'Brien", 'Jean-Paul Sartre'];
const VENUES = ['Journal of Machine Learning Research', 'Proceedings of ICML 2024', 'NeurIPS 2023 Workshop on Agents', 'arXiv preprint', 'Nature'];
// DOI suffixes (each paper's DOI is unique: its registrant is its number); punctuation DOIs really hold.
const DOI_SUFFIXES = ['3292500.3330701', '(sici)1097-4571', 'a_b-c;d:e', 's41586-021-03819-2', 'abc%20def', 'x[1]/y{2}z'];
const URLS = ['https://example.org/paper', 'https://openreview.net/forum?id=abc_123&x=1', 'https://example.org/a%20b/~c#frag'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function text(random: () => number, words: number): string {
  return Array.from({ length: words }, () => (random() < 0.35 ? pick(random, PIECES) : pick(random, ['model', 'learning', 'data', 'agent', 'Policy']))).join(' ');
}

const DATES = ['', '2021', '2022-03', '2023-11-05', '2019-12-31'];

/** Paper `i`: a distinct title (its number), and every other field drawn. */
function variedPaper(i: number, random: () => number): SourcePaper {
  const date = DATES[i % DATES.length] as string;
  const abstract = random() < 0.2 ? null : [text(random, 12), ...(random() < 0.4 ? [text(random, 8)] : [])].join('\n\n');
  // New-style ids and old-style ones (archive/number).
  const arxivId = i % 4 === 1 ? null : i % 4 === 2 ? `hep-th/99010${String(i).padStart(2, '0')}` : `${2100 + (i % 12) + 1}.${String(10000 + i)}`;
  let venue = random() < 0.7 ? pick(random, VENUES) : null;
  // A preprint's venue names its own id, as Google Scholar prints it (readers take the id from it).
  if (venue === 'arXiv preprint') venue = arxivId === null ? null : `arXiv preprint arXiv:${arxivId}`;
  return paper(`Paper ${i} ${text(random, 1 + Math.floor(random() * 5))}`, {
    authors: Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.2 ? `${pick(random, NAMES)} ${pick(random, PIECES)}` : pick(random, NAMES))),
    authorsTruncated: random() < 0.3,
    date: date === '' ? null : date,
    abstract,
    category: random() < 0.5 ? 'cs.LG' : null,
    venue,
    // Every identifier present in some papers, absent in others, independently.
    doi: i % 3 === 0 ? null : normalizeDoi(`10.${1000 + i}/${pick(random, DOI_SUFFIXES)}`),
    arxivId,
    url: i % 5 === 2 ? null : `${pick(random, URLS)}${i}`,
    orgs: [],
  });
}

const PAPERS = Array.from({ length: 60 }, (_, i) => variedPaper(i, rng(7000 + i)));

/** The fields compared, as `list --json` shows them. */
type Compared = Pick<PaperListing, 'title' | 'authors' | 'authorsTruncated' | 'date' | 'year' | 'venue' | 'doi' | 'arxivId' | 'url' | 'abstract'>;

function compared(listing: Compared): Compared {
  const { title, authors, authorsTruncated, date, year, venue, doi, arxivId, url, abstract } = listing;
  return { title, authors, authorsTruncated, date, year, venue, doi, arxivId, url, abstract };
}

/** One line per paragraph, each on one line: what readers of a format with one-line values keep of an abstract. */
const paragraphs = (abstract: string): string => abstract.split(/\n\s*\n/).map(singleLine).filter(Boolean).join('\n\n');

/**
 * What each format cannot carry, as the change it makes to a paper (the rest must come back as it was). Values are
 * single-spaced by every reader (the store keeps what sources give it).
 */
const CANNOT_CARRY: Record<Exclude<ExportFormat, 'markdown'>, (p: Compared) => Compared> = {
  // Everything.
  json: (p) => p,
  bibtex: (p) => ({ ...p, title: singleLine(p.title), authors: p.authors.map(singleLine), venue: p.venue && singleLine(p.venue), abstract: paragraphs(p.abstract) }),
  // RIS: names without their commas (readers split a name at them), no truncation mark, abstracts on one line.
  ris: (p) => ({
    ...p,
    title: singleLine(p.title),
    authors: p.authors.map((a) => singleLine(a.replaceAll(',', ' '))),
    authorsTruncated: false,
    venue: p.venue && singleLine(p.venue),
    abstract: singleLine(p.abstract),
  }),
  // CSL-JSON: no truncation mark (CSL has none); its rich-text tags (<b>, <i>, …) are markup to its readers.
  'csl-json': (p) => ({
    ...p,
    title: singleLine(stripMarkup(p.title)),
    authors: p.authors.map((a) => singleLine(stripMarkup(a))),
    authorsTruncated: false,
    venue: p.venue && singleLine(stripMarkup(p.venue)),
    abstract: paragraphs(stripMarkup(p.abstract)),
  }),
};

/** The library of PAPERS, exported as `format` by FolioCore, imported into an empty library: both listings. */
async function roundTrip(format: ExportFormat): Promise<{ exported: PaperListing[]; imported: PaperListing[]; warnings: string[]; source: string }> {
  return withTempDir(async (dir) => {
    const lib = await Library.open(`${dir}/a`);
    await lib.commitImport('varied papers', listed('csl-json', PAPERS), 1);
    await lib.close();
    const from = await FolioCore.open(`${dir}/a`, { samplePath: SAMPLE_PROFILE, repairs: 'before-first-write' });
    const text = await from.exportLibrary(format);
    const exported = (await from.listPapers('')).papers;
    await from.close();
    const to = await FolioCore.open(`${dir}/b`, { samplePath: SAMPLE_PROFILE, repairs: 'before-first-write' });
    const result = await to.commitImport(text);
    assert.ok(result.ok, JSON.stringify(result));
    const imported = (await to.listPapers('')).papers;
    await to.close();
    return { exported, imported, warnings: result.warnings, source: result.source };
  });
}

const byNumber = (papers: PaperListing[]): PaperListing[] => [...papers].sort((a, b) => Number(/\d+/.exec(a.title)?.[0]) - Number(/\d+/.exec(b.title)?.[0]));

for (const format of ['bibtex', 'ris', 'csl-json', 'json'] as const) {
  test(`${format}: ${PAPERS.length} varied papers exported and imported through Folio's own ${format} source come back with the same fields`, async () => {
    const { exported, imported, warnings, source } = await roundTrip(format);
    assert.equal(source, format === 'json' ? 'folio-json' : format);
    assert.deepEqual(warnings, []);
    assert.equal(imported.length, PAPERS.length, 'every paper, none merged');
    const expected = byNumber(exported).map((p) => CANNOT_CARRY[format](compared(p)));
    const actual = byNumber(imported).map(compared);
    for (const [i, want] of expected.entries()) assert.deepEqual(actual[i], want, `paper ${i}: ${JSON.stringify(want.title)}`);
    // Identifiers: each present in some papers and absent in others, so both directions are tested.
    for (const field of ['doi', 'arxivId', 'url', 'venue', 'date'] as const) {
      assert.ok(actual.some((p) => p[field] === null || p[field] === '') && actual.some((p) => p[field]), field);
    }
  });
}
