// What every source test checks, said once: the output contract (tests/fixtures/sources/CONTRACT.md), refusals that
// are NotThisSourceError and nothing else, the paste variants that must not change a result, clearly foreign texts,
// one seeded mutation generator for robustness trials, inputs built to be slow or deep, and complete expected papers.
import assert from 'node:assert/strict';
import { CONTRACT_PAPER_FIELDS } from '../../../../electron/core/parse/sources/contract.js';
import { emptyPaper } from '../../../../electron/core/parse/sources/fields.js';
import { NotThisSourceError, type ImportSource, type SourcePaper, type SourceResult } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';

/** A complete expected paper: every field absent except those given. */
export function paper(title: string, fields: Partial<SourcePaper> = {}): SourcePaper {
  return { ...emptyPaper(title), ...fields };
}

const PAPER_KEYS = [...CONTRACT_PAPER_FIELDS].sort();
const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const isNullOrText = (value: unknown): boolean => value === null || (typeof value === 'string' && value.trim() !== '');

/** Asserts everything CONTRACT.md promises about a result of `source`, whatever the input was. */
export function assertContract(result: SourceResult, source: string, label = source): void {
  assert.equal(result.source, source, label);
  assert.ok(Array.isArray(result.warnings) && result.warnings.every((w) => typeof w === 'string' && w !== ''), `${label}: warnings`);
  if (result.profile !== null) {
    const { name, category, affiliation, metrics } = result.profile;
    assert.ok(typeof name === 'string' && name.trim() !== '', `${label}: profile name`);
    assert.ok(isNullOrText(category) && isNullOrText(affiliation), `${label}: profile category/affiliation`);
    for (const key of ['hIndex', 'papers', 'citations', 'novelty', 'aiScore']) assert.ok(key in metrics, `${label}: metric ${key}`);
    for (const value of Object.values(metrics)) assert.ok(value === null || Number.isFinite(value), `${label}: metric ${value}`);
  }
  for (const paper of result.papers) {
    const at = `${label}: ${JSON.stringify(paper.title)}`;
    assert.deepEqual(Object.keys(paper).sort(), PAPER_KEYS, at);
    assert.ok(typeof paper.title === 'string' && paper.title.trim() !== '' && paper.title === paper.title.trim(), at);
    assert.ok(paper.authors.every((a) => typeof a === 'string' && a !== '' && a === a.trim()), `${at} authors`);
    assert.equal(typeof paper.authorsTruncated, 'boolean', at);
    assert.ok(paper.date === null || ISO_DATE.test(paper.date), `${at} date ${paper.date}`);
    assert.ok(paper.year === null || Number.isInteger(paper.year), `${at} year`);
    if (paper.date !== null) assert.equal(paper.year, Number(paper.date.slice(0, 4)), `${at} year matches date`);
    for (const key of ['category', 'abstract', 'venue', 'url'] as const) assert.ok(isNullOrText(paper[key]), `${at} ${key}`);
    assert.ok(paper.doi === null || (/^10\.\S+$/.test(paper.doi) && paper.doi === paper.doi.toLowerCase()), `${at} doi`);
    assert.ok(paper.arxivId === null || !/v\d+$/.test(paper.arxivId), `${at} arxivId`);
    assert.ok(Array.isArray(paper.orgs) && paper.orgs.every((o) => typeof o === 'string'), `${at} orgs`);
  }
}

/** Parses; a refusal must be NotThisSourceError (then null). detect() must stay in [0, 1] either way. */
export function parseOrRefuse(source: ImportSource, text: string, label: string = source.id): SourceResult | null {
  const confidence = source.detect(text);
  assert.ok(confidence >= 0 && confidence <= 1, `${label}: detect gave ${confidence}`);
  try {
    return source.parse(text);
  } catch (error) {
    if (error instanceof NotThisSourceError) return null;
    throw new Error(`${label}: ${source.id} threw ${String(error)}`, { cause: error });
  }
}

/** The source parses the text to a result in contract, or refuses it with NotThisSourceError; nothing else. */
export function assertSurvives(source: ImportSource, text: string, label: string): void {
  const result = parseOrRefuse(source, text, label);
  if (result !== null) assertContract(result, source.id, label);
}

/** The source refuses the text with NotThisSourceError (and nothing else). */
export function assertRefuses(source: ImportSource, text: string, label: string): void {
  assert.throws(() => source.parse(text), NotThisSourceError, label);
}

/** Text with its lines in CRLF, and every space of lines matching `nbspLines` as NBSP (a Windows browser's copy). */
export function windowsCopy(text: string, nbspLines: RegExp = /^$/): string {
  return text
    .split('\n')
    .map((line) => (nbspLines.test(line) ? line.replaceAll(' ', '\u00a0') : line))
    .join('\r\n');
}

/** Chrome from other sites and an OS clipboard before and after the paste. */
export function withForeignChrome(text: string): string {
  return `Bookmarks\nMost visited\nReader view\n\u200b\n${text}\n\nPrint\nPage 1 of 3\n© 2025\n`;
}

/** Paste variants that must not change the result: what browsers and OSes do to the same page. */
export const SAME_PAGE_VARIANTS: ReadonlyArray<{ name: string; apply: (text: string) => string }> = [
  { name: 'CRLF line ends', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'lone CR line ends', apply: (t) => t.replace(/\r?\n/g, '\r') },
  { name: 'non-breaking spaces', apply: (t) => t.replace(/ /g, (s, at: number) => (at % 3 === 0 ? '\u00a0' : s)) },
  { name: 'BOM and zero-width spaces', apply: (t) => `\ufeff${t.replace(/\n/g, '\u200b\n')}` },
  { name: 'blank lines between all lines', apply: (t) => t.replace(/\r?\n/g, '\n\n') },
  { name: 'indented lines with trailing spaces', apply: (t) => t.replace(/^(.+)$/gm, '  $1   ') },
  { name: 'decomposed accents (NFD)', apply: (t) => t.normalize('NFD') },
];

/** Texts that are clearly no page or file of any source. */
export const FOREIGN_TEXTS: ReadonlyArray<{ name: string; text: string }> = [
  { name: 'empty', text: '' },
  { name: 'whitespace only', text: ' \n\t\r\n\u00a0 ' },
  { name: 'one word', text: 'Hello' },
  {
    name: 'prose',
    text:
      'The city council voted on Tuesday to approve a new budget for buses, trams and bike lanes.\n' +
      'Residents said the changes were overdue. The plan will be reviewed again next year.\n',
  },
  { name: 'source code', text: "import fs from 'node:fs';\nexport function main() {\n  return fs.readFileSync(0, 'utf8').length;\n}\n" },
  { name: 'a CSV table', text: 'name,h-index,citations\nAda Lovelace,12,340\nAlan Turing,40,9000\n' },
  { name: 'JSON', text: '{"items": [{"title": "A paper", "year": 2024}]}' },
];

// Pieces that have broken readers: controls, invisibles, a lone surrogate, markup of every format Folio reads, and
// tokens shaped like the labels, ids, dates and counts the sources look for.
const NOISE = [
  '{', '}', '"', '@', ',', '=', '\\', '$', '%', '#', '[', ']', '(', ')', '?', ':', '. ', ', ', '; ', ' | ', '\n', '\r\n', '\r',
  '\t', '\u00a0', '\u0000', '\u200e', '\ud800', 'é', '陈', ' ', '…', '...', '+4 authors', 'TY  - ', 'ER  - ', 'Readers:', 'TLDR',
  '2024', '1,384', '[c1]', 'arXiv:2401.0000', '▽ More', '△ Less', 'CONTRIBUTORS: ', 'Title: ', 'Authors: ', '10.1000/x',
  'CLJul 31, 2024', 'h-index', '12papers', '@article{k,', 'title = {', '"format": "folio-library"',
];
const LONG_PIECES = ['Ab Cd, ', 'a, ', 'x. 2020 ', '[(', ' | ', 'Ab: ', '0', '… ▽ More ', '{', '1\t'];

type Mutation = (text: string, pick: (n: number) => number) => string;

const lines = (text: string): string[] => text.split('\n');
const swap = (list: string[], a: number, b: number): void => {
  [list[a], list[b]] = [list[b] as string, list[a] as string];
};

/** One damage each, as a paste or a file really suffers it (cut, doubled, reordered, merged) or worse. */
const MUTATIONS: readonly Mutation[] = [
  (t, pick) => {
    const l = lines(t);
    l.splice(pick(l.length), 1 + pick(5));
    return l.join('\n');
  },
  (t, pick) => {
    const l = lines(t);
    const at = pick(l.length);
    l.splice(at, 0, ...l.slice(at, at + 1 + pick(4)));
    return l.join('\n');
  },
  (t, pick) => {
    const l = lines(t);
    swap(l, pick(l.length), pick(l.length));
    return l.join('\n');
  },
  (t, pick) => t.slice(0, pick(t.length + 1)),
  (t, pick) => {
    let out = t;
    for (let k = 1 + pick(20); k > 0; k--) {
      const at = pick(out.length + 1);
      out = out.slice(0, at) + (NOISE[pick(NOISE.length)] as string).repeat(1 + pick(3)) + out.slice(at);
    }
    return out;
  },
  (t, pick) => {
    const l = lines(t);
    for (let i = l.length - 1; i > 0; i--) swap(l, i, pick(i + 1));
    return l.join('\n');
  },
  (t, pick) => {
    const l = lines(t);
    for (let k = 0; k < l.length / 10; k++) {
      const i = pick(l.length);
      swap(l, i, Math.min(l.length - 1, i + 1 + pick(3)));
    }
    return l.join('\n');
  },
  (t, pick) => {
    const l = lines(t);
    const [a, b] = [pick(l.length), pick(l.length)].sort((x, y) => x - y) as [number, number];
    return [...l.slice(b), ...l.slice(a, b), ...l.slice(0, a)].join('\n');
  },
  (t, pick) => t.replace(/[ ,]/g, (c) => (pick(5) === 0 ? '\t' : c)),
  (t, pick) => {
    const l = lines(t);
    l[pick(l.length)] = `${l[pick(l.length)] ?? ''} ${(LONG_PIECES[pick(LONG_PIECES.length)] as string).repeat(2000 + pick(18_000))}`;
    return l.join('\n');
  },
  (t) => lines(t).join(' '),
  (t, pick) => (pick(2) === 0 ? t.replace(/\r?\n/g, '\r\n') : t.replace(/\r?\n/g, '\r')),
  (t, pick) => {
    const a = pick(t.length + 1);
    return t.slice(0, a) + t.slice(Math.min(t.length, a + pick(200)));
  },
  (t, pick) => {
    const a = pick(t.length + 1);
    const b = Math.min(t.length, a + pick(200));
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  },
];

/** One seeded damage to a text: one to four of MUTATIONS. */
export function mutate(text: string, random: () => number): string {
  const pick = (n: number): number => Math.floor(random() * Math.max(1, n));
  let out = text;
  for (let rounds = 1 + pick(4); rounds > 0; rounds--) out = (MUTATIONS[pick(MUTATIONS.length)] as Mutation)(out, pick);
  return out;
}

/** `count` seeded damaged copies of the text. */
export function mutations(text: string, count: number, seed: number): string[] {
  const random = rng(seed);
  return Array.from({ length: count }, () => mutate(text, random));
}

/** Inputs built to make a careless line reader slow or deep: long runs of one shape, one huge line. */
export function pathologicalInputs(): Array<{ name: string; text: string }> {
  const many = 20_000;
  return [
    { name: 'a run of name-like lines', text: 'Ada Lovelace\n'.repeat(many) },
    { name: 'a run of bare numbers', text: '2024\n'.repeat(many) },
    { name: 'a run of tabbed rows', text: 'Venue\t12\t2024\n'.repeat(many) },
    { name: 'a run of title/author/row triples', text: 'A title here\nA Author, B Author\nVenue\t1\t2020\n'.repeat(many / 3) },
    { name: 'a run of metric labels', text: 'Citations\nh-index\ni10-index\nPublications\n'.repeat(many / 4) },
    { name: 'a run of meta lines', text: 'Published: 01 Jan 2024, Last Modified: 02 Feb 2024 X Readers: Everyone\n'.repeat(many / 2) },
    { name: 'a run of comma-ended name lines', text: 'A Author, B Author,\n'.repeat(many) },
    { name: 'a run of paper headers', text: 'CLJul 31, 2024\nA Title\nAda Lovelace, Alan Turing\n'.repeat(many / 3) },
    { name: 'a run of entry openings', text: '@article{k,\n'.repeat(many) },
    { name: 'one line of commas', text: 'A B, '.repeat(many * 4) },
    { name: 'one line of tabs', text: '1\t'.repeat(many * 4) },
    { name: 'one long word', text: 'Universit'.padEnd(many * 10, 'a') },
    { name: 'deeply nested braces', text: `@misc{k, title = ${'{'.repeat(many)}x${'}'.repeat(many)}}` },
    { name: 'deeply nested JSON', text: `${'['.repeat(many)}${']'.repeat(many)}` },
    { name: 'a TLDR that never ends', text: `Title\nAda Lovelace\nTLDR ${'word '.repeat(many * 2)}Expand\n` },
  ];
}
