import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { isChromeLine, isFooterLine } from '../../../electron/core/parse/chrome.js';

const PAPERS =
  'CLJul 31, 2024\nFirst Paper\n\nAlice Smith, Bob Jones et al.\n\nFirst abstract.\n\n' +
  'LGJun 1, 2023\nLast Paper\n\nCarol White\n\nLast abstract, first paragraph.\n\nLast abstract, final paragraph.';
const METRICS = 'LG\nh-index12\n2papers\n340citations\nNovelty30%\nAI Score20';

// Every row must give name "Jane Doe", category "LG", the two papers, and the last abstract intact.
const rows: { name: string; before?: string; afterName?: string; beforePapers?: string; footer?: string }[] = [
  { name: 'navigation before the name', before: 'Skip to content\nHome\nSearch\nExplore\nTrending\nMenu\nSign in\nLog in\nSign up' },
  { name: 'site name (CamelCase) and domain before the name', before: 'ScholarHub\nscholarhub.io\nHome' },
  { name: 'search box placeholder', before: 'Search papers, authors, topics…\nSign in' },
  { name: 'buttons after the name', afterName: 'Follow\nFollowing\n+ Follow\nShare\nMessage\nShare ↗' },
  { name: 'tabs and sort controls before the papers', beforePapers: 'Papers\nOverview\nCo-authors\n2 Papers\nSort by\nNewest\nMost cited\nSort by: Newest ▾' },
  { name: 'footer lines', footer: 'Load more\nShow more\nAbout · Privacy · Terms\n© 2025 ScholarHub\nContact\nBack to top' },
  { name: 'page numbers row', footer: '1 2 3 Next' },
  { name: 'bare page numbers on their own lines', footer: '1\n2\n3' },
  { name: 'arrows and previous/next', footer: '‹ Prev 1 2 3 Next ›\nPage 1 of 3\nShowing 1–2 of 40' },
  { name: 'footer with blank lines and separators', footer: '\n\nAbout | Privacy | Terms | Cookies\n\nCopyright 2025 ScholarHub Inc.\n\n' },
  {
    name: 'everything at once',
    before: 'Skip to main content\nPaperScope\nHome\nExplore\nLog in',
    afterName: '+ Follow\nMessage',
    beforePapers: 'Overview\nPapers\nCo-authors\nSort by\nMost cited',
    footer: 'Load more\nAbout · Privacy · Terms\n© 2025 PaperScope\n1 2 3 Next',
  },
];

for (const row of rows) {
  test(`chrome: ${row.name}`, () => {
    const text = [row.before, 'Jane Doe', row.afterName, METRICS, row.beforePapers, '', PAPERS, row.footer]
      .filter((p) => p !== undefined)
      .join('\n');
    const r = parseProfilePage(text);
    assert.equal(r.profile.name, 'Jane Doe');
    assert.equal(r.profile.category, 'LG');
    assert.deepEqual(r.profile.metrics, { hIndex: 12, papers: 2, citations: 340, novelty: 30, aiScore: 20 });
    assert.deepEqual(r.papers.map((p) => p.title), ['First Paper', 'Last Paper']);
    assert.deepEqual(r.papers.map((p) => p.authors), [['Alice Smith', 'Bob Jones'], ['Carol White']]);
    assert.equal(r.papers[0]?.abstract, 'First abstract.');
    assert.equal(r.papers[1]?.abstract, 'Last abstract, first paragraph.\n\nLast abstract, final paragraph.');
    assert.deepEqual(r.warnings, []);
  });
}

// Abstract endings that mention UI words or numbers are content, not footer.
const keepRows: { name: string; ending: string }[] = [
  { name: 'a sentence mentioning terms and privacy', ending: 'We discuss the terms of privacy in federated learning.' },
  { name: 'a sentence ending in a version number', ending: 'Code is released as version 2.12' },
  { name: 'a sentence ending with four digits after a period', ending: 'It was built in the spring of 2019.2019' },
  { name: 'a paragraph that starts with "About"', ending: 'About half of the errors come from tokenization.' },
  { name: 'a final paragraph that is a URL', ending: 'https://github.com/example/project' },
];
for (const row of keepRows) {
  test(`chrome: the last paragraph is kept — ${row.name}`, () => {
    const r = parseProfilePage(`Jane Doe\nh-index 1\n\n${PAPERS}\n\n${row.ending}\n\nAbout · Privacy · Terms`);
    assert.equal(r.papers[1]?.abstract?.split('\n\n').at(-1), row.ending);
    assert.deepEqual(r.warnings, []);
  });
}

const gluedRows: { name: string; ending: string; kept: string; removed: string | null }[] = [
  { name: 'digits glued after a period', ending: 'as part of Acme.12', kept: 'as part of Acme.', removed: '12' },
  { name: 'one digit', ending: 'as part of Acme.2', kept: 'as part of Acme.', removed: '2' },
  { name: 'three digits after ")."', ending: 'baselines (see Acme).123', kept: 'baselines (see Acme).', removed: '123' },
  { name: 'after a question mark', ending: 'Does it scale?12', kept: 'Does it scale?', removed: '12' },
  { name: 'after a non-ASCII letter', ending: 'à la Zoë.12', kept: 'à la Zoë.', removed: '12' },
  { name: 'glued, then footer lines', ending: 'as part of Acme.12\nAbout · Privacy · Terms\n© 2025 Site', kept: 'as part of Acme.', removed: '12' },
  { name: 'not after a digit (version 2.12)', ending: 'we use version 2.12', kept: 'we use version 2.12', removed: null },
  { name: 'four digits are not page links', ending: 'as part of Acme.1234', kept: 'as part of Acme.1234', removed: null },
  { name: 'digits without a sentence end', ending: 'Table 12', kept: 'Table 12', removed: null },
];
for (const row of gluedRows) {
  test(`chrome: glued page numbers — ${row.name}`, () => {
    const r = parseProfilePage(`Jane Doe\nh-index 1\n\nCLJul 31, 2024\nOnly\n\nA B\n\nText ${row.ending}`);
    assert.equal(r.papers[0]?.abstract, `Text ${row.kept}`);
    const expected = row.removed === null ? [] : [`Removed page numbers "${row.removed}" glued to the end of the last paper's text.`];
    assert.deepEqual(r.warnings, expected);
  });
}

const lineRows: { line: string; chrome: boolean; footer?: boolean }[] = [
  { line: 'Home', chrome: true },
  { line: 'SIGN IN', chrome: true },
  { line: '+ Follow', chrome: true },
  { line: 'Newest ▾', chrome: true },
  { line: 'About · Privacy · Terms', chrome: true },
  { line: '© 2025 ScholarHub', chrome: true },
  { line: '1 2 3 Next', chrome: true },
  { line: '1 2 3', chrome: false, footer: true },
  { line: '117', chrome: false, footer: true },
  { line: 'Sabela Ramos', chrome: false, footer: false },
  { line: 'Follow the leader: imitation in multi-agent RL', chrome: false, footer: false },
  { line: 'Search and Rescue with Drones', chrome: false, footer: false },
  { line: 'Home robots', chrome: false, footer: false },
];
for (const row of lineRows) {
  test(`chrome line: ${JSON.stringify(row.line)} → ${row.chrome}`, () => {
    assert.equal(isChromeLine(row.line), row.chrome);
    if (row.footer !== undefined) assert.equal(isFooterLine(row.line), row.footer);
  });
}
