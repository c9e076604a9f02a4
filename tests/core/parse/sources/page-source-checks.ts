// Checks shared by the pasted-page source tests: the fixture folders, the output contract's shape, the paste
// variants every page must survive (line ends, odd spaces, chrome), seeded mutations for the robustness trials,
// and texts that are clearly no page at all.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotThisSourceError, type ImportSource, type SourceResult } from '../../../../electron/core/parse/sources/types.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const FIXTURE_DIRS = ['', 'sources', 'sources/variants'];

export function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/** Every file directly in tests/fixtures, tests/fixtures/sources and its variants folder, as relative paths. */
export function fixtureFiles(): string[] {
  const files: string[] = [];
  for (const dir of FIXTURE_DIRS) {
    const absolute = path.join(FIXTURES, dir);
    for (const name of readdirSync(absolute).sort()) {
      if (statSync(path.join(absolute, name)).isFile()) files.push(dir === '' ? name : `${dir}/${name}`);
    }
  }
  return files;
}

/** This source's own fixture and variant files: those whose name starts with its id. */
export function ownFixtureFiles(id: string): string[] {
  return fixtureFiles().filter((file) => path.basename(file).startsWith(`${id}-`));
}

const PAPER_KEYS = [
  'abstract', 'arxivId', 'authors', 'authorsTruncated', 'category', 'date', 'doi', 'orgs', 'title', 'url', 'venue', 'year',
];
const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const isNullOrText = (value: unknown): boolean => value === null || (typeof value === 'string' && value.trim() !== '');

/** Asserts everything CONTRACT.md promises about a result, whatever the input was. */
export function assertContract(result: SourceResult, source: string): void {
  assert.equal(result.source, source);
  assert.ok(Array.isArray(result.warnings) && result.warnings.every((w) => typeof w === 'string' && w !== ''));
  if (result.profile !== null) {
    const { name, category, affiliation, metrics } = result.profile;
    assert.ok(typeof name === 'string' && name.trim() !== '', 'profile name');
    assert.ok(isNullOrText(category) && isNullOrText(affiliation), 'profile category/affiliation');
    for (const key of ['hIndex', 'papers', 'citations', 'novelty', 'aiScore']) assert.ok(key in metrics, `metric ${key}`);
    for (const value of Object.values(metrics)) assert.ok(value === null || Number.isSafeInteger(value), `metric ${value}`);
  }
  for (const paper of result.papers) {
    const label = JSON.stringify(paper.title);
    assert.deepEqual(Object.keys(paper).sort(), PAPER_KEYS, label);
    assert.ok(typeof paper.title === 'string' && paper.title.trim() !== '' && paper.title === paper.title.trim(), label);
    assert.ok(paper.authors.every((a) => typeof a === 'string' && a !== '' && a === a.trim()), `${label} authors`);
    assert.equal(typeof paper.authorsTruncated, 'boolean', label);
    assert.ok(paper.date === null || ISO_DATE.test(paper.date), `${label} date ${paper.date}`);
    assert.ok(paper.year === null || Number.isInteger(paper.year), `${label} year`);
    if (paper.date !== null) assert.equal(paper.year, Number(paper.date.slice(0, 4)), `${label} year matches date`);
    for (const key of ['category', 'abstract', 'venue', 'url'] as const) assert.ok(isNullOrText(paper[key]), `${label} ${key}`);
    assert.ok(paper.doi === null || /^10\.\S+$/.test(paper.doi) && paper.doi === paper.doi.toLowerCase(), `${label} doi`);
    assert.ok(paper.arxivId === null || !/v\d+$/.test(paper.arxivId), `${label} arxivId`);
    assert.ok(Array.isArray(paper.orgs), `${label} orgs`);
  }
}

/** Parses, and if the source refuses, checks that it refused with NotThisSourceError only. */
export function parseOrRefuse(source: ImportSource, text: string): SourceResult | null {
  try {
    return source.parse(text);
  } catch (error) {
    assert.ok(error instanceof NotThisSourceError, `${source.id} threw ${String(error)}`);
    return null;
  }
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

/** Texts that are clearly no page of any site. */
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

const GARBAGE = ['\t', '\n', ',', '…', '...', '+4 authors', 'Readers:', 'TLDR', '2024', '1,384', '\u0000', '\ud800', 'é', ' '];

/** One seeded, random damage to a paste: lines lost, doubled, swapped or shuffled, text cut, junk inserted. */
export function mutate(text: string, random: () => number): string {
  const pick = (n: number): number => Math.floor(random() * n);
  const lines = text.split('\n');
  switch (pick(8)) {
    case 0: {
      const at = pick(lines.length);
      lines.splice(at, 1 + pick(5));
      return lines.join('\n');
    }
    case 1: {
      const at = pick(lines.length);
      lines.splice(at, 0, ...lines.slice(at, at + 1 + pick(4)));
      return lines.join('\n');
    }
    case 2: {
      const a = pick(lines.length);
      const b = pick(lines.length);
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      return lines.join('\n');
    }
    case 3:
      return text.slice(0, pick(text.length + 1));
    case 4: {
      let out = text;
      for (let k = 0; k < 1 + pick(20); k++) {
        const at = pick(out.length + 1);
        out = out.slice(0, at) + (GARBAGE[pick(GARBAGE.length)] as string) + out.slice(at);
      }
      return out;
    }
    case 5:
      for (let i = lines.length - 1; i > 0; i--) {
        const j = pick(i + 1);
        [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      }
      return lines.join('\n');
    case 6:
      return text.replace(/[ ,]/g, (c) => (random() < 0.2 ? '\t' : c));
    default: {
      const at = pick(lines.length);
      lines[at] = `${lines[at] ?? ''} ${'Ab Cd, '.repeat(2000 + pick(2000))}`;
      return lines.join('\n');
    }
  }
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
    { name: 'one line of commas', text: 'A B, '.repeat(many * 4) },
    { name: 'one line of tabs', text: '1\t'.repeat(many * 4) },
    { name: 'one long word', text: 'Universit'.padEnd(many * 10, 'a') },
    { name: 'a TLDR that never ends', text: `Title\nAda Lovelace\nTLDR ${'word '.repeat(many * 2)}Expand\n` },
  ];
}
