import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProfilePage } from '../../../electron/core/parse/index.js';
import { parseAuthorsLine, type AuthorsLine } from '../../../electron/core/parse/authors.js';
import { HEAD } from './helpers.js';

const rows: { name: string; input: string; expected: AuthorsLine }[] = [
  { name: 'sample with org', input: 'Gemma Team, Morgane Riviere, Shreya Pathak et al. · deepmind', expected: { authors: ['Gemma Team', 'Morgane Riviere', 'Shreya Pathak'], truncated: true, orgs: ['deepmind'] } },
  { name: 'two orgs', input: 'Gheorghe Comanici, Eric Bieber et al. · amazon-science, baidu', expected: { authors: ['Gheorghe Comanici', 'Eric Bieber'], truncated: true, orgs: ['amazon-science', 'baidu'] } },
  { name: 'bullet org separator', input: 'Alice Smith, Bob Jones • mit', expected: { authors: ['Alice Smith', 'Bob Jones'], truncated: false, orgs: ['mit'] } },
  { name: 'no orgs', input: 'Rishabh Agarwal, Nino Vieillard, Yongchao Zhou et al.', expected: { authors: ['Rishabh Agarwal', 'Nino Vieillard', 'Yongchao Zhou'], truncated: true, orgs: [] } },
  { name: 'et al without dot', input: 'Alice Smith, Bob Jones et al', expected: { authors: ['Alice Smith', 'Bob Jones'], truncated: true, orgs: [] } },
  { name: 'comma before et al.', input: 'Alice Smith, Bob Jones, et al.', expected: { authors: ['Alice Smith', 'Bob Jones'], truncated: true, orgs: [] } },
  { name: 'and others', input: 'Alice Smith, Bob Jones and others', expected: { authors: ['Alice Smith', 'Bob Jones'], truncated: true, orgs: [] } },
  { name: 'not truncated', input: 'Robert Dadashi, Léonard Hussenot, Matthieu Geist, Olivier Pietquin', expected: { authors: ['Robert Dadashi', 'Léonard Hussenot', 'Matthieu Geist', 'Olivier Pietquin'], truncated: false, orgs: [] } },
  { name: 'single author', input: 'Jane Doe', expected: { authors: ['Jane Doe'], truncated: false, orgs: [] } },
  { name: 'accents', input: 'Léonard Hussenot, Piotr Stańczyk, Raphaël Marinier, Åsa Ødegård', expected: { authors: ['Léonard Hussenot', 'Piotr Stańczyk', 'Raphaël Marinier', 'Åsa Ødegård'], truncated: false, orgs: [] } },
  { name: 'CJK with ASCII comma', input: '王小明, 李华', expected: { authors: ['王小明', '李华'], truncated: false, orgs: [] } },
  { name: 'CJK with ideographic comma', input: '王小明、李华、佐藤健', expected: { authors: ['王小明', '李华', '佐藤健'], truncated: false, orgs: [] } },
  { name: 'apostrophes straight and curly', input: "Sinéad O'Brien, Marco D’Angelo, Jean d'Alembert", expected: { authors: ["Sinéad O'Brien", 'Marco D’Angelo', "Jean d'Alembert"], truncated: false, orgs: [] } },
  { name: 'hyphens and particles', input: 'Gabriel Barth-Maron, Jean-Luc Picard, Ludwig van Beethoven, Yannis Flet-Berliac', expected: { authors: ['Gabriel Barth-Maron', 'Jean-Luc Picard', 'Ludwig van Beethoven', 'Yannis Flet-Berliac'], truncated: false, orgs: [] } },
  { name: 'initials', input: 'Matthew W. Hoffman, J. R. R. Tolkien, A. Smith', expected: { authors: ['Matthew W. Hoffman', 'J. R. R. Tolkien', 'A. Smith'], truncated: false, orgs: [] } },
  { name: '"and" before the last author', input: 'Alice Smith, Bob Jones, and Carol White', expected: { authors: ['Alice Smith', 'Bob Jones', 'Carol White'], truncated: false, orgs: [] } },
  { name: 'two authors joined by "and"', input: 'Alice Smith and Bob Jones', expected: { authors: ['Alice Smith', 'Bob Jones'], truncated: false, orgs: [] } },
  { name: 'Jr. suffix stays with its author', input: 'John Smith, Jr., Alice Jones', expected: { authors: ['John Smith, Jr.', 'Alice Jones'], truncated: false, orgs: [] } },
  { name: 'Catalan middle dot inside a name is not the org separator', input: 'Guillem Cal·lís, Anna Puig · upc', expected: { authors: ['Guillem Cal·lís', 'Anna Puig'], truncated: false, orgs: ['upc'] } },
  { name: 'semicolons', input: 'Smith, A.; Jones, B.', expected: { authors: ['Smith', 'A.', 'Jones', 'B.'], truncated: false, orgs: [] } },
  { name: 'org list with empty parts', input: 'Alice Smith · mit, , stanford', expected: { authors: ['Alice Smith'], truncated: false, orgs: ['mit', 'stanford'] } },
];

// " and " inside one author: split only where a list really joins people (issue 8 §4).
const andRows: { name: string; input: string; authors: string[] }[] = [
  { name: 'an organisation with "and" alone', input: 'Research and Development Team', authors: ['Research and Development Team'] },
  { name: 'an organisation with "and" in a list', input: 'Alice Smith, Research and Development Team, Bob Jones', authors: ['Alice Smith', 'Research and Development Team', 'Bob Jones'] },
  { name: 'an organisation with "and" last in a list', input: 'Alice Smith, Bob Jones, Research and Development Team', authors: ['Alice Smith', 'Bob Jones', 'Research and Development Team'] },
  { name: '"and" with an organisation word on the right only', input: 'Alice Smith, Safety and Alignment Group', authors: ['Alice Smith', 'Safety and Alignment Group'] },
  { name: 'a lab named with "&"', input: 'Machine Learning & Systems Lab, Alice Smith', authors: ['Machine Learning & Systems Lab', 'Alice Smith'] },
  { name: 'a company of two single words with "&"', input: 'Procter & Gamble', authors: ['Procter & Gamble'] },
  { name: 'a company of two single words with "&", in a list', input: 'Alice Smith, Johnson & Johnson', authors: ['Alice Smith', 'Johnson & Johnson'] },
  { name: 'two single words with "and", alone (not a list)', input: 'Tom and Jerry', authors: ['Tom and Jerry'] },
  { name: 'single given names in a list "A, B and C"', input: 'Ana, Bo and Cy', authors: ['Ana', 'Bo', 'Cy'] },
  { name: 'full names in a list "A, B and C"', input: 'Alice Smith, Bob Jones and Carol White', authors: ['Alice Smith', 'Bob Jones', 'Carol White'] },
  { name: 'two full names with "&"', input: 'Alice Smith & Bob Jones', authors: ['Alice Smith', 'Bob Jones'] },
  { name: 'three full names chained with "and"', input: 'Alice Smith and Bob Jones and Carol White', authors: ['Alice Smith', 'Bob Jones', 'Carol White'] },
  { name: 'a lower-case word on one side is prose, not a name', input: 'Alice Smith and colleagues', authors: ['Alice Smith and colleagues'] },
  { name: '"and" inside a word is no joiner', input: 'Alexander Andersson, Sandra Landers', authors: ['Alexander Andersson', 'Sandra Landers'] },
  { name: 'university with "and"', input: 'University of Science and Technology', authors: ['University of Science and Technology'] },
  { name: 'a name with a particle on each side', input: 'Ludwig van Beethoven and Maria de la Cruz', authors: ['Ludwig van Beethoven', 'Maria de la Cruz'] },
  { name: 'digits on one side', input: 'Team 42 and Alice Smith', authors: ['Team 42 and Alice Smith'] },
];
for (const row of andRows) {
  test(`authors, " and ": ${row.name}`, () => {
    assert.deepEqual(parseAuthorsLine(row.input).authors, row.authors);
  });
}

for (const row of rows) {
  test(`authors: ${row.name}`, () => {
    assert.deepEqual(parseAuthorsLine(row.input), row.expected);
  });
}

// Through the whole parser: the authors line is found and split the same way.
for (const row of rows.filter((r) => !r.name.startsWith('semicolons'))) {
  test(`authors in a page: ${row.name}`, () => {
    const r = parseProfilePage(`${HEAD}\nCLJul 31, 2024\nSome Title\n\n${row.input}\n\nAbstract.`);
    const p = r.papers[0];
    assert.deepEqual(
      { authors: p?.authors, truncated: p?.authorsTruncated, orgs: p?.orgs, title: p?.title, abstract: p?.abstract },
      { ...row.expected, title: 'Some Title', abstract: 'Abstract.' },
    );
  });
}
