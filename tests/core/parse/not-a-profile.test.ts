import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotAProfileError, parseProfilePage } from '../../../electron/core/parse/index.js';

const NEITHER = /^This does not look like a profile page: expected an author name followed by metrics .* but found neither metrics nor paper entries\.$/;
const DATES = /^This does not look like a profile page: .* but found \d+ date lines? with no paper title and author line after (it|them), and no metrics\.$/;
const NO_NAME = /^This does not look like a profile page: expected the researcher's name at the top, but found (metrics|\d+ paper entr(y|ies)) with no name line before them\.$/;
const EMPTY = /^The pasted text is empty/;

const ARTICLE = `How Cities Are Rethinking Public Transport
By Jane Smith
Jul 31, 2024
The city council voted on Tuesday to approve a new budget for buses, trams and bike lanes, after months of debate.
Residents said the changes were overdue. "We have waited a decade for this," one commuter told reporters.
The plan will be reviewed again next year.`;

const CODE = `import { readFileSync } from 'node:fs';

export function main(): void {
  const text = readFileSync(process.argv[2], 'utf8');
  console.log(text.length);
}
`;

const CSV = `name,h-index,papers,citations
Sabela Ramos,117,12,9233
Johan Ferret,19,7,2087
`;

const LOREM = `Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.

Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.`;

const rows: { name: string; input: string; message: RegExp }[] = [
  { name: 'empty string', input: '', message: EMPTY },
  { name: 'whitespace, line ends and invisible characters only', input: ' \n\r\n\t\u00A0\u200B\uFEFF\n ', message: EMPTY },
  { name: 'a single word', input: 'Hello', message: NEITHER },
  { name: 'a name alone', input: 'Sabela Ramos', message: NEITHER },
  { name: 'lorem ipsum', input: LOREM, message: NEITHER },
  { name: 'a news article with a date line', input: ARTICLE, message: DATES },
  { name: 'source code', input: CODE, message: NEITHER },
  { name: 'a CSV of profiles', input: CSV, message: NEITHER },
  { name: 'a list of dates only', input: 'Jul 31, 2024\nJun 23, 2023\nCLMar 3, 2022\n2021-01-01', message: DATES },
  { name: 'one date line', input: 'Jul 31, 2024', message: DATES },
  { name: 'site chrome only', input: 'Home\nSearch\nSign in\n\nAbout · Privacy · Terms\n© 2025 ScholarHub', message: NEITHER },
  { name: 'metrics with no name', input: 'h-index117\n12papers\n9,233citations', message: NO_NAME },
  { name: 'metrics after chrome only, no name', input: 'Home\nSign in\nh-index 3\nCitations\n40', message: NO_NAME },
  { name: 'paper entries with no name line before them', input: 'CLJul 31, 2024\nA Title\n\nAlice Smith, Bob Jones\n\nAbstract.', message: NO_NAME },
  { name: 'papers after chrome but no name', input: 'Home\nFollow\n12 Papers\nCLJul 31, 2024\nA Title\n\nAlice Smith\n\nAbstract.', message: NO_NAME },
];

for (const row of rows) {
  test(`not a profile: ${row.name}`, () => {
    assert.throws(
      () => parseProfilePage(row.input),
      (err: unknown) => {
        assert.ok(err instanceof NotAProfileError, String(err));
        assert.ok(err instanceof Error);
        assert.equal(err.name, 'NotAProfileError');
        assert.match(err.message, row.message);
        return true;
      },
    );
  });
}

test('not a profile: non-string input gives a NotAProfileError, not a TypeError', () => {
  assert.throws(() => parseProfilePage(undefined as unknown as string), NotAProfileError);
});

// The minimum that IS a profile.
const minimalRows: { name: string; input: string }[] = [
  { name: 'name + one metric', input: 'Jane Doe\nh-index 1' },
  { name: 'name + one paper', input: 'Jane Doe\nCLJul 31, 2024\nTitle\nAlice Smith\nAbstract.' },
  { name: 'name + a paper with only a title', input: 'Jane Doe\nCLJul 31, 2024\nTitle' },
  { name: 'CJK name + metric', input: '王小明\nh-index 5' },
];
for (const row of minimalRows) {
  test(`minimal profile: ${row.name}`, () => {
    const r = parseProfilePage(row.input);
    assert.ok(r.profile.name === 'Jane Doe' || r.profile.name === '王小明');
  });
}
