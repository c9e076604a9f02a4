// Importing from several sources through FolioCore, into real library folders (issue 9 §2): one paper per real paper
// whatever the sources, matched on DOI, arXiv id, then the title (a Google Scholar title cut with "…" included);
// each field shown from its richest source, remembered in fieldSources; one profile per person with metrics per
// source; texts without a person; and junk leaving the folder byte-identical.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { FolioCore } from '../../electron/core/folio.js';
import type { ImportPreview } from '../../electron/core/api.js';
import { formatsFolioReads } from '../../electron/core/parse/sources/registry.js';
import { FIXTURES, SAMPLE_PROFILE, snapshotTree, withTempDir } from '../helpers/tree.js';

const fixture = (name: string): Promise<string> => readFile(path.join(FIXTURES, name), 'utf8');

async function withCore<T>(work: (core: FolioCore, dir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE, repairs: 'before-first-write' });
    try {
      return await work(core, dir);
    } finally {
      await core.close();
    }
  });
}

function ok<T extends { ok: boolean }>(value: T): Extract<T, { ok: true }> {
  assert.ok(value.ok, JSON.stringify(value));
  return value as Extract<T, { ok: true }>;
}

const SEED_TITLES = {
  gemma: 'Gemma 2: Improving Open Language Models at a Practical Size',
  bond: 'BOND: Aligning LLMs with Best-of-N Distillation',
  gemini:
    'Gemini 2.5: Pushing the Frontier with Advanced Reasoning, Multimodality, Long Context, and Next Generation Agentic Capabilities',
};

test('the seed profile, then a co-author\'s Google Scholar page listing three of its papers (sentence-cased, one cut with "…"): one paper per real paper, linked to both', async () => {
  await withCore(async (core) => {
    const seed = ok(await core.commitImport(await core.sampleProfile()));
    assert.equal(seed.added, 12);
    const scholar = await fixture('sources/google-scholar-profile.txt');
    const preview = ok(await core.previewImport(scholar));
    assert.equal(preview.source, 'google-scholar');
    assert.equal(preview.sourceLabel, 'Google Scholar profile');
    assert.equal(preview.profile?.name, 'Inès Duclos-Varga');
    assert.deepEqual([preview.papers.length, preview.newCount, preview.presentCount], [14, 11, 3]);
    const matched = preview.papers.filter((p) => p.match !== null).map((p) => [p.title, p.match?.title, p.match?.reason]);
    assert.deepEqual(matched, [
      ['Gemma 2: Improving open language models at a practical size', SEED_TITLES.gemma, 'same title'],
      ['Gemini 2.5: Pushing the frontier with advanced reasoning, multimodality, long context, and next …', SEED_TITLES.gemini, 'same title, shortened'],
      ['BOND: Aligning LLMs with best-of-N distillation', SEED_TITLES.bond, 'same title'],
    ]);
    for (const paper of preview.papers) assert.equal(paper.isNew, paper.match === null, paper.title);

    const result = ok(await core.commitImport(scholar));
    assert.deepEqual([result.source, result.profileName, result.added, result.present], ['google-scholar', 'Inès Duclos-Varga', 11, 3]);
    const overview = await core.overview();
    assert.equal(overview.paperCount, 23, '12 + 14 - 3');
    assert.deepEqual(overview.profiles.map((p) => [p.name, p.paperCount, p.sources]), [
      ['Sabela Ramos', 12, ['profile-page']],
      ['Inès Duclos-Varga', 14, ['google-scholar']],
    ]);
    const { papers } = await core.listPapers('');
    for (const title of Object.values(SEED_TITLES)) {
      const shared = papers.filter((p) => p.title === title);
      assert.equal(shared.length, 1, title);
      assert.deepEqual(shared[0]?.profiles.sort(), ['Inès Duclos-Varga', 'Sabela Ramos'], title);
      assert.deepEqual(shared[0]?.sources, ['profile-page', 'google-scholar'], title);
    }
    // The richer value of each field: the seed's title, full date and abstract; Scholar's venue and arXiv id.
    const gemmaId = papers.find((p) => p.title === SEED_TITLES.gemma)?.id ?? '';
    const gemma = await core.paper(gemmaId);
    assert.deepEqual([gemma.date, gemma.year, gemma.venue, gemma.arxivId], ['2024-07-31', 2024, 'arXiv preprint arXiv:2408.00118', '2408.00118']);
    assert.deepEqual(gemma.fieldSources, {
      title: 'profile-page',
      authors: 'profile-page',
      date: 'profile-page',
      abstract: 'profile-page',
      category: 'profile-page',
      orgs: 'profile-page',
      venue: 'google-scholar',
      arxivId: 'google-scholar',
    });
    assert.ok(gemma.abstract.startsWith('In this work, we introduce Gemma 2'));
    assert.deepEqual(gemma.authors, ['Gemma Team', 'Morgane Riviere', 'Shreya Pathak'], 'full names over Scholar\'s initials');

    // The same page again changes nothing; a Scholar-only paper has the year Scholar gives, and year: finds it.
    const again = ok(await core.commitImport(scholar));
    assert.deepEqual([again.added, again.present, again.updated], [0, 14, false]);
    const year2022 = await core.query({ search: 'year:2022 mirror descent', offset: 0, limit: 10 });
    assert.deepEqual(year2022.rows.map((r) => [r.title, r.date, r.year]), [['Mirror descent policy optimisation revisited', '2022', 2022]]);
  });
});

test('the co-author\'s Scholar page first, then the seed: the cut title gives way to the full one, and later imports still match it', async () => {
  await withCore(async (core) => {
    const scholar = await fixture('sources/google-scholar-profile.txt');
    ok(await core.commitImport(scholar));
    const seed = ok(await core.commitImport(await core.sampleProfile()));
    assert.deepEqual([seed.added, seed.present], [9, 3]);
    const { papers } = await core.listPapers('');
    assert.equal(papers.length, 23);
    const gemini = papers.filter((p) => p.title.startsWith('Gemini 2.5'));
    assert.deepEqual(gemini.map((p) => p.title), [SEED_TITLES.gemini], 'the full title, not the cut one');
    const detail = await core.paper(gemini[0]?.id ?? '');
    assert.equal(detail.titleCut, undefined);
    assert.equal(detail.fieldSources.title, 'profile-page');
    assert.deepEqual(detail.sources, ['google-scholar', 'profile-page']);
    // The key followed the title: both pages again find the one paper.
    for (const text of [scholar, await core.sampleProfile()]) {
      const preview = ok(await core.previewImport(text));
      assert.equal(preview.newCount, 0);
    }
    // Found by the arXiv id Scholar gave it; a Scholar page without the id (another co-author's) by the cut title.
    const scholarAgain = ok(await core.previewImport(scholar));
    assert.equal(scholarAgain.papers.find((p) => p.title.startsWith('Gemini 2.5'))?.match?.reason, 'same arXiv id');
    const withoutIds = ok(await core.previewImport(scholar.replaceAll(/arXiv preprint arXiv:\S+/g, 'arXiv preprint')));
    assert.equal(withoutIds.papers.find((p) => p.title.startsWith('Gemini 2.5'))?.match?.reason, 'same title, shortened');
  });
});

const BIBTEX = `@article{ibarra2023safe,
  title = {Safe Imitation Learning for Autonomous Excavators},
  author = {Ibarra, Tom{\\'a}s and Salinas, Ricardo and Rojas Fuentes, Camila},
  journal = {IEEE Robotics and Automation Letters},
  volume = {8},
  number = {9},
  pages = {5521--5528},
  year = {2023},
  doi = {10.1109/LRA.2023.3291277}
}
@article{nobody2023safe,
  title = {Safe Imitation Learning for Autonomous Excavators},
  author = {Nobody, Else},
  journal = {Some Other Journal},
  year = {2023},
  doi = {10.9999/other.2023.1}
}
`;

const ARXIV_SEARCH = `arXiv:2307.02916  [pdf, other]  cs.RO eess.SY  doi 10.1109/LRA.2023.3291277
Safe imitation learning for autonomous excavators

Authors: Tomás Ibarra, Ricardo Salinas, Camila Rojas Fuentes

Abstract: Excavators in open-pit mines operate close to people and other machines, so learned digging policies must respect hard safety envelopes. We combine behavioural cloning from expert operators with a control barrier function filter and report 41 hours of field trials.
Submitted 6 July, 2023; originally announced July 2023.

Journal ref: IEEE Robotics and Automation Letters 8(9), 5521-5528 (2023)
`;

const DBLP = `dblp
search dblp
Tomás Ibarra
Person information
affiliation: Universidad de Chile
2023
[j2] Tomás Ibarra, Ricardo Salinas, Camila Rojas Fuentes: Safe Imitation Learning for Autonomous Excavators. IEEE Robotics Autom. Lett. 8(9): 5521-5528 (2023)
[i1] Tomás Ibarra, Ricardo Salinas, Camila Rojas Fuentes: Safe Imitation Learning for Autonomous Excavators. CoRR abs/2307.02916 (2023)
last updated on 2025-06-17 23:48 CEST by the dblp team
`;

test('DOI first, across BibTeX, arXiv and dblp: one record, each field from its richest source; a different DOI stays apart', async () => {
  await withCore(async (core) => {
    const bib = ok(await core.commitImport(BIBTEX, { fileName: 'excavators.bib' }));
    assert.deepEqual([bib.source, bib.profileId, bib.profileName, bib.added], ['bibtex', null, null, 2], 'same title, different DOIs: two papers');
    const arxiv = ok(await core.previewImport(ARXIV_SEARCH));
    assert.equal(arxiv.profile, null);
    assert.equal(arxiv.papers[0]?.match?.reason, 'same DOI');
    ok(await core.commitImport(ARXIV_SEARCH));
    const dblp = ok(await core.previewImport(DBLP));
    // The journal record: same title as both stored papers, the one sharing its authors; the CoRR record: the arXiv
    // id the arXiv import added. Both are that one paper, listed twice on the page.
    assert.equal(dblp.papers.length, 1);
    assert.equal(dblp.papers[0]?.match?.reason, 'same title');
    assert.ok(dblp.warnings.some((w) => w.includes('listed twice')), dblp.warnings.join(' | '));
    ok(await core.commitImport(DBLP));

    const { papers } = await core.listPapers('excavators');
    assert.equal(papers.length, 2);
    const [safe, other] = [papers.find((p) => p.doi === '10.1109/lra.2023.3291277'), papers.find((p) => p.doi === '10.9999/other.2023.1')];
    assert.deepEqual(other?.sources, ['bibtex'], 'the paper with another DOI was never merged');
    const detail = await core.paper(safe?.id ?? '');
    assert.deepEqual(detail.sources, ['bibtex', 'arxiv', 'dblp']);
    assert.equal(detail.title, 'Safe Imitation Learning for Autonomous Excavators');
    assert.deepEqual(detail.authors, ['Tomás Ibarra', 'Ricardo Salinas', 'Camila Rojas Fuentes']);
    assert.deepEqual([detail.date, detail.year, detail.category, detail.arxivId], ['2023-07-06', 2023, 'cs.RO', '2307.02916']);
    assert.equal(detail.venue, 'IEEE Robotics Autom. Lett. 8(9): 5521-5528 (2023)');
    assert.match(detail.abstract, /^Excavators in open-pit mines/);
    assert.deepEqual(detail.fieldSources, {
      title: 'bibtex',
      authors: 'bibtex',
      date: 'arxiv',
      venue: 'dblp',
      doi: 'bibtex',
      arxivId: 'arxiv',
      abstract: 'arxiv',
      category: 'arxiv',
    });
    // The dblp page is a person: Tomás Ibarra, linked to this paper only.
    const profile = (await core.overview()).profiles.find((p) => p.name === 'Tomás Ibarra');
    assert.deepEqual([profile?.paperCount, profile?.affiliation, profile?.sources], [1, 'Universidad de Chile', ['dblp']]);
  });
});

test('one person from two sources is one profile, with one metric series per source', async () => {
  await withCore(async (core) => {
    const scholar = await fixture('sources/google-scholar-profile.txt');
    // The aggregator's page of the same researcher (the seed's layout, her name and metrics).
    const page = (await core.sampleProfile()).replace('Sabela Ramos', 'Inès Duclos-Varga').replace('9,233citations', '3,120citations');
    ok(await core.commitImport(page));
    const first = ok(await core.commitImport(scholar));
    assert.equal(first.metricsChanged, true, 'a source that had shown no metrics yet');
    const later = scholar.replace('Citations\t3045\t3045', 'Citations\t3190\t3190');
    ok(await core.commitImport(later));
    ok(await core.commitImport(later)); // equal metrics for its source: nothing new
    const { profiles } = await core.overview();
    assert.equal(profiles.length, 1);
    const detail = await core.profile(profiles[0]?.id ?? '');
    assert.deepEqual(detail.sources, ['profile-page', 'google-scholar']);
    assert.equal(detail.affiliation, 'Research Scientist, Google DeepMind');
    assert.deepEqual(
      detail.series.map((s) => [s.source, s.sourceLabel, s.snapshots.map((snap) => snap.metrics.citations)]),
      [
        ['profile-page', 'Profile page', [3120]],
        ['google-scholar', 'Google Scholar profile', [3045, 3190]],
      ],
    );
    assert.equal(detail.metricsBySource['google-scholar']?.i10Index, 13, "a source's own figures are kept");
    assert.deepEqual(detail.history.map((h) => h.source), ['profile-page', 'google-scholar', 'google-scholar']);
    assert.equal(detail.metrics.citations, 3190, 'the latest import\'s metrics');
  });
});

test('a text without a person (BibTeX) is imported linked to no profile; its import record keeps the source and options', async () => {
  await withCore(async (core) => {
    const bib = await fixture('sources/library.bib');
    const result = ok(await core.commitImport(bib, { fileName: 'library.bib' }));
    assert.deepEqual([result.source, result.profileId, result.profileName, result.added], ['bibtex', null, null, 10]);
    assert.deepEqual((await core.overview()).profiles, []);
    const record = core.library.imports().at(-1);
    assert.deepEqual([record?.source, record?.profileId, record?.options, record?.parserVersion], ['bibtex', null, { fileName: 'library.bib' }, 1]);
    // Forced: read as what the user says it is, remembered as such.
    const forced = ok(await core.commitImport(await core.sampleProfile(), { source: 'profile-page', profileName: 'Sabela R.' }));
    assert.equal(forced.profileName, 'Sabela R.');
    assert.deepEqual(core.library.imports().at(-1)?.options, { source: 'profile-page', profileName: 'Sabela R.' });
  });
});

test('junk gets one clear message naming every format Folio reads, and the folder stays byte-identical', async () => {
  await withCore(async (core, dir) => {
    ok(await core.commitImport(await core.sampleProfile()));
    await core.library.flush();
    const before = await snapshotTree(dir);
    for (const junk of ['', 'Dear all,\n\nthe seminar moves to room 4.\n', '{"hello": "world"}', 'id,title\n1,Foo\n']) {
      for (const call of [core.previewImport(junk), core.commitImport(junk)] as Array<Promise<ImportPreview>>) {
        const refusal = await call;
        assert.equal(refusal.ok, false);
        if (refusal.ok) continue;
        assert.ok(refusal.error.endsWith(`expected one of ${formatsFolioReads()}.`), refusal.error);
        assert.ok(!refusal.error.includes('\n'));
      }
      // A source the user forces refuses in its own words.
      const forced = await core.commitImport(junk, { source: 'ris' });
      assert.equal(forced.ok, false);
    }
    await core.library.flush();
    assert.deepEqual(await snapshotTree(dir), before);
  });
});
