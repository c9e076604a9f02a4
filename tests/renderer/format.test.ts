import { test } from 'node:test';
import assert from 'node:assert/strict';

// A time zone west of UTC, set before the module creates its Intl formatters: a date-only "2024-07-31" read as
// UTC midnight would show as July 30 here. (node --test runs each file in its own process.)
process.env.TZ = 'Pacific/Honolulu';
const { abstractStart, formatDate, formatDateTime, formatNumber, importSummary, plural } = await import('../../renderer/src/lib/format.js');

const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dayTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const num = new Intl.NumberFormat();

test('format: the tests run west of UTC', () => {
  assert.equal(new Date(2024, 6, 31).getTimezoneOffset(), 600);
});

test('format: formatDate shows the calendar day written, in any time zone', async (t) => {
  const cases: Array<{ name: string; input: string; expected: string }> = [
    { name: 'plain date', input: '2024-07-31', expected: day.format(new Date(2024, 6, 31)) },
    { name: 'first of January (year boundary)', input: '2024-01-01', expected: day.format(new Date(2024, 0, 1)) },
    { name: 'leap day', input: '2024-02-29', expected: day.format(new Date(2024, 1, 29)) },
    { name: 'timestamp: shown in local time', input: '2024-07-31T23:30:00.000Z', expected: day.format(new Date(Date.UTC(2024, 6, 31, 23, 30))) },
    { name: 'a year alone (a source that gives only the year) stays a year', input: '2024', expected: '2024' },
    { name: 'a month: month and year, no invented day', input: '2024-07', expected: new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short' }).format(new Date(2024, 6, 1)) },
    { name: 'month 13 of a year-month is shown as is', input: '2024-13', expected: '2024-13' },
    { name: 'garbage is shown as is', input: 'not a date', expected: 'not a date' },
    { name: 'empty', input: '', expected: '' },
    { name: 'impossible day is shown as is, not rolled over to March', input: '2024-02-30', expected: '2024-02-30' },
    { name: 'month 13 is shown as is', input: '2024-13-01', expected: '2024-13-01' },
    { name: 'day 00 is shown as is', input: '2024-07-00', expected: '2024-07-00' },
    { name: 'Feb 29 of a non-leap year is shown as is', input: '2023-02-29', expected: '2023-02-29' },
    { name: 'a two-digit-era year is not read as 19xx', input: '0050-03-01', expected: day.format(new Date(new Date(2000, 2, 1).setFullYear(50))) },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(formatDate(input), expected));
  }
  assert.match(formatDate('2024-07-31'), /31/, 'not shifted to the 30th');
  assert.doesNotMatch(formatDate('2024-01-01'), /2023/, 'not shifted into the previous year');
});

test('format: formatDateTime', async (t) => {
  const cases: Array<{ name: string; input: string; expected: string }> = [
    { name: 'timestamp', input: '2024-07-31T08:05:00.000Z', expected: dayTime.format(new Date(Date.UTC(2024, 6, 31, 8, 5))) },
    { name: 'date only: local midnight of that day', input: '2024-07-31', expected: dayTime.format(new Date(2024, 6, 31)) },
    { name: 'garbage', input: 'yesterday', expected: 'yesterday' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(formatDateTime(input), expected));
  }
});

test('format: formatNumber and plural', async (t) => {
  const cases: Array<{ name: string; input: () => string; expected: string }> = [
    { name: 'null is a dash', input: () => formatNumber(null), expected: '—' },
    { name: 'undefined is a dash', input: () => formatNumber(undefined), expected: '—' },
    { name: 'zero is a number, not a dash', input: () => formatNumber(0), expected: num.format(0) },
    { name: 'grouping', input: () => formatNumber(123456), expected: num.format(123456) },
    { name: 'plural: one', input: () => plural(1, 'paper'), expected: '1 paper' },
    { name: 'plural: zero', input: () => plural(0, 'paper'), expected: '0 papers' },
    { name: 'plural: many, grouped', input: () => plural(12345, 'paper'), expected: `${num.format(12345)} papers` },
    { name: 'plural: irregular', input: () => plural(2, 'query', 'queries'), expected: '2 queries' },
    { name: 'plural: irregular one', input: () => plural(1, 'query', 'queries'), expected: '1 query' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => assert.equal(input(), expected));
  }
});

test('format: importSummary says what an import did', async (t) => {
  const base = { profileName: 'Sabela Ramos' as string | null, sourceLabel: 'Profile page', added: 0, present: 0, updated: false, metricsChanged: false };
  const num = new Intl.NumberFormat();
  const cases = [
    { name: 'a new profile', input: { ...base, added: 12 }, expected: 'Imported Sabela Ramos: 12 new papers' },
    { name: 'a new profile sharing papers', input: { ...base, added: 3, present: 2 }, expected: 'Imported Sabela Ramos: 3 new papers (2 already in library)' },
    { name: 'a known profile with new papers and metrics', input: { ...base, added: 1, present: 11, updated: true, metricsChanged: true }, expected: 'Updated Sabela Ramos: 1 new paper, new metrics (11 already in library)' },
    { name: 'only new metrics (no longer "Imported 0 new papers")', input: { ...base, present: 12, updated: true, metricsChanged: true }, expected: 'Updated Sabela Ramos: new metrics, no new papers (12 already in library)' },
    { name: 'the same page again', input: { ...base, present: 1234 }, expected: `Sabela Ramos: nothing new (all ${num.format(1234)} papers already in library)` },
    { name: 'a profile with no papers', input: base, expected: 'Sabela Ramos: nothing new' },
    { name: 'a list without a person is named by its source', input: { ...base, profileName: null, sourceLabel: 'BibTeX file', added: 2, present: 1 }, expected: 'Imported BibTeX file: 2 new papers (1 already in library)' },
    {
      name: 'a list that also filled in papers already there is still "Imported" (no profile was updated)',
      input: { ...base, profileName: null, sourceLabel: 'BibTeX file library.bib', added: 3, present: 7, updated: true },
      expected: 'Imported BibTeX file library.bib: 3 new papers (7 already in library)',
    },
    { name: 'a list with nothing new', input: { ...base, profileName: null, sourceLabel: 'RIS file', present: 7, updated: true }, expected: 'RIS file: nothing new (all 7 papers already in library)' },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(importSummary(c.input), c.expected));
});

const abstractRows: Array<{ name: string; input: string; max?: number; expected: string }> = [
  { name: 'empty', input: '', expected: '' },
  { name: 'short, kept whole', input: 'We study agents.', expected: 'We study agents.' },
  { name: 'paragraphs and runs of spaces folded', input: 'One.\n\nTwo   three.', expected: 'One. Two three.' },
  { name: 'cut at a word, trailing punctuation dropped', input: 'Alpha beta, gamma delta epsilon', max: 18, expected: 'Alpha beta, gamma…' },
  { name: 'one long word is cut inside it', input: 'x'.repeat(50), max: 10, expected: `${'x'.repeat(10)}…` },
];
for (const row of abstractRows) {
  test(`format: abstractStart ${row.name}`, () => assert.equal(abstractStart(row.input, row.max), row.expected));
}
