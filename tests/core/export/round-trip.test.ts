// Every export round-trips (issue 8 §4): each format is read back by a maintained reader (BibTeX: Better BibTeX's
// parser, which Zotero users rely on; RIS: Citation.js; Markdown: mdast with GFM, as react-markdown reads it; JSON)
// over hostile titles, names, abstracts, tags and notes, and every value comes back as it went in. Seeded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import { plugins, type CslItem, type CslName } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as textOf } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { bibtexKeyword, citationKeys, exportLibrary } from '../../../electron/core/export/index.js';
import type { PaperRecord } from '../../../electron/core/model.js';
import { singleLine } from '../../../electron/core/text.js';
import { rng } from '../../helpers/rng.js';
import { exportData, type Unkeyed } from './export-data.js';

// Pieces that break one format or another: TeX specials and ligatures, a lone brace, BibTeX's name syntax
// ("and", commas, "others"), RIS record lines, Markdown blocks and inline syntax, HTML, controls, Unicode.
const HOSTILE = [
  '{', '}', '\\', '\\{', '}{', '{}', '%', '%comment', '$x$', '&', '#', '_', '~', '^', '<', '>', '<b>', '--', '---', '``',
  "''", '?`', '!`', ',,', '"', "'", '`', '@misc{x,', ' and ', 'and', 'others', 'Smith, Jr.', ',', ';', 'é', 'e\u0301',
  '王小明', '🚀', 'ß', '\n', '\r\n', '\n\n', '\t', '\u0000', '\u0007', '\u200b', '\u202e', '\u2028', 'ER  - ', 'TY  - ',
  '  - ', '# heading', '## x', '---', '===', '* item', '- item', '1. item', '> quote', '[link](http://x.org)',
  '![img](x.png)', '[ref]', '[ref]: http://evil', '```', '~~~', '<script>alert(1)</script>', '<!--', '&amp;', '&#35;',
  '|a|b|', '**bold**', '_em_', '\\textbf{x}', '{\\em x}', '\\par', '\\\\', 'http://example.org', 'www.example.org',
  '  ', 'plain words', 'Best-of-N', 'RLHF',
];

function hostileText(random: () => number, pieces: number): string {
  const parts: string[] = [];
  for (let k = 0; k < pieces; k++) {
    parts.push(random() < 0.3 ? 'word' : (HOSTILE[Math.floor(random() * HOSTILE.length)] as string));
  }
  return parts.join(random() < 0.5 ? ' ' : '');
}

/** A non-empty line of hostile text (titles, names and tags are never empty after singleLine in the store). */
function hostileLine(random: () => number, pieces: number): string {
  const text = hostileText(random, pieces);
  return singleLine(text) === '' ? `x${text}` : text;
}

function hostileEntry(index: number, random: () => number): Unkeyed {
  const paper: PaperRecord = {
    id: `p-${String(index).padStart(12, '0')}`,
    key: `k${index}`,
    addedAt: '2026-01-01T00:00:00.000Z',
    category: random() < 0.7 ? hostileLine(random, 1) : null,
    date: `20${String(10 + (index % 15))}-0${1 + (index % 9)}-1${index % 10}`,
    title: hostileLine(random, 1 + Math.floor(random() * 6)),
    authors: Array.from({ length: 1 + Math.floor(random() * 4) }, () => hostileLine(random, 1 + Math.floor(random() * 3))),
    authorsTruncated: random() < 0.3,
    orgs: random() < 0.5 ? [hostileLine(random, 2)] : [],
    abstract: random() < 0.8 ? hostileText(random, 3 + Math.floor(random() * 12)) : '',
    year: 2010 + (index % 15),
    venue: null,
    doi: null,
    arxivId: null,
    url: null,
    sources: ['profile-page'],
    fieldSources: {},
  };
  const tags = Array.from({ length: Math.floor(random() * 4) }, () => hostileLine(random, 1 + Math.floor(random() * 2)));
  const note = random() < 0.8 ? hostileText(random, 2 + Math.floor(random() * 10)) : '';
  return { paper, user: { tags, note, status: random() < 0.3 ? 'read' : 'unread' }, profiles: [hostileLine(random, 2)] };
}

const random = rng(84);
// One entry per hostile piece in every field (a failure names the piece), then 150 random mixtures.
const ENTRIES: Unkeyed[] = [
  ...HOSTILE.map((piece, i) => {
    const line = `x${piece}y`;
    const base = hostileEntry(i, rng(i));
    return { ...base, paper: { ...base.paper, title: line, authors: [line, 'Ada Lovelace'], abstract: line, category: line }, user: { tags: [line], note: line, status: 'reading' as const } };
  }),
  ...Array.from({ length: 150 }, (_, i) => hostileEntry(HOSTILE.length + i, random)),
];
const EXPORT = exportData(ENTRIES);

/** How every reader compares text: one line (the exporters may only change spacing and invisible characters). */
const same = (text: string): string => singleLine(text);

function bibtexName(creator: Creator): string {
  return creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');
}

test(`BibTeX: ${ENTRIES.length} hostile entries read back by @retorquere/bibtex-parser with every value intact`, () => {
  const text = exportLibrary('bibtex', EXPORT);
  // Titles as written: without this the reader sentence-cases English titles for Zotero, even inside {{…}}.
  const library = parseBibtex(text, { sentenceCase: false });
  assert.deepEqual(library.errors, []);
  assert.deepEqual(library.entries.map((e) => e.key), citationKeys(ENTRIES.map((e) => e.paper)), 'every entry, in order: none lost to an unbalanced brace');
  for (const [i, entry] of library.entries.entries()) {
    const { paper, user } = ENTRIES[i] as Unkeyed;
    const f = entry.fields;
    const label = `entry ${i} (${JSON.stringify(paper.title)})`;
    assert.equal(same(f.title ?? ''), same(paper.title), `${label}: title`);
    const authors = (f.author ?? []).map(bibtexName);
    assert.deepEqual(authors.map(same), [...paper.authors.map(same), ...(paper.authorsTruncated ? ['others'] : [])], `${label}: authors`);
    assert.equal(same(f.abstract ?? ''), same(paper.abstract), `${label}: abstract`);
    // A note is rich text to this reader: paragraphs come back as <p>.
    assert.equal(same((f.note ?? '').replaceAll('<p>', ' ')), same(user.note.replaceAll('<p>', ' ')), `${label}: note`);
    const keywords = [paper.category ?? '', ...user.tags].map(bibtexKeyword).filter((k) => k !== '');
    assert.deepEqual([...new Set(f.keywords ?? [])].sort(), [...new Set(keywords)].sort(), `${label}: keywords`);
  }
});

test('BibTeX: a tag is kept whole in keywords; only braces, backslashes and list separators are replaced', () => {
  const rows: Array<[string, string]> = [
    ['machine learning', 'machine learning'],
    ['50% & $x$ #1 a_b ~^', '50% & $x$ #1 a_b ~^'],
    ['{lone', '(lone'],
    ['a\\b', 'a/b'],
    ['a, b; c', 'a b c'],
    ['two\nlines', 'two lines'],
  ];
  for (const [tag, keyword] of rows) assert.equal(bibtexKeyword(tag), keyword, tag);
});

function nameOf(name: CslName): string {
  return name.literal ?? [name.family, name.given].filter((part) => part !== undefined).join(', ');
}

test(`RIS: ${ENTRIES.length} hostile entries read back by Citation.js, one record each, every value on one line`, () => {
  const text = exportLibrary('ris', EXPORT);
  const items = plugins.input.chain(text, { generateGraph: false }) as CslItem[];
  assert.equal(items.length, ENTRIES.length, 'no record lost or injected');
  for (const [i, item] of items.entries()) {
    const { paper, user } = ENTRIES[i] as Unkeyed;
    const label = `record ${i} (${JSON.stringify(paper.title)})`;
    assert.equal(item.title, same(paper.title), `${label}: title`);
    // RIS readers split a name at its commas, so the export leaves them out (risName): the rest comes back.
    assert.deepEqual((item.author ?? []).map(nameOf), paper.authors.map((a) => same(a.replaceAll(',', ' '))).filter(Boolean), `${label}: authors`);
    assert.equal(item.abstract ?? '', same(paper.abstract), `${label}: abstract`);
    assert.equal(item.note ?? '', same(user.note), `${label}: note`);
    const keywords = [paper.category, ...user.tags].filter((k): k is string => k !== null).map(same).filter(Boolean);
    assert.equal(item.keyword ?? '', keywords.join(','), `${label}: keywords`);
    assert.deepEqual(item.issued?.['date-parts'], [paper.date.split('-').map(Number)], `${label}: date`);
  }
});

test(`CSL-JSON: ${ENTRIES.length} hostile entries parse back with every value`, () => {
  const items = JSON.parse(exportLibrary('csl-json', EXPORT)) as Array<{ title: string; author: CslName[]; abstract?: string; note?: string; keyword?: string }>;
  assert.equal(items.length, ENTRIES.length);
  for (const [i, item] of items.entries()) {
    const { paper, user } = ENTRIES[i] as Unkeyed;
    assert.equal(item.title, paper.title);
    assert.deepEqual(item.author.map((n) => n.literal ?? `${n.given} ${n.family}`), paper.authors.map(same));
    assert.equal(item.abstract ?? '', paper.abstract);
    assert.equal(item.note ?? '', user.note);
    assert.equal(item.keyword ?? '', [paper.category, ...user.tags].filter((k): k is string => Boolean(k)).map(same).join(', '));
  }
});

test(`Markdown: ${ENTRIES.length} hostile entries: each title is one heading's text, nothing injected into the outline`, () => {
  const text = exportLibrary('markdown', EXPORT);
  const tree: Root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const annotated = ENTRIES.filter(({ user }) => user.note.trim() || user.tags.length || user.status !== 'unread');
  const [title, ...rest] = tree.children;
  assert.equal(title?.type === 'heading' && title.depth === 1 && textOf(title), 'Folio reading notes');
  // The outline is regular: per paper a heading, its meta line, its list, maybe its note (a blockquote), a rule.
  const sections: RootContent[][] = [];
  for (const node of rest) {
    if (node.type === 'heading') sections.push([node]);
    else sections[sections.length - 1]?.push(node);
  }
  assert.equal(sections.length, annotated.length, 'one section per annotated paper: no heading injected, none lost');
  for (const [i, section] of sections.entries()) {
    const { paper, user, profiles } = annotated[i] as Unkeyed;
    const label = `section ${i} (${JSON.stringify(paper.title)})`;
    const types = section.map((n) => n.type);
    const expected = ['heading', 'paragraph', 'list', ...(user.note.trim() ? ['blockquote'] : []), ...(i < sections.length - 1 ? ['thematicBreak'] : [])];
    assert.deepEqual(types, expected, `${label}: ${types.join(', ')}`);
    const [heading, meta, list] = section;
    assert.ok(heading?.type === 'heading' && heading.depth === 2, label);
    assert.equal(textOf(heading), same(paper.title), `${label}: heading text`);
    const metaText = [`${paper.authors.map(same).join(', ')}${paper.authorsTruncated ? ' et al.' : ''}`, paper.date, same(paper.category ?? '')].filter(Boolean).join(' · ');
    assert.equal(textOf(meta), metaText, `${label}: meta line`);
    const items = list?.type === 'list' ? list.children.map((item) => textOf(item)) : [];
    assert.deepEqual(items, [`Status: ${user.status}`, ...(user.tags.length ? [`Tags: ${user.tags.map(same).join(', ')}`] : []), `Profiles: ${profiles.map(same).join(', ')}`], `${label}: list`);
  }
});

test(`JSON backup: ${ENTRIES.length} hostile entries parse back exactly`, () => {
  const backup = JSON.parse(exportLibrary('json', EXPORT)) as { papers: Array<Record<string, unknown>> };
  assert.deepEqual(
    backup.papers,
    EXPORT.papers.map(({ paper, citeKey, user, profiles }) => ({ ...paper, citeKey, ...user, profiles })),
  );
});
