import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationKeys, escapeBibtex, escapeMarkdown, exportLibrary, risName } from '../../../electron/core/export/index.js';
import type { PaperRecord } from '../../../electron/core/model.js';
import { exportData, type Unkeyed } from './export-data.js';

function paper(overrides: Partial<PaperRecord>): PaperRecord {
  return {
    id: 'p-000000000001',
    key: 'k',
    addedAt: '2026-01-01T00:00:00.000Z',
    category: 'LG',
    date: '2024-07-19',
    title: 'BOND: Aligning LLMs with Best-of-N Distillation',
    authors: ['Pier Giuseppe Sessa', 'Robert Dadashi', 'Léonard Hussenot'],
    authorsTruncated: true,
    orgs: ['deepmind'],
    abstract: 'We use 50% of the budget & {braces}.',
    year: 2024,
    venue: null,
    doi: null,
    arxivId: null,
    url: null,
    sources: ['profile-page'],
    fieldSources: {},
    ...overrides,
  };
}

const entry = (p: PaperRecord, note = '', tags: string[] = []): Unkeyed => ({
  paper: p,
  user: { tags, note, status: note ? 'read' : 'unread' },
  profiles: ['Sabela Ramos'],
});

const escapeRows = [
  { input: 'plain text', expected: 'plain text' },
  { input: '50% & more', expected: '50\\% \\& more' },
  { input: 'a_b #1 $x$', expected: 'a\\_b \\#1 \\$x\\$' },
  { input: '{braces}', expected: '\\textbraceleft{}braces\\textbraceright{}' },
  { input: 'lone { brace', expected: 'lone \\textbraceleft{} brace' },
  { input: 'a--b ``q\'\' <x>', expected: 'a-{}-b `{}`q\'{}\' \\textless{}x\\textgreater{}' },
  { input: 'back\\slash ~ ^', expected: 'back\\textbackslash{}slash \\textasciitilde{} \\textasciicircum{}' },
  { input: 'Léonard 王小明', expected: 'Léonard 王小明' },
];
for (const row of escapeRows) {
  test(`escapeBibtex ${JSON.stringify(row.input)}`, () => assert.equal(escapeBibtex(row.input), row.expected));
}

const markdownRows = [
  { input: 'Plain title', expected: 'Plain title' },
  { input: '# Not a heading', expected: '\\# Not a heading' },
  { input: 'two\n## lines', expected: 'two \\#\\# lines' },
  { input: '*a* _b_ `c` [d](e) <f> &amp; ~g~ |h|', expected: '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\&amp; \\~g\\~ \\|h\\|' },
  { input: 'see https://x.org/a_b and www.y.org', expected: 'see https\\://x.org/a\\_b and www\\.y.org' },
  { input: 'back\\slash', expected: 'back\\\\slash' },
];
for (const row of markdownRows) {
  test(`escapeMarkdown ${JSON.stringify(row.input)}`, () => assert.equal(escapeMarkdown(row.input), row.expected));
}

const risNameRows = [
  { input: 'Pier Giuseppe Sessa', expected: 'Pier Giuseppe Sessa' },
  { input: 'John Smith, Jr.', expected: 'John Smith Jr.' },
  { input: 'Research and Development Team', expected: 'Research and Development Team' },
  { input: 'two\nlines', expected: 'two lines' },
];
for (const row of risNameRows) {
  test(`risName ${JSON.stringify(row.input)}`, () => assert.equal(risName(row.input), row.expected));
}

test('citation keys: family name, year, first significant word; duplicates get a suffix', () => {
  const a = paper({});
  const b = paper({ id: 'p-2' });
  const c = paper({ authors: ['Gemma Team'], title: 'Gemma 3 Technical Report', date: '2025-03-25' });
  const d = paper({ authors: ['Ñoño Åström'], title: 'On the Use of Things', date: '2020-01-01' });
  assert.deepEqual(citationKeys([a, b, c, d]), ['sessa2024bond', 'sessa2024bonda', 'team2025gemma', 'astrom2020things']);
});

test('BibTeX export escapes fields and keeps truncated author lists honest', () => {
  const text = exportLibrary('bibtex', exportData([entry(paper({}), '', ['rl'])]));
  assert.match(text, /^@misc\{sessa2024bond,$/m);
  assert.match(text, /title = \{\{BOND: Aligning LLMs with Best-of-N Distillation\}\}/);
  assert.match(text, /author = \{Pier Giuseppe Sessa and Robert Dadashi and Léonard Hussenot and others\}/);
  assert.match(text, /abstract = \{We use 50\\% of the budget \\& \\textbraceleft\{\}braces\\textbraceright\{\}\.\}/);
  assert.match(text, /keywords = \{LG, rl\}/);
});

test('RIS export is line-oriented with CRLF and one value per line', () => {
  const text = exportLibrary('ris', exportData([entry(paper({ abstract: 'Line one.\nLine two.' }), 'My\nnote')]));
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'TY  - GEN');
  assert.ok(lines.includes('AB  - Line one. Line two.'));
  assert.ok(lines.includes('N1  - My note'));
  assert.equal(lines.filter((l) => l.startsWith('AU  - ')).length, 3);
  assert.ok(lines.includes('ER  - '));
});

test('CSL-JSON export splits names and dates', () => {
  const items = JSON.parse(exportLibrary('csl-json', exportData([entry(paper({}))])));
  assert.deepEqual(items[0].author[0], { family: 'Sessa', given: 'Pier Giuseppe' });
  assert.deepEqual(items[0].issued, { 'date-parts': [[2024, 7, 19]] });
  const team = JSON.parse(exportLibrary('csl-json', exportData([entry(paper({ authors: ['Gemini Team'] }))])));
  assert.deepEqual(team[0].author[0], { literal: 'Gemini Team' });
});

test('Markdown export lists annotated papers only, with their notes verbatim in a blockquote', () => {
  const text = exportLibrary('markdown', exportData([entry(paper({}), 'Read **twice**.\n<script>x</script>'), entry(paper({ id: 'p-2', title: 'Untouched' }))]));
  assert.match(text, /## BOND: Aligning LLMs/);
  assert.match(text, /> Read \*\*twice\*\*\.\n> <script>x<\/script>/);
  assert.doesNotMatch(text, /Untouched/);
});

test('JSON export is a complete backup including user data', () => {
  const data = JSON.parse(exportLibrary('json', exportData([entry(paper({}), 'n', ['t'])], { tags: [{ name: 't', color: '#112233' }] })));
  assert.equal(data.format, 'folio-library');
  assert.equal(data.papers[0].note, 'n');
  assert.deepEqual(data.papers[0].tags, ['t']);
  assert.deepEqual(data.tags, [{ name: 't', color: '#112233' }]);
});
