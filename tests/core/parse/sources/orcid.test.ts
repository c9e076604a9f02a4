// ORCID records: the fixture read to the contract, variants other browsers and longer records produce, and detection
// against every other fixture.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orcidSource } from '../../../../electron/core/parse/sources/orcid.js';
import { readAnchor } from '../../../../electron/core/parse/sources/orcid-work.js';
import { NotThisSourceError, type SourceResult } from '../../../../electron/core/parse/sources/types.js';
import { otherFixtures, ownFixtures, sourceFixture } from './fixture-files.js';
import { paper, windowsCopy, withForeignChrome } from './source-checks.js';

const record = sourceFixture('orcid-record.txt');
const titles = (r: SourceResult): string[] => r.papers.map((p) => p.title);

test('record: the holder, nine works (not the employment items), every field as the contract says', () => {
  const r = orcidSource.parse(record);
  assert.equal(r.source, 'orcid');
  assert.deepEqual(r.profile, {
    name: 'Jingyi Chen',
    category: null,
    affiliation: 'National University of Singapore',
    metrics: { hIndex: null, papers: 9, citations: null, novelty: null, aiScore: null },
  });
  assert.equal(r.papers.length, 9);
  assert.deepEqual(
    r.papers[0],
    paper('Cross-Lingual Transfer of Reward Models for Low-Resource Machine Translation', {
      authors: ['Priyanka Venkataraman', 'Jingyi Chen', 'Rahul Menon', 'Ayaka Sato'],
      date: '2024-11',
      year: 2024,
      venue: 'Proceedings of the 2024 Conference on Empirical Methods in Natural Language Processing',
      doi: '10.18653/v1/2024.emnlp-main.1123',
    }),
  );
  assert.deepEqual(
    r.papers[2],
    paper('Multilingual Minimum Bayes Risk Decoding with Quality Estimation Rerankers', {
      authors: ['Jingyi Chen', 'Ayaka Sato'],
      date: '2024-05-21',
      year: 2024,
      venue: 'arXiv',
      doi: '10.48550/arxiv.2405.12970',
      arxivId: '2405.12970',
    }),
  );
  // The Chinese-language work with CJK contributors.
  assert.deepEqual(
    r.papers[4],
    paper('面向低资源语言的神经机器翻译综述', {
      authors: ['陈静怡', '王磊'],
      date: '2022-03',
      year: 2022,
      venue: '中文信息学报',
      doi: '10.3969/j.issn.1003-0077.2022.03.001',
    }),
  );
  // "Part of ISSN" is not the work's DOI; a thesis without contributors; a work with a title only + venue.
  assert.equal(r.papers[5]?.doi, '10.1162/coli_a_00417');
  assert.deepEqual(
    r.papers[6],
    paper('Neural Machine Translation for Southeast Asian Languages: Data, Models and Evaluation', {
      date: '2021',
      year: 2021,
      venue: 'National University of Singapore',
    }),
  );
  assert.equal(r.papers[7]?.title, 'SEA-MT: A Multi-Domain Benchmark for Southeast Asian Machine Translation');
  assert.equal(r.papers[8]?.date, '2020');
  // No title is a source name ("Crossref", "Jingyi Chen"), an icon word or an employer.
  for (const title of titles(r)) assert.ok(!/^(?:Crossref|DataCite|Jingyi Chen|Preferred source|National University)/.test(title), title);
  assert.deepEqual(r.warnings, [
    '"Neural Machine Translation for Southeast Asian Languages: Data, Models and Evaluation" shows no contributors; it is imported without authors.',
  ]);
});

test('readAnchor: the "date | Type" line of a work, not of an employment', () => {
  const rows: [string, string | null | undefined][] = [
    ['2024-11 | Conference paper', '2024-11'],
    ['2025-01-14 | Journal article', '2025-01-14'],
    ['2021 | Dissertation or Thesis', '2021'],
    ['2021 | Dissertation/Thesis', '2021'],
    ['2024-11-12 | Conference paper | Author', '2024-11-12'],
    ['2018-01-01 | journal-article', '2018-01-01'],
    ['2019 | dissertation-thesis', '2019'],
    ['Preprint', null],
    ['2022-08-01 to present | Assistant Professor (School of Computing)', undefined],
    ['2017-08-01 to 2021-06-30 | PhD (School of Computing)', undefined],
    ['Employment', undefined],
    ['2024 | Grant', undefined],
  ];
  for (const [line, date] of rows) assert.equal(readAnchor(line)?.date, date, line);
});

test('variant file: works before employment, iD above the name, expanded details, "+ 7 more"', () => {
  const r = orcidSource.parse(sourceFixture('variants/orcid-record-reordered.txt'));
  assert.equal(r.profile?.name, 'Priyanka Venkataraman');
  assert.equal(r.profile?.affiliation, 'University of Edinburgh');
  assert.equal(r.profile?.metrics.papers, 12);
  assert.equal(r.papers.length, 5);
  const [emnlp, speech, alignment, hal, gebnlp] = r.papers;
  assert.equal(emnlp?.authors.length, 10);
  assert.equal(emnlp?.authorsTruncated, true);
  assert.equal(emnlp?.doi, '10.18653/v1/2024.emnlp-main.1123');
  assert.equal(emnlp?.date, '2024-11-12');
  // A work with no date, an arXiv id with a version, and the details a click on "Show more detail" reveals.
  assert.deepEqual(
    speech,
    paper('Quality Estimation for Speech Translation without References', {
      authors: ['Priyanka Venkataraman', 'Ayaka Sato', 'Fiona MacLeod'],
      abstract: 'A reference-free quality estimator for speech translation that combines acoustic confidence with a text-based QE model.',
      arxivId: '2406.01234',
      url: 'https://www.isca-archive.org/interspeech_2024/venkataraman24_interspeech.html',
    }),
  );
  // "Version of DOI" is another version's; "Source: name" on one line.
  assert.equal(alignment?.doi, null);
  assert.equal(alignment?.venue, null);
  // A title shaped like an identifier line ("HAL: …") is still a title.
  assert.equal(hal?.title, 'HAL: Hierarchical Alignment Learning for Dravidian Languages');
  assert.equal(hal?.venue, 'Workshop on Dravidian Language Technologies');
  assert.equal(gebnlp?.doi, '10.18653/v1/2022.gebnlp-1.9');
  assert.deepEqual(r.warnings, [
    '"Word Alignment with Optimal Transport for Morphologically Rich Languages" shows no contributors; it is imported without authors.',
    'The record counts 12 works but the paste holds 5; show every page of works and paste again to import the rest.',
  ]);
});

test('variant file: a record with no works', () => {
  const r = orcidSource.parse(sourceFixture('variants/orcid-record-empty.txt'));
  assert.deepEqual(r.papers, []);
  assert.equal(r.profile?.name, 'Anders Hovland');
  assert.equal(r.profile?.affiliation, 'University of Bergen');
  assert.deepEqual(r.warnings, ['The ORCID record lists no works.']);
});

const lines = record.split('\n');
const worksAt = lines.indexOf('Works (9)');
const footerAt = lines.lastIndexOf('ORCID logo');
const activitiesAt = lines.indexOf('Activities');
const header = lines.slice(0, activitiesAt);
const affiliations = lines.slice(activitiesAt, worksAt);
const works = lines.slice(worksAt, footerAt);
const footer = lines.slice(footerAt);
const plain = orcidSource.parse(record);

const inline: { name: string; text: () => string; check: (r: SourceResult) => void }[] = [
  {
    name: 'CRLF and NBSP (Windows copy)',
    text: () => windowsCopy(record, /^(?:CONTRIBUTORS|DOI):/),
    check: (r) => assert.deepEqual(r, plain),
  },
  {
    name: 'chrome of another app before and after',
    text: () => withForeignChrome(record),
    check: (r) => assert.deepEqual(r, plain),
  },
  {
    name: 'another DOM order: works first, then employment, then the header',
    text: () => [...works, ...affiliations, ...header, ...footer].join('\n'),
    check: (r) => assert.deepEqual(r, plain),
  },
  {
    name: 'blank lines between every line (another browser)',
    text: () => record.split('\n').join('\n\n'),
    check: (r) => assert.deepEqual(r, plain),
  },
  {
    name: 'source name on the "Source:" line, "Preferred source" before "Show more detail"',
    text: () =>
      record
        .replace(/^Source: check_circle\n(.+)$/gm, 'Source: check_circle $1')
        .replace(/^Source:\n(.+)$/gm, 'Source: $1')
        .replace(/^Show more detail\n(Source: .*)\n(Preferred source.*)$/gm, '$2\n$1\nShow more detail'),
    check: (r) => assert.deepEqual(r.papers, plain.papers),
  },
  {
    name: 'a single other name under the holder ("Also known as J Chen")',
    text: () => record.replace(/^Also known as .*$/m, 'Also known as J Chen'),
    check: (r) => assert.equal(r.profile?.name, 'Jingyi Chen'),
  },
  {
    name: 'a truncated contributor list',
    text: () => record.replace('Jingyi Chen; Ayaka Sato\n', 'Jingyi Chen; Ayaka Sato + 14 more\n'),
    check: (r) => {
      assert.deepEqual(r.papers[2]?.authors, ['Jingyi Chen', 'Ayaka Sato']);
      assert.equal(r.papers[2]?.authorsTruncated, true);
      assert.equal(r.papers.filter((p) => p.authorsTruncated).length, 1);
    },
  },
  {
    name: 'missing fields: no journals, no identifiers, no header',
    text: () => {
      const journals = new Set(plain.papers.map((p) => p.venue).filter((v) => v !== null));
      return works.filter((l) => !journals.has(l) && !/^(?:DOI|ARXIV|Part of ISSN):/.test(l)).join('\n');
    },
    check: (r) => {
      assert.deepEqual(titles(r), titles(plain));
      assert.ok(r.papers.every((p) => p.venue === null && p.doi === null && p.arxivId === null));
      assert.equal(r.profile, null);
      assert.match(r.warnings.join('\n'), /holder's name was not found/);
    },
  },
  {
    name: 'extra unknown icon and control lines',
    text: () => record.replace(/^(Show more detail)$/gm, 'more_vert\n$1\nexpand_more').replace('Works (9)\nsort Sort', 'Works (9)\nsort Sort\nSelect all\n1 - 9 of 9'),
    check: (r) => assert.deepEqual(r, plain),
  },
];

for (const { name, text, check } of inline) {
  test(`inline variant: ${name}`, () => {
    const pasted = text();
    assert.ok(orcidSource.detect(pasted) >= 0.8, `detect ${orcidSource.detect(pasted)}`);
    check(orcidSource.parse(pasted));
  });
}

test('detect: at least 0.8 on every ORCID fixture and variant, under 0.5 on every other fixture', () => {
  const own = ownFixtures('orcid');
  assert.ok(own.length >= 3);
  for (const { name, text } of own) assert.ok(orcidSource.detect(text) >= 0.8, `${name}: ${orcidSource.detect(text)}`);
  const others = otherFixtures('orcid');
  assert.ok(others.length >= 15);
  for (const { name, text } of others) assert.ok(orcidSource.detect(text) < 0.5, `${name}: ${orcidSource.detect(text)}`);
});

test('parse refuses anything that is not an ORCID record with NotThisSourceError', () => {
  const foreign = [
    ...otherFixtures('orcid').map((f) => f.text),
    '',
    'https://orcid.org/0000-0003-1822-5403',
    'My ORCID iD is 0000-0003-1822-5403.\n2024 | Journal article',
  ];
  for (const text of foreign) assert.throws(() => orcidSource.parse(text), NotThisSourceError, text.slice(0, 60));
  assert.throws(() => orcidSource.parse(undefined as unknown as string), NotThisSourceError);
});
