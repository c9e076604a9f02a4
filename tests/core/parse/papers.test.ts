import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourcePaper as ParsedPaper } from '../../../electron/core/parse/sources/types.js';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { HEAD } from './helpers.js';

type Expect = Partial<ParsedPaper>;

// Each input is the part after the head; `expected` lists the papers (only the fields that row checks).
const rows: { name: string; input: string; expected: Expect[]; warnings?: string[] }[] = [
  {
    name: 'sample layout (blank lines everywhere)',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith, Bob Jones\n\nAbstract one.\n\nLGJun 1, 2023\nTitle Two\n\nCarol White\n\nAbstract two.',
    expected: [
      { category: 'CL', date: '2024-07-31', title: 'Title One', authors: ['Alice Smith', 'Bob Jones'], abstract: 'Abstract one.' },
      { category: 'LG', date: '2023-06-01', title: 'Title Two', authors: ['Carol White'], abstract: 'Abstract two.' },
    ],
  },
  {
    name: 'no blank lines at all (compact paste): line after the title is the authors line, even a single author',
    input: 'CLJul 31, 2024\nTitle One\nJane Doe\nAbstract one.\nLGJun 1, 2023\nTitle Two\nAlice Smith, Bob Jones\nAbstract two.',
    expected: [
      { title: 'Title One', authors: ['Jane Doe'], authorsTruncated: false, abstract: 'Abstract one.' },
      { title: 'Title Two', authors: ['Alice Smith', 'Bob Jones'], abstract: 'Abstract two.' },
    ],
  },
  {
    name: 'compact paste: each abstract line is its own paragraph',
    input: 'CLJul 31, 2024\nTitle One\nJane Doe\nFirst paragraph.\nSecond paragraph.',
    expected: [{ title: 'Title One', abstract: 'First paragraph.\n\nSecond paragraph.' }],
  },
  {
    name: 'blank line only after the authors',
    input: 'CLJul 31, 2024\nTitle One\nAlice Smith, Bob Jones\n\nAbstract one.',
    expected: [{ title: 'Title One', authors: ['Alice Smith', 'Bob Jones'], abstract: 'Abstract one.' }],
  },
  {
    name: 'blank line only before the abstract is missing (authors then abstract directly)',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith, Bob Jones\nAbstract one.\n\nAbstract two.',
    expected: [{ title: 'Title One', authors: ['Alice Smith', 'Bob Jones'], abstract: 'Abstract one.\n\nAbstract two.' }],
  },
  {
    name: 'blank line between header and title',
    input: 'CLJul 31, 2024\n\nTitle One\n\nAlice Smith\n\nAbstract one.',
    expected: [{ title: 'Title One', authors: ['Alice Smith'], abstract: 'Abstract one.' }],
  },
  {
    name: 'multi-paragraph abstract joined by one blank line; wrapped lines joined with a space',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith, Bob Jones\n\nFirst paragraph line one\nstill first paragraph.\n\n\n\nSecond paragraph.\n\nThird.',
    expected: [{ abstract: 'First paragraph line one still first paragraph.\n\nSecond paragraph.\n\nThird.' }],
  },
  {
    name: 'title wrapped over two lines (blank-line layout)',
    input: 'CLJul 31, 2024\nA Very Long Title That the Page\nWrapped onto a Second Line\n\nAlice Smith, Bob Jones et al.\n\nAbstract.',
    expected: [{ title: 'A Very Long Title That the Page Wrapped onto a Second Line', authors: ['Alice Smith', 'Bob Jones'], authorsTruncated: true, abstract: 'Abstract.' }],
  },
  {
    name: 'title wrapped over two lines (compact layout), authors marked with orgs',
    input: 'CLJul 31, 2024\nGemini 2.5: Pushing the Frontier with Advanced Reasoning,\nMultimodality, Long Context, and Next Generation Agentic Capabilities\nGheorghe Comanici, Eric Bieber · deepmind\nAbstract.',
    expected: [{
      title: 'Gemini 2.5: Pushing the Frontier with Advanced Reasoning, Multimodality, Long Context, and Next Generation Agentic Capabilities',
      authors: ['Gheorghe Comanici', 'Eric Bieber'],
      orgs: ['deepmind'],
      abstract: 'Abstract.',
    }],
  },
  {
    name: 'title with commas is not taken for authors',
    input: 'CLJul 31, 2024\nPushing the Frontier with Reasoning, Multimodality, Long Context\n\nAlice Smith\n\nAbstract.',
    expected: [{ title: 'Pushing the Frontier with Reasoning, Multimodality, Long Context', authors: ['Alice Smith'] }],
  },
  {
    name: 'paper without abstract (middle of the page) → null and a warning naming it',
    input: 'CLJul 31, 2024\nNo Abstract Here\n\nAlice Smith, Bob Jones\n\nLGJun 1, 2023\nTitle Two\n\nCarol White\n\nAbstract two.',
    expected: [{ title: 'No Abstract Here', abstract: null }, { title: 'Title Two', abstract: 'Abstract two.' }],
    warnings: ['Paper "No Abstract Here" has no abstract.'],
  },
  {
    name: 'last paper without abstract',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith\n\nAbstract one.\n\nLGJun 1, 2023\nLast One\n\nCarol White, Dan Brown',
    expected: [{ title: 'Title One' }, { title: 'Last One', authors: ['Carol White', 'Dan Brown'], abstract: null }],
    warnings: ['Paper "Last One" has no abstract.'],
  },
  {
    name: 'last paper with only a title, followed by footer chrome',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith\n\nAbstract one.\n\nLGJun 1, 2023\nLonely Title\n\nLoad more\nAbout · Privacy · Terms',
    expected: [{ title: 'Title One' }, { title: 'Lonely Title', authors: [], abstract: null }],
    warnings: ['Paper "Lonely Title" has no author line.', 'Paper "Lonely Title" has no abstract.'],
  },
  {
    name: 'last paper with title and authors, then footer chrome',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith\n\nAbstract one.\n\nLGJun 1, 2023\nLast\n\nCarol White, Dan Brown\n\nShow more\n© 2025 Site\n1 2 3 Next',
    expected: [{ title: 'Title One' }, { title: 'Last', authors: ['Carol White', 'Dan Brown'], abstract: null }],
    warnings: ['Paper "Last" has no abstract.'],
  },
  {
    name: 'paper with only a title (no authors line) among normal papers',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith\n\nAbstract one.\n\nLGJun 1, 2023\nLonely Title',
    expected: [{ title: 'Title One' }, { title: 'Lonely Title', authors: [], abstract: null }],
    warnings: ['Paper "Lonely Title" has no author line.', 'Paper "Lonely Title" has no abstract.'],
  },
  {
    name: 'paper whose authors line is missing: abstract directly after the title',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith\n\nAbstract one.\n\nLGJun 1, 2023\nTitle Two\n\nThis abstract follows the title directly, because the page showed no authors for this paper.',
    expected: [
      { title: 'Title One' },
      { title: 'Title Two', authors: [], abstract: 'This abstract follows the title directly, because the page showed no authors for this paper.' },
    ],
    warnings: ['Paper "Title Two" has no author line.'],
  },
  {
    name: 'date line without category',
    input: 'Jul 31, 2024\nTitle One\n\nAlice Smith\n\nAbstract one.',
    expected: [{ category: null, date: '2024-07-31', title: 'Title One' }],
  },
  {
    name: 'HTML and script text kept verbatim in title and abstract',
    input: 'CLJul 31, 2024\n<img src=x onerror=alert(1)> & <b>Bold</b> Title\n\nAlice Smith\n\n<script>alert("x")</script> Abstract with <i>tags</i> & entities &amp; stays.',
    expected: [{
      title: '<img src=x onerror=alert(1)> & <b>Bold</b> Title',
      abstract: '<script>alert("x")</script> Abstract with <i>tags</i> & entities &amp; stays.',
    }],
  },
  {
    name: 'page order kept (not sorted by date)',
    input: 'CLJan 1, 2020\nOld\n\nA B\n\nx.\n\nCLJan 1, 2025\nNew\n\nA B\n\ny.\n\nCLJan 1, 2022\nMiddle\n\nA B\n\nz.',
    expected: [{ title: 'Old' }, { title: 'New' }, { title: 'Middle' }],
  },
  {
    name: 'abstract paragraph containing a metric-like line and a date sentence stays abstract',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith\n\n12 papers\n\nWe released it on Jul 31, 2024',
    expected: [{ title: 'Title One', abstract: '12 papers\n\nWe released it on Jul 31, 2024' }],
  },
  {
    name: '"Show more" / "PDF" buttons inside an entry are dropped',
    input: 'CLJul 31, 2024\nTitle One\n\nAlice Smith\n\nAbstract one.\nShow more\n\nPDF\n\nCite',
    expected: [{ title: 'Title One', abstract: 'Abstract one.' }],
  },
];

for (const row of rows) {
  test(`papers: ${row.name}`, () => {
    const r = parseProfilePage(`${HEAD}\n${row.input}`);
    assert.equal(r.papers.length, row.expected.length, JSON.stringify(r.papers.map((p) => p.title)));
    row.expected.forEach((exp, i) => {
      const got = r.papers[i] as ParsedPaper;
      const picked = Object.fromEntries(Object.keys(exp).map((k) => [k, got[k as keyof ParsedPaper]]));
      assert.deepEqual(picked, exp, `paper ${i}`);
    });
    for (const w of row.warnings ?? []) assert.ok(r.warnings.includes(w), `missing warning ${w}; got ${r.warnings.join(' | ')}`);
    if (row.warnings === undefined) {
      assert.deepEqual(r.warnings.filter((w) => !w.startsWith('Page declares')), []);
    }
  });
}

test('papers: the same paper listed twice is kept once, with a warning', () => {
  const e = 'CLJul 31, 2024\nGemma 2: Improving Open Language Models\n\nGemma Team\n\nAbstract.';
  const r = parseProfilePage(`${HEAD}\n${e}\n\n${e.replace('Gemma 2:', 'gemma 2 -')}\n\nLGJun 1, 2023\nOther\n\nA B\n\nx.`);
  assert.deepEqual(r.papers.map((p) => p.title), ['Gemma 2: Improving Open Language Models', 'Other']);
  assert.ok(r.warnings.includes('"Gemma 2: Improving Open Language Models" (2024-07-31) is listed twice; kept as one paper.'), r.warnings.join('|'));
});

test('papers: declared count differs from found', () => {
  const r = parseProfilePage(`Jane Doe\n12papers\n\nCLJul 31, 2024\nOnly One\n\nA B\n\nx.`);
  assert.ok(r.warnings.includes('Page declares 12 papers; found 1.'), r.warnings.join('|'));
  const r2 = parseProfilePage(`Jane Doe\n1 paper\n\nCLJul 31, 2024\nOnly One\n\nA B\n\nx.`);
  assert.ok(!r2.warnings.some((w) => w.startsWith('Page declares')), r2.warnings.join('|'));
});

const zeroRows = [
  { name: 'metrics with "0 papers" and no entries', input: 'Jane Doe\nh-index 0\n0 papers\n0 citations', warning: null },
  { name: 'metrics only, no paper count', input: 'Jane Doe\nLG\nh-index 4\n120 citations', warning: null },
  { name: 'declares 3 papers but lists none', input: 'Jane Doe\nh-index 4\n3 papers', warning: 'Page declares 3 papers; found 0.' },
];
for (const row of zeroRows) {
  test(`papers: zero papers is a valid profile — ${row.name}`, () => {
    const r = parseProfilePage(row.input);
    assert.equal(r.profile.name, 'Jane Doe');
    assert.deepEqual(r.papers, []);
    if (row.warning) assert.deepEqual(r.warnings, [row.warning]);
    else assert.deepEqual(r.warnings, []);
  });
}
