// arXiv listings and search results: the fixtures read to the contract, the variants other browsers and other arXiv
// pages produce, and detection against every other fixture.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateFromArxivId } from '../../../../electron/core/parse/sources/arxiv-entry.js';
import { arxivSource } from '../../../../electron/core/parse/sources/arxiv.js';
import { NotThisSourceError, type SourceResult } from '../../../../electron/core/parse/sources/types.js';
import { otherFixtures, ownFixtures, sourceFixture } from './fixture-files.js';
import { paper, windowsCopy, withForeignChrome } from './source-checks.js';

const listing = sourceFixture('arxiv-listing.txt');
const search = sourceFixture('arxiv-search.txt');
const titles = (r: SourceResult): string[] => r.papers.map((p) => p.title);

test('listing: nine entries, no person, every field as the contract says', () => {
  const r = arxivSource.parse(listing);
  assert.equal(r.source, 'arxiv');
  assert.equal(r.profile, null);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.papers.length, 9);
  assert.deepEqual(
    r.papers[0],
    paper('Calibrated Best-of-N Sampling for Reasoning Models', {
      authors: ['Hana Okabe', 'Tomás Ibarra', 'Inès Duclos-Varga'],
      date: '2025-06',
      year: 2025,
      category: 'cs.LG',
      abstract:
        'Best-of-N sampling is a simple and strong inference-time method for reasoning models, but the reward model ' +
        'that ranks the N candidates is often overconfident on problems outside its training distribution. We propose ' +
        'calibrated Best-of-N, which rescales reward scores with a lightweight conformal calibrator fitted on a few ' +
        'hundred held-out prompts. On four mathematical reasoning benchmarks, calibrated Best-of-N matches the accuracy ' +
        'of standard Best-of-N with 2-3 times fewer samples.',
      arxivId: '2506.15904',
    }),
  );
  // A cross-list keeps its own primary subject, not the listing's.
  assert.equal(r.papers[5]?.category, 'cs.CL');
  assert.equal(r.papers[6]?.category, 'stat.ME');
  assert.deepEqual(r.papers[6]?.authors, ['Claire Dubois-Okafor', 'Henrik Sæther']);
  // The replaced seed paper: its id's month, all twenty authors, the full abstract.
  const bond = r.papers[7];
  assert.equal(bond?.title, 'BOND: Aligning LLMs with Best-of-N Distillation');
  assert.equal(bond?.arxivId, '2407.14622');
  assert.equal(bond?.date, '2024-07');
  assert.equal(bond?.authors.length, 20);
  assert.equal(bond?.authors[19], 'Olivier Bachem');
  assert.equal(bond?.authorsTruncated, false);
  assert.ok(bond?.abstract?.endsWith('by improving results on several benchmarks.'));
  assert.deepEqual(
    r.papers[8],
    paper('Implicit Regularization of Sharpness-Aware Minimization in Deep Linear Networks', {
      authors: ['Rui Oliveira', 'Mei-Ling Chou'],
      date: '2023-10',
      year: 2023,
      category: 'cs.LG',
      abstract:
        'We show that sharpness-aware minimization on deep linear networks converges to solutions with balanced layer ' +
        'norms and a smaller trace of the Hessian than gradient descent from the same initialization.',
      venue: 'Transactions on Machine Learning Research (2025)',
      arxivId: '2310.08417',
    }),
  );
  // Comments are not venues; the header's search-field list ("Title", "Author", "Abstract") is not an entry.
  assert.equal(r.papers[2]?.venue, null);
  assert.equal(r.papers.filter((p) => p.abstract === null).length, 0);
});

test('search results: dates of the first version, DOI tags, cut abstracts, journal refs', () => {
  const r = arxivSource.parse(search);
  assert.equal(r.profile, null);
  assert.equal(r.papers.length, 6);
  assert.deepEqual(
    r.papers[3],
    paper('Safe Imitation Learning for Autonomous Excavators', {
      authors: ['Tomás Ibarra', 'Ricardo Salinas', 'Camila Rojas Fuentes'],
      date: '2023-07-06',
      year: 2023,
      category: 'cs.RO',
      abstract:
        'Excavators in open-pit mines operate close to people and other machines, so learned digging policies must ' +
        'respect hard safety envelopes. We combine behavioural cloning from expert operators with a control barrier ' +
        'function filter and report 41 hours of field trials in …',
      venue: 'IEEE Robotics and Automation Letters 8(9), 5521-5528 (2023)',
      doi: '10.1109/lra.2023.3291277',
      arxivId: '2307.02916',
    }),
  );
  // "Submitted 18 November, 2024; v1 submitted 18 September, 2024": the first version's date.
  assert.equal(r.papers[2]?.date, '2024-09-18');
  assert.equal(r.papers[2]?.venue, 'Proceedings of The 8th Conference on Robot Learning, PMLR 270:1822-1839, 2025');
  assert.equal(r.papers[4]?.date, '2022-02-15');
  assert.equal(r.papers[4]?.year, 2022);
  assert.equal(r.papers[5]?.title, 'Model Predictive Control for Mining Haul Trucks with Learned Tire–Terrain Dynamics');
  assert.equal(r.papers[5]?.category, 'eess.SY');
  for (const p of r.papers) {
    assert.ok(p.abstract?.endsWith('…') && !p.abstract.includes('More'), p.title);
    assert.equal(p.arxivId, p.arxivId?.replace(/v\d+$/, ''));
  }
  assert.deepEqual(r.warnings, [
    '6 abstracts are only the preview the search page shows (cut at "▽ More"); a listing or the abstract page has the full text.',
  ]);
});

const variantFiles: { file: string; check: (r: SourceResult) => void }[] = [
  {
    file: 'variants/arxiv-listing-firefox.txt',
    check: (r) => {
      assert.equal(r.papers.length, 4);
      // "Title:" alone on its line and the title wrapped over two more.
      assert.equal(r.papers[0]?.title, 'Reward Models Are Miscalibrated Under Distribution Shift, and Best-of-N Makes It Worse');
      assert.deepEqual(r.papers[0]?.authors, ['Hana Okabe', 'Inès Duclos-Varga']);
      // Affiliations in parentheses become orgs; an abstract wrapped over two lines is one paragraph.
      assert.deepEqual(r.papers[1]?.authors, ['Ruud Achterberg', 'Margaux Fontaine', 'Pieter van der Berg']);
      assert.deepEqual(r.papers[1]?.orgs, ['Inria', 'CWI Amsterdam']);
      assert.equal(r.papers[1]?.category, 'math.OC');
      assert.ok(r.papers[1]?.abstract?.includes('constant step up to a logarithmic factor'));
      // "… Wei Zhang et al. (48 additional authors not shown)" and the JavaScript note.
      assert.deepEqual(r.papers[2]?.authors, ['ATLAS-QA Consortium', 'Yusuf Demir', 'Laila Haddad', 'Oskar Nieminen', 'Wei Zhang']);
      assert.equal(r.papers[2]?.authorsTruncated, true);
      assert.equal(r.papers[2]?.venue, 'Journal of Data-centric Machine Learning Research 2 (2025)');
      // Old-style id with a version; no abstract (a "recent" listing); the footer is not its abstract.
      assert.deepEqual(r.papers[3], paper('Wilson Loops in Large N Field Theories', {
        authors: ['Jonah Reinholt'], date: '1999-01', year: 1999,
        category: 'hep-th', arxivId: 'hep-th/9901001',
      }));
      assert.deepEqual(r.warnings, []);
    },
  },
  {
    file: 'variants/arxiv-search-expanded.txt',
    check: (r) => {
      assert.equal(r.papers.length, 3);
      // Both abstract spans copied: the full text wins; tags on their own lines.
      assert.equal(
        r.papers[0]?.abstract,
        'Reinforcement learning from human feedback (RLHF) is a key driver of quality and safety in state-of-the-art ' +
          'large language models. Yet, a surprisingly simple and strong inference-time strategy is Best-of-N sampling ' +
          'that selects the best generation among N candidates.',
      );
      assert.equal(r.papers[0]?.arxivId, '2407.14622');
      assert.equal(r.papers[0]?.category, 'cs.LG');
      assert.equal(r.papers[0]?.date, '2024-07-19');
      // "doi" and the DOI on lines of their own; title wrapped; 25 authors shown "et al.".
      assert.equal(r.papers[1]?.doi, '10.1214/24-aos2391');
      assert.equal(r.papers[1]?.title, 'Distillation of Best-of-N Policies: Minimax Rates for Finite Action Spaces');
      assert.equal(r.papers[1]?.authors.length, 25);
      assert.equal(r.papers[1]?.authorsTruncated, true);
      assert.equal(r.papers[1]?.date, '2023-12-02');
      assert.equal(r.papers[1]?.venue, 'Annals of Statistics 53(1), 2025');
      assert.equal(r.papers[2]?.arxivId, 'math/0309136');
      assert.equal(r.papers[2]?.category, 'math.GT');
      assert.equal(r.papers[2]?.abstract, null);
      assert.match(r.warnings.join('\n'), /counts 128 papers but the paste holds 3/);
    },
  },
  {
    file: 'variants/arxiv-author-page.txt',
    check: (r) => {
      assert.deepEqual(r.profile, {
        name: 'Tomás Ibarra', category: null, affiliation: null,
        metrics: { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null },
      });
      assert.equal(r.papers.length, 3);
      assert.deepEqual(r.papers[0]?.orgs, ['Universidad de Chile', 'Google DeepMind']);
      assert.equal(r.papers[1]?.doi, '10.1109/lra.2023.3291277');
      assert.equal(r.papers[2]?.abstract, null, 'the author-id footer is not an abstract');
    },
  },
  {
    file: 'variants/arxiv-search-empty.txt',
    check: (r) => {
      assert.deepEqual(r.papers, []);
      assert.deepEqual(r.warnings, ['The arXiv page lists no papers.']);
    },
  },
];

for (const { file, check } of variantFiles) {
  test(`variant file ${file}`, () => check(arxivSource.parse(sourceFixture(file))));
}

function replaceLine(text: string, from: string | RegExp, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => (typeof from === 'string' ? l === from : from.test(l)));
  assert.ok(i >= 0, `no line ${String(from)}`);
  lines[i] = to;
  return lines.join('\n');
}

const ENTRY_START = /^\[\d+\] arXiv:/;

/** The listing's entries (header and footer dropped), each as its lines. */
function listingEntries(text: string): string[][] {
  const entries: string[][] = [];
  for (const line of text.split('\n')) {
    if (ENTRY_START.test(line)) entries.push([]);
    else if (/^(?:Cross|Replacement) submissions|^Total of/.test(line)) continue;
    if (entries.length > 0 && !/^Total of/.test(line)) entries[entries.length - 1]?.push(line);
    if (/^Total of/.test(line) && entries.length > 0) break;
  }
  return entries;
}

const plainListing = arxivSource.parse(listing);
const plainSearch = arxivSource.parse(search);
const inline: { name: string; text: () => string; check: (r: SourceResult) => void }[] = [
  {
    name: 'CRLF and NBSP (Windows copy)',
    text: () => windowsCopy(listing, /^(?:Title|Subjects):/),
    check: (r) => assert.deepEqual(r.papers, plainListing.papers),
  },
  {
    name: 'search page, CRLF, NBSP and the tags on lines of their own',
    text: () => windowsCopy(search.replace(/\u00a0 (cs\.\S+) (\S+)(?: (\S+))?/g, '\n$1\n$2\n$3'), /^Authors:/),
    check: (r) => assert.deepEqual(r.papers, plainSearch.papers),
  },
  {
    name: 'chrome of another app before and after',
    text: () => withForeignChrome(listing),
    check: (r) => assert.deepEqual(r.papers, plainListing.papers),
  },
  {
    name: 'another DOM order: entries first, header after, sections reversed',
    text: () => {
      const entries = listingEntries(listing);
      const header = listing.split('\n').slice(0, 37).join('\n');
      return [...entries.reverse().map((e) => e.join('\n')), 'Total of 9 entries', header].join('\n');
    },
    check: (r) => {
      assert.deepEqual([...titles(r)].sort(), [...titles(plainListing)].sort());
      assert.deepEqual(r.papers.find((p) => p.arxivId === '2407.14622'), plainListing.papers[7]);
    },
  },
  {
    name: 'each index on a line of its own, no blank lines',
    text: () => listing.replace(/^(\[\d+\]) /gm, '$1\n').split('\n').filter((l) => l.trim() !== '').join('\n'),
    check: (r) => assert.deepEqual(r.papers, plainListing.papers),
  },
  {
    name: 'compact copy: no blank lines at all',
    text: () => listing.split('\n').filter((l) => l.trim() !== '').join('\n'),
    check: (r) => assert.deepEqual(r.papers, plainListing.papers),
  },
  {
    name: 'wrapped titles and authors (print layout)',
    text: () =>
      replaceLine(
        replaceLine(listing, 'Title: Sparse Mixture-of-Experts Routers Are Secretly Load Balancers', 'Title: Sparse Mixture-of-Experts Routers\nAre Secretly Load Balancers'),
        /^Pier Giuseppe Sessa,/,
        'Pier Giuseppe Sessa, Robert Dadashi, Léonard Hussenot, Johan Ferret,\nNino Vieillard, Alexandre Ramé, Bobak Shahriari, Sarah Perrin, Abe Friesen, Geoffrey Cideron, Sertan Girgin, Piotr Stanczyk, Andrea Michi, Danila Sinopalnikov, Sabela Ramos, Amélie Héliou, Aliaksei Severyn, Matt Hoffman, Nikola Momchev, Olivier Bachem',
      ),
    check: (r) => assert.deepEqual(r.papers, plainListing.papers),
  },
  {
    name: 'a truncated author list',
    text: () => replaceLine(listing, 'Dmitri Volkov, Amara Nwosu', 'Dmitri Volkov, Amara Nwosu, et al. (4 additional authors not shown)'),
    check: (r) => {
      assert.deepEqual(r.papers[1]?.authors, ['Dmitri Volkov', 'Amara Nwosu']);
      assert.equal(r.papers[1]?.authorsTruncated, true);
      assert.equal(r.papers.filter((p) => p.authorsTruncated).length, 1);
    },
  },
  {
    name: 'missing fields: no comments, subjects, journal refs or abstracts',
    text: () =>
      listingEntries(listing)
        .map((e) => e.slice(0, 3).join('\n'))
        .join('\n'),
    check: (r) => {
      assert.equal(r.papers.length, 9);
      assert.deepEqual(titles(r), titles(plainListing));
      assert.deepEqual(r.papers.map((p) => p.authors), plainListing.papers.map((p) => p.authors));
      assert.ok(r.papers.every((p) => p.abstract === null && p.category === null && p.venue === null));
    },
  },
  {
    name: 'no Subjects line between the authors and the abstract',
    text: () => listing.replace(/^Subjects: .*\n\n?/gm, '').replace(/^Comments: .*\n/gm, ''),
    check: (r) => {
      assert.deepEqual(titles(r), titles(plainListing));
      assert.deepEqual(r.papers.map((p) => p.authors), plainListing.papers.map((p) => p.authors));
      assert.deepEqual(r.papers.map((p) => p.abstract), plainListing.papers.map((p) => p.abstract));
    },
  },
  {
    name: 'extra unknown lines between entries and before titles',
    text: () => listing.replace(/^(\[\d+\] arXiv:.*)$/gm, 'Bookmark\n$1\nAdd to reading list').replace(/\n\n\[/g, '\n\nShare this\n\n['),
    check: (r) => assert.deepEqual(r.papers, plainListing.papers),
  },
  {
    name: 'an empty listing',
    text: () => `${listing.split('\n').slice(0, 34).join('\n')}\nNo updates for this time period.\nTotal of 0 entries\nAbout\nHelp\n`,
    check: (r) => {
      assert.deepEqual(r.papers, []);
      assert.deepEqual(r.warnings, ['The arXiv page lists no papers.']);
    },
  },
  {
    name: 'a paste that holds fewer entries than the page counts, and one entry twice',
    text: () => {
      const entries = listingEntries(listing);
      return ['Total of 40 entries', ...entries.slice(0, 3).map((e) => e.join('\n')), (entries[0] ?? []).join('\n')].join('\n');
    },
    check: (r) => {
      assert.equal(r.papers.length, 3);
      assert.deepEqual(r.warnings, [
        'arXiv:2506.15904 is listed twice; kept the first.',
        'The page counts 40 papers but the paste holds 4; show all entries (or every page of results) and paste again to import the rest.',
      ]);
    },
  },
];

for (const { name, text, check } of inline) {
  test(`inline variant: ${name}`, () => {
    const pasted = text();
    assert.ok(arxivSource.detect(pasted) >= 0.8, `detect ${arxivSource.detect(pasted)}`);
    check(arxivSource.parse(pasted));
  });
}

test('detect: at least 0.8 on every arXiv fixture and variant, under 0.5 on every other fixture', () => {
  const own = ownFixtures('arxiv');
  assert.ok(own.length >= 6);
  for (const { name, text } of own) assert.ok(arxivSource.detect(text) >= 0.8, `${name}: ${arxivSource.detect(text)}`);
  const others = otherFixtures('arxiv');
  assert.ok(others.length >= 15);
  for (const { name, text } of others) assert.ok(arxivSource.detect(text) < 0.5, `${name}: ${arxivSource.detect(text)}`);
});

test('parse refuses anything that is not an arXiv page with NotThisSourceError', () => {
  const foreign = [
    ...otherFixtures('arxiv').map((f) => f.text),
    '',
    '   \n\n',
    'arXiv:2401.00001',
    'See arXiv:2401.00001 and arXiv:2401.00002 for details.',
    'Title: a note\nAuthors: me',
  ];
  for (const text of foreign) {
    assert.throws(() => arxivSource.parse(text), NotThisSourceError, text.slice(0, 60));
  }
  assert.throws(() => arxivSource.parse(42 as unknown as string), NotThisSourceError);
});

test('dateFromArxivId: year and month of the first version', () => {
  const rows: [string, string | null][] = [
    ['2506.15904', '2025-06'],
    ['0704.0001', '2007-04'],
    ['hep-th/9901001', '1999-01'],
    ['math.GT/0309136', '2003-09'],
    ['cs/0012007', '2000-12'],
    ['2513.00001', null],
  ];
  for (const [id, date] of rows) assert.equal(dateFromArxivId(id)?.date ?? null, date, id);
});
