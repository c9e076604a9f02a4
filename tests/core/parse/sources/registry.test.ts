// The registry (parse/sources/registry.ts): the one table of sources, detection over every fixture file (each file is
// read as its own source and no other source is sure of it), the choice parseText makes, and its one-line refusal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MIN_CONFIDENCE,
  SOURCES,
  UnreadableTextError,
  detectSource,
  formatsFolioReads,
  importExtensions,
  parseText,
  parseWithFirst,
} from '../../../../electron/core/parse/sources/registry.js';
import { NotThisSourceError, SOURCE_IDS, type SourceId } from '../../../../electron/core/parse/sources/types.js';
import { allFixtures, expectedSource, fixture, sourceFixture } from './fixture-files.js';
import { assertContract, SAME_PAGE_VARIANTS, windowsCopy, withForeignChrome } from './source-checks.js';

test('the table: one row per source id, in SOURCE_IDS order, each naming itself, with a label, a version and extensions', () => {
  assert.deepEqual(Object.keys(SOURCES), [...SOURCE_IDS]);
  const labels = new Set<string>();
  for (const id of SOURCE_IDS) {
    const source = SOURCES[id];
    assert.equal(source.id, id);
    assert.ok(source.label.trim() !== '' && !labels.has(source.label), `${id}: label ${source.label}`);
    labels.add(source.label);
    assert.ok(Number.isInteger(source.version) && source.version >= 1, `${id}: version`);
    assert.ok(source.extensions.length > 0 && source.extensions.every((e) => /^[a-z]+$/.test(e)), `${id}: extensions`);
  }
  assert.deepEqual(importExtensions(), ['txt', 'bib', 'bibtex', 'ris', 'json']);
});

/** Which source each fixture is, read from its name; every fixture is covered (a new one must be named so). */
const FIXTURES = allFixtures().map((file) => ({ ...file, expected: expectedSource(file.name) }));

test('every fixture file is named after a source (or is a README), and every source has fixtures', () => {
  for (const { name, expected } of FIXTURES) assert.ok(expected !== null || name.endsWith('.md'), name);
  const covered = new Set(FIXTURES.map((f) => f.expected));
  const without = SOURCE_IDS.filter((id) => !covered.has(id));
  assert.deepEqual(without, [], 'sources with no fixture');
});

/** What browsers, editors and clipboards do to the same text (for files: only what keeps them a valid file). */
function variantsOf(name: string, text: string, source: SourceId): Array<{ label: string; text: string }> {
  const isFile = ['bibtex', 'ris', 'csl-json', 'folio-json'].includes(source);
  const variants = [
    { label: 'as is', text },
    { label: 'CRLF', text: windowsCopy(text) },
    { label: 'BOM', text: `\ufeff${text}` },
  ];
  if (isFile) return variants.map((v) => ({ ...v, label: `${name} (${v.label})` }));
  return [
    ...variants,
    { label: 'chrome around it', text: withForeignChrome(text) },
    ...SAME_PAGE_VARIANTS.map((v) => ({ label: v.name, text: v.apply(text) })),
  ].map((v) => ({ ...v, label: `${name} (${v.label})` }));
}

test('cross-detection: each fixture and its variants are most surely their own source (≥ 0.8), every other source < 0.5', () => {
  let checked = 0;
  for (const { name, text, expected } of FIXTURES) {
    if (expected === null) continue;
    for (const variant of variantsOf(name, text, expected)) {
      const [best, ...rest] = detectSource(variant.text);
      assert.equal(best?.id, expected, `${variant.label}: ${JSON.stringify(detectSource(variant.text).slice(0, 3))}`);
      assert.ok((best?.confidence ?? 0) >= 0.8, `${variant.label}: ${best?.confidence}`);
      for (const other of rest) assert.ok(other.confidence < MIN_CONFIDENCE, `${variant.label}: ${other.id} ${other.confidence}`);
      checked++;
    }
  }
  assert.ok(checked >= 150, `${checked} texts`);
});

test('cross-detection: parseText reads each fixture and its variants as their source, in contract', () => {
  for (const { name, text, expected } of FIXTURES) {
    if (expected === null) continue;
    for (const variant of variantsOf(name, text, expected)) assertContract(parseText(variant.text), expected, variant.label);
  }
});

test('a README is no source: nothing is sure of it, and parseText refuses it with the one-line message', () => {
  for (const { name, text, expected } of FIXTURES) {
    if (expected !== null) continue;
    assert.ok((detectSource(text)[0]?.confidence ?? 0) < MIN_CONFIDENCE, name);
    assert.throws(() => parseText(text), UnreadableTextError, name);
  }
});

test('detectSource lists every source, most confident first, ties in the table order', () => {
  const detections = detectSource('');
  assert.deepEqual(detections.map((d) => d.id), [...SOURCE_IDS], 'all zero: table order');
  const ranked = detectSource(sourceFixture('library.bib'));
  assert.equal(ranked.length, SOURCE_IDS.length);
  for (let i = 1; i < ranked.length; i++) assert.ok((ranked[i - 1]?.confidence ?? 0) >= (ranked[i]?.confidence ?? 0));
  assert.equal(ranked[0]?.label, 'BibTeX file');
});

const FORMATS_LINE = formatsFolioReads();

test('the refusal names every format Folio reads, on one line, from the table', () => {
  for (const id of SOURCE_IDS) assert.ok(FORMATS_LINE.includes(SOURCES[id].label), id);
  const rows: Array<{ name: string; text: string; message: string }> = [
    { name: 'empty', text: '', message: `The text is empty: expected one of ${FORMATS_LINE}.` },
    { name: 'whitespace', text: ' \n\t\n', message: `The text is empty: expected one of ${FORMATS_LINE}.` },
    { name: 'prose', text: 'Dear all,\n\nthe seminar moves to room 4.\n', message: `Folio cannot read this text: expected one of ${FORMATS_LINE}.` },
    { name: 'a CSV table', text: 'id,title,year\n1,Foo,2020\n', message: `Folio cannot read this text: expected one of ${FORMATS_LINE}.` },
    { name: 'JSON of another kind', text: '{"hello": "world"}', message: `Folio cannot read this text: expected one of ${FORMATS_LINE}.` },
  ];
  for (const row of rows) {
    assert.throws(() => parseText(row.text), (error: unknown) => {
      assert.ok(error instanceof UnreadableTextError, row.name);
      assert.equal(error.message, row.message, row.name);
      assert.ok(!error.message.includes('\n'), 'one line');
      return true;
    });
  }
});

test('a forced source reads the text as that source, or refuses it with its own reason', () => {
  const bib = sourceFixture('library.bib');
  assert.equal(parseText(bib, 'bibtex').source, 'bibtex');
  assert.throws(() => parseText(bib, 'ris'), NotThisSourceError);
  assert.throws(() => parseText(fixture('profile-sabela-ramos.txt'), 'bibtex'), /not BibTeX/);
  // Forcing works where detection is unsure: a page whose shape alone says little.
  const bare = 'Jane Doe\nJul 31, 2024\nA Study of Things\nAlice Smith, Bob Jones\n\nSome abstract.\n';
  assert.throws(() => parseText(bare), UnreadableTextError);
  assert.equal(parseText(bare, 'profile-page').papers[0]?.title, 'A Study of Things');
});

test('a source that refuses passes the text on to the next candidate; when all refuse, the first refusal is said', () => {
  const ris = sourceFixture('library.ris');
  // Real sources in a given order: BibTeX refuses the RIS file, RIS reads it.
  assert.equal(parseWithFirst([SOURCES.bibtex, SOURCES['csl-json'], SOURCES.ris], ris).source, 'ris');
  assert.throws(() => parseWithFirst([SOURCES.bibtex, SOURCES['csl-json']], ris), /not BibTeX/);
  assert.throws(() => parseWithFirst([], ris), UnreadableTextError);
  // Through parseText: shaped like a profile page (two paper headers) but nothing under them; only the profile page
  // is sure of it, and its refusal says what it expected rather than the generic list of formats.
  assert.throws(() => parseText('CLJul 31, 2024\nCLJul 30, 2024\n'), (error: unknown) => {
    assert.ok(error instanceof NotThisSourceError && !(error instanceof UnreadableTextError));
    assert.match(error.message, /does not look like a profile page/);
    return true;
  });
  assert.throws(() => parseText(42 as unknown as string), UnreadableTextError);
});
