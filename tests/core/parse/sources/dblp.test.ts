// dblp person pages: the fixture read to the contract, the title/venue split on the venue shapes dblp prints,
// variants other browsers produce, and detection against every other fixture.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitTitleAndVenue, venueYear } from '../../../../electron/core/parse/sources/dblp-record.js';
import { dblpSource } from '../../../../electron/core/parse/sources/dblp.js';
import { NotThisSourceError, type SourceResult } from '../../../../electron/core/parse/sources/types.js';
import { otherFixtures, ownFixtures, sourceFixture } from './fixture-files.js';
import { paper, windowsCopy, withForeignChrome } from './source-checks.js';

const person = sourceFixture('dblp-person.txt');
const titles = (r: SourceResult): string[] => r.papers.map((p) => p.title);

test('person page: the person, eleven records, every field as the contract says', () => {
  const r = dblpSource.parse(person);
  assert.equal(r.source, 'dblp');
  assert.deepEqual(r.profile, {
    name: 'Zoë Lindqvist',
    category: null,
    affiliation: 'KTH Royal Institute of Technology, Stockholm, Sweden',
    metrics: { hIndex: null, papers: 11, citations: null, novelty: null, aiScore: null },
  });
  assert.deepEqual(r.warnings, []);
  assert.equal(r.papers.length, 11);
  assert.deepEqual(
    r.papers[0],
    paper('Offline Model Selection for Reinforcement Learning via Bootstrapped Fitted Q-Evaluation', {
      authors: ['Zoë Lindqvist', 'Ingrid Solberg'],
      date: '2025',
      year: 2025,
      venue: 'AISTATS 2025: 2214-2231',
    }),
  );
  assert.deepEqual(
    r.papers[1],
    paper('Policy Gradient Methods with Adaptive Baselines: A Unified View', {
      authors: ['Zoë Lindqvist', 'Margaux Fontaine'],
      date: '2024',
      year: 2024,
      venue: 'J. Mach. Learn. Res. 25: 77:1-77:41 (2024)',
    }),
  );
  // A title ending in "?" keeps it (dblp adds no period); CoRR gives the arXiv id.
  assert.deepEqual(
    r.papers[2],
    paper('Do Offline RL Agents Generalize Across Embodiments?', {
      authors: ['Zoë Lindqvist', 'Henrik Sæther'],
      date: '2024',
      year: 2024,
      venue: 'CoRR abs/2405.18826 (2024)',
      arxivId: '2405.18826',
    }),
  );
  assert.equal(r.papers[3]?.venue, 'Trans. Mach. Learn. Res. 2023 (2023)');
  assert.equal(r.papers[4]?.venue, 'NeurIPS 2023');
  assert.deepEqual(r.papers[4]?.authors, ['Inès Duclos-Varga', 'Zoë Lindqvist', 'Tomás Ibarra']);
  assert.equal(r.papers[5]?.arxivId, '2311.07458');
  assert.equal(r.papers[7]?.venue, 'Stat. Comput. 31(5): 61 (2021)');
  // The homonym number is dblp's, not the name.
  assert.deepEqual(r.papers[8]?.authors, ['Zoë Lindqvist', 'Per-Erik Holmberg', 'Wei Zhang']);
  assert.deepEqual(r.papers.map((p) => p.year), [2025, 2024, 2024, 2023, 2023, 2023, 2022, 2021, 2021, 2019, 2018]);
  assert.ok(r.papers.every((p) => !p.title.endsWith('.') && p.doi === null && p.abstract === null));
});

test('splitTitleAndVenue: the venue shapes dblp prints', () => {
  const rows: [string, string, string | null][] = [
    ['Title One. AISTATS 2025: 2214-2231', 'Title One', 'AISTATS 2025: 2214-2231'],
    ['A Unified View. J. Mach. Learn. Res. 25: 77:1-77:41 (2024)', 'A Unified View', 'J. Mach. Learn. Res. 25: 77:1-77:41 (2024)'],
    ['Why? CoRR abs/2405.18826 (2024)', 'Why?', 'CoRR abs/2405.18826 (2024)'],
    ['Wow! ICML 2020: 1998-2005', 'Wow!', 'ICML 2020: 1998-2005'],
    // A "?" inside the title with a journal venue: the last sentence end before the venue wins.
    ['What Matters in RL? A Large-Scale Study. J. Mach. Learn. Res. 22: 1-10 (2021)', 'What Matters in RL? A Large-Scale Study', 'J. Mach. Learn. Res. 22: 1-10 (2021)'],
    ['What Matters in RL? A Large-Scale Study. ICLR 2021', 'What Matters in RL? A Large-Scale Study', 'ICLR 2021'],
    ['Deep Nets. IEEE Trans. Pattern Anal. Mach. Intell. 46(3): 1402-1417 (2024)', 'Deep Nets', 'IEEE Trans. Pattern Anal. Mach. Intell. 46(3): 1402-1417 (2024)'],
    ['Pattern Mining. Data Min. Knowl. Discov. 37(1): 1-30 (2023)', 'Pattern Mining', 'Data Min. Knowl. Discov. 37(1): 1-30 (2023)'],
    ['Sinkhorn vs. Wasserstein: e.g. a Note. Neural Comput. 35(4): 600-620 (2023)', 'Sinkhorn vs. Wasserstein: e.g. a Note', 'Neural Comput. 35(4): 600-620 (2023)'],
    ['Learning to Learn. NeurIPS 2016', 'Learning to Learn', 'NeurIPS 2016'],
    ['Proceedings of NRW 2024, Gothenburg, Sweden, 4-5 March 2024. CEUR Workshop Proceedings 3671, CEUR-WS.org 2024', 'Proceedings of NRW 2024, Gothenburg, Sweden, 4-5 March 2024', 'CEUR Workshop Proceedings 3671, CEUR-WS.org 2024'],
    ['Physics Priors. KTH Royal Institute of Technology, Stockholm, Sweden, 2021', 'Physics Priors', 'KTH Royal Institute of Technology, Stockholm, Sweden, 2021'],
    ['A title with no venue.', 'A title with no venue', null],
    ['No venue at all', 'No venue at all', null],
  ];
  for (const [text, title, venue] of rows) assert.deepEqual(splitTitleAndVenue(text), { title, venue }, text);
});

test('venueYear: "(2024)" at the end, else the first year, never pages', () => {
  const rows: [string, number | null][] = [
    ['AISTATS 2025: 2214-2231', 2025],
    ['ICML 2020: 1998-2005', 2020],
    ['Trans. Mach. Learn. Res. 2023 (2023)', 2023],
    ['CoRR abs/2011.12345 (2020)', 2020],
    ['Proceedings of Machine Learning Research 202, PMLR 2023', 2023],
    ['Nature', null],
  ];
  for (const [venue, year] of rows) assert.equal(venueYear(venue), year, venue);
});

const variantFiles: { file: string; check: (r: SourceResult) => void }[] = [
  {
    file: 'variants/dblp-person-oneline.txt',
    check: (r) => {
      // Sidebar and coauthor index (keys on lines of their own) before the person; records on one line each.
      assert.equal(r.profile?.name, 'Per-Erik Holmberg');
      assert.equal(r.profile?.affiliation, 'Chalmers University of Technology, Gothenburg, Sweden');
      assert.equal(r.profile?.metrics.papers, 7);
      assert.equal(r.papers.length, 7);
      assert.deepEqual(
        r.papers[0],
        paper('What Matters in Contact-Rich Control? A Large-Scale Empirical Study', {
          authors: ['Per-Erik Holmberg', 'Margaux Fontaine', 'Ruud Achterberg'],
          date: '2024',
          year: 2024,
          venue: 'IEEE Trans. Pattern Anal. Mach. Intell. 46(3): 1402-1417 (2024)',
        }),
      );
      // An editorship: "(Eds.)" dropped, homonym number dropped, a title holding its own years.
      assert.deepEqual(r.papers[1]?.authors, ['Per-Erik Holmberg', 'Wei Zhang']);
      assert.equal(r.papers[1]?.title, 'Proceedings of the Nordic Robotics Workshop, NRW 2024, Gothenburg, Sweden, 4-5 March 2024');
      assert.equal(r.papers[2]?.title, 'Learning to Learn');
      assert.equal(r.papers[3]?.venue, 'KTH Royal Institute of Technology, Stockholm, Sweden, 2021');
      assert.equal(r.papers[4]?.title, 'Tactile Servoing vs. Visual Servoing: A Comparison');
      assert.equal(r.papers[4]?.venue, 'Int. J. Robotics Res. 40(2-3): 512-530 (2021)');
      assert.deepEqual(r.warnings, []);
    },
  },
  {
    file: 'variants/dblp-person-menus.txt',
    check: (r) => {
      // The records' hover menus copied between key and authors; title and venue on separate lines; blank lines.
      assert.equal(r.profile?.name, 'Ingrid Solberg');
      assert.equal(r.papers.length, 3);
      assert.deepEqual(
        r.papers[0],
        paper('Offline Model Selection for Reinforcement Learning via Bootstrapped Fitted Q-Evaluation', {
          authors: ['Zoë Lindqvist', 'Ingrid Solberg'],
          date: '2025',
          year: 2025,
          venue: 'AISTATS 2025: 2214-2231',
        }),
      );
      assert.equal(r.papers[1]?.title, 'Is Conservatism Necessary in Offline RL? Evidence from Fifty Benchmarks');
      assert.equal(r.papers[1]?.arxivId, '2501.04417');
      assert.equal(r.papers[2]?.venue, 'Mach. Learn. 112(7): 2451-2480 (2023)');
      assert.deepEqual(r.warnings, []);
    },
  },
  {
    file: 'variants/dblp-person-empty.txt',
    check: (r) => {
      assert.deepEqual(r.papers, []);
      assert.equal(r.profile?.name, 'Astrid Nyqvist');
      assert.equal(r.profile?.affiliation, 'Uppsala University, Sweden');
      assert.deepEqual(r.warnings, ['The dblp page lists no records.']);
    },
  },
];

for (const { file, check } of variantFiles) {
  test(`variant file ${file}`, () => check(dblpSource.parse(sourceFixture(file))));
}

const lines = person.split('\n');
const nameLine = lines.indexOf('Zoë Lindqvist');
const firstYear = lines.indexOf('2025');
const coauthors = lines.indexOf('Coauthor Index');
const header = lines.slice(0, nameLine);
const personBox = lines.slice(nameLine, firstYear);
const records = lines.slice(firstYear, coauthors);
const footer = lines.slice(coauthors);
const plain = dblpSource.parse(person);

const inline: { name: string; text: () => string; check: (r: SourceResult) => void }[] = [
  {
    name: 'CRLF and NBSP (Windows copy)',
    text: () => windowsCopy(person, /:$/),
    check: (r) => assert.deepEqual(r, plain),
  },
  {
    name: 'chrome of another app before and after',
    text: () => withForeignChrome(person),
    check: (r) => assert.deepEqual(r, plain),
  },
  {
    name: 'another DOM order: coauthor index and footer first, records, then the person box',
    text: () => [...footer, ...records, ...header, ...personBox].join('\n'),
    check: (r) => assert.deepEqual(r, plain),
  },
  {
    name: 'one line per record (no line break after the authors)',
    text: () => person.replace(/:\n(?=[^\n]*\d{4})/g, ': '),
    check: (r) => assert.deepEqual(r.papers, plain.papers),
  },
  {
    name: 'key and record on one line, blank lines between records',
    text: () => person.replace(/^(\[[a-z]\d+\])\n/gm, '\n$1 '),
    check: (r) => assert.deepEqual(r.papers, plain.papers),
  },
  {
    name: 'wrapped titles: title and venue on separate lines',
    text: () => person.replace(/\. (AISTATS|J\. Mach|CoRR|NeurIPS|IROS)/g, '.\n$1'),
    check: (r) => assert.deepEqual(r.papers, plain.papers),
  },
  {
    name: 'a truncated author list',
    text: () => person.replace('Zoë Lindqvist, Henrik Sæther, Margaux Fontaine:', 'Zoë Lindqvist, Henrik Sæther, et al.:'),
    check: (r) => {
      assert.deepEqual(r.papers[6]?.authors, ['Zoë Lindqvist', 'Henrik Sæther']);
      assert.equal(r.papers[6]?.authorsTruncated, true);
    },
  },
  {
    name: 'missing fields: no year headings, no person box, no counts',
    text: () => records.filter((l) => !/^(?:19|20)\d{2}$|^\[–\]|–/.test(l)).join('\n'),
    check: (r) => {
      assert.deepEqual(r.papers, plain.papers);
      assert.equal(r.profile?.name, 'Zoë Lindqvist');
      assert.equal(r.profile?.affiliation, null);
      assert.equal(r.profile?.metrics.papers, null);
    },
  },
  {
    name: 'a record without a venue year takes its year heading',
    text: () => person.replace('NeurIPS 2023', 'NeurIPS'),
    check: (r) => {
      assert.equal(r.papers[4]?.year, 2023);
      assert.equal(r.papers[4]?.venue, null);
      assert.equal(r.papers[4]?.title, 'Offline Preference Distillation with Learned Reward Ensembles. NeurIPS');
      assert.deepEqual(r.warnings, [
        'dblp record [c5] ("Offline Preference Distillation with Learned Reward Ensembles. NeurIPS") shows no venue and year; kept the whole text as its title.',
      ]);
    },
  },
  {
    name: 'extra unknown lines between records',
    text: () => person.replace(/^(\[[a-z]\d+\])$/gm, 'Bookmark this record\n$1'),
    check: (r) => assert.deepEqual(r.papers, plain.papers),
  },
  {
    name: 'a collapsed year group: fewer records than the page counts',
    text: () => person.split('[–]\n2010 – 2019')[0] as string,
    check: (r) => {
      assert.equal(r.papers.length, 9);
      assert.deepEqual(r.warnings, [
        'The page counts 11 records but the paste holds 9; expand every year group and paste again to import the rest.',
      ]);
    },
  },
];

for (const { name, text, check } of inline) {
  test(`inline variant: ${name}`, () => {
    const pasted = text();
    assert.ok(dblpSource.detect(pasted) >= 0.8, `detect ${dblpSource.detect(pasted)}`);
    check(dblpSource.parse(pasted));
  });
}

test('detect: at least 0.8 on every dblp fixture and variant, under 0.5 on every other fixture', () => {
  const own = ownFixtures('dblp');
  assert.ok(own.length >= 4);
  for (const { name, text } of own) assert.ok(dblpSource.detect(text) >= 0.8, `${name}: ${dblpSource.detect(text)}`);
  const others = otherFixtures('dblp');
  assert.ok(others.length >= 15);
  for (const { name, text } of others) assert.ok(dblpSource.detect(text) < 0.5, `${name}: ${dblpSource.detect(text)}`);
});

test('parse refuses anything that is not a dblp page with NotThisSourceError', () => {
  const foreign = [
    ...otherFixtures('dblp').map((f) => f.text),
    '',
    '[c1]',
    'Inès Duclos-Varga [j2] [c5]\nMargaux Fontaine [j3] [c4]',
    'References\n[1] A. Smith, B. Jones: On things. 2020.',
  ];
  for (const text of foreign) assert.throws(() => dblpSource.parse(text), NotThisSourceError, text.slice(0, 60));
  assert.throws(() => dblpSource.parse(null as unknown as string), NotThisSourceError);
});

test('a record list with no person line still names the person every record shares', () => {
  const r = dblpSource.parse(records.join('\n'));
  assert.equal(r.profile?.name, 'Zoë Lindqvist');
  assert.deepEqual(titles(r), titles(plain));
});
