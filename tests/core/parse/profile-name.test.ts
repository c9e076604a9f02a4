// The profile name comes from the page's structure (issue 8 §4): the line right above the category code and the
// metrics block, or a line above it that is one of the papers' authors, never the first line Folio does not
// know as chrome. When unsure, the parse says why (nameDoubt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { fixture } from './helpers.js';

const METRICS = 'LG\nh-index 12\n2 papers\n340 citations\n';
const PAPERS = '\nCLJul 31, 2024\nFirst Paper\n\nJane Doe, Bob Jones et al.\n\nAbstract.\n\nLGJun 1, 2023\nSecond Paper\n\nAlice Smith, Bob Jones\n\nAbstract two.';
// Same page, but the researcher is in none of the author lists (a senior author the site's "et al." cut off).
const PAPERS_WITHOUT_HER = PAPERS.replace('Jane Doe, ', 'Carol White, ');

const rows: Array<{ name: string; input: string; expected: string; doubt: RegExp | null }> = [
  { name: 'unknown navigation words above the name', input: `Library\nReading Room\nTrending Now\nJane Doe\n${METRICS}${PAPERS}`, expected: 'Jane Doe', doubt: null },
  { name: 'unknown navigation, name not among the authors', input: `Library\nReading Room\nJane Doe\n${METRICS}${PAPERS_WITHOUT_HER}`, expected: 'Jane Doe', doubt: /the page also has "Library", "Reading Room" above it.*not among the authors/ },
  { name: 'an affiliation line between the name and the metrics', input: `Jane Doe\nGoogle DeepMind\n${METRICS}${PAPERS}`, expected: 'Jane Doe', doubt: null },
  { name: 'unknown profile buttons between the name and the metrics', input: `Home\nJane Doe\nSubscribe\nAdd to list\n${METRICS}${PAPERS}`, expected: 'Jane Doe', doubt: null },
  { name: 'known chrome only around the name', input: `Skip to content\nScholarHub\nHome\nExplore\nSign in\n\nJane Doe\n+ Follow\nShare\n${METRICS}${PAPERS_WITHOUT_HER}`, expected: 'Jane Doe', doubt: /not among the authors/ },
  { name: 'metrics as label and value lines', input: `Discover Papers\nJane Doe\nFollow\nLG\nh-index\n12\npapers\n2\n${PAPERS}`, expected: 'Jane Doe', doubt: null },
  { name: 'name line lost: the navigation line right above the metrics is taken, in doubt', input: `Research Feed\n${METRICS}${PAPERS_WITHOUT_HER}`, expected: 'Research Feed', doubt: /Folio took "Research Feed" for the name, but it is not among the authors/ },
  { name: 'a one-word line right above the metrics', input: `Dashboard2\nSubscribe\n${METRICS}${PAPERS_WITHOUT_HER}`, expected: 'Subscribe', doubt: /does not look like a person's name/ },
  { name: 'a stray metric-looking line in the navigation does not move the anchor', input: `Library\n1.2k papers\nJane Doe\n${METRICS}h-index 12\n${PAPERS}`, expected: 'Jane Doe', doubt: null },
  { name: 'a name that is also in the authors with other spelling (accents, case)', input: `Nav One\nLEONARD HUSSENOT\n${METRICS}${PAPERS.replace('Jane Doe', 'Léonard Hussenot')}`, expected: 'LEONARD HUSSENOT', doubt: null },
];

for (const row of rows) {
  test(`profile name: ${row.name}`, () => {
    const r = parseProfilePage(row.input);
    assert.equal(r.profile.name, row.expected);
    if (row.doubt === null) assert.equal(r.profile.nameDoubt, undefined, r.profile.nameDoubt);
    else assert.match(r.profile.nameDoubt ?? '(no doubt)', row.doubt);
  });
}

test('profile name: two researchers whose pastes carry the same unknown navigation get their own names', () => {
  const nav = 'ScholarScope\nResearch Feed\nMy Reading List\nConferences 2025\n\n';
  const a = parseProfilePage(nav + fixture('profile-sabela-ramos.txt'));
  const b = parseProfilePage(nav + fixture('profile-overlap-a.txt'));
  assert.deepEqual([a.profile.name, a.profile.nameDoubt, b.profile.name, b.profile.nameDoubt], ['Sabela Ramos', undefined, 'Robert Dadashi', undefined]);
});

test('profile name: every fixture keeps its name under any of 20 unknown navigation lines above it', () => {
  const navigation = ['Library', 'Research Feed', 'My Papers', 'Conferences', 'Jobs Board', 'Labs', 'Upload', 'Inbox', 'Alerts', 'Lists', 'Reading Room', 'Top Authors', 'Venues', 'Datasets', 'Benchmarks', 'Collections', 'Changelog', 'Team Plan', 'Research Tools', 'Hot Topics'];
  for (const file of ['profile-sabela-ramos.txt', 'profile-chrome-crlf.txt', 'profile-overlap-a.txt', 'profile-overlap-b.txt', 'profile-overlap-c.txt']) {
    const text = fixture(file).replace(/^\uFEFF/, '');
    const intact = parseProfilePage(text).profile.name;
    for (const line of navigation) assert.equal(parseProfilePage(`${line}\n${text}`).profile.name, intact, `${file} under "${line}"`);
  }
});
