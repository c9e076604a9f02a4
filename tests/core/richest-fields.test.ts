// The richest value per field (richest-fields.ts): a table of {held, incoming} rows per field, including the ugly
// ones (cut titles, initials, TLDRs, empty values), plus what merging keeps: ties, identifiers, the sources map.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldSources } from '../../electron/core/model.js';
import { emptyPaper } from '../../electron/core/parse/sources/fields.js';
import type { SourceId, SourcePaper } from '../../electron/core/parse/sources/types.js';
import { recordFromSource } from '../../electron/core/library/importer.js';
import { fieldSourcesOf, mergeRichest } from '../../electron/core/richest-fields.js';

const listing = (fields: Partial<SourcePaper>): SourcePaper => ({ ...emptyPaper('A Title'), ...fields });

interface Row {
  name: string;
  held: [SourceId, Partial<SourcePaper>];
  incoming: [SourceId, Partial<SourcePaper>];
  /** The fields the merge changes, with their new values; {} when the held paper is kept as it is. */
  expected: Partial<SourcePaper> & { titleCut?: true };
}

const rows: Row[] = [
  // title: not cut over cut, then by source (Google Scholar sentence-cases, so it is last)
  { name: 'title: a full title replaces a cut one', held: ['google-scholar', { title: 'Gemini 2.5: Pushing the frontier …' }], incoming: ['google-scholar', { title: 'Gemini 2.5: Pushing the Frontier with Reasoning' }], expected: { title: 'Gemini 2.5: Pushing the Frontier with Reasoning' } },
  { name: 'title: a cut title never replaces a full one, whatever its source', held: ['google-scholar', { title: 'Gemini 2.5: Pushing the frontier with reasoning' }], incoming: ['bibtex', { title: 'Gemini 2.5: Pushing the Frontier …' }], expected: {} },
  { name: 'title: BibTeX over the profile page', held: ['profile-page', { title: 'Gemma 2 - improving open models' }], incoming: ['bibtex', { title: 'Gemma 2: Improving Open Models' }], expected: { title: 'Gemma 2: Improving Open Models' } },
  { name: 'title: the profile page over Google Scholar', held: ['google-scholar', { title: 'Gemma 2: Improving open models' }], incoming: ['profile-page', { title: 'Gemma 2: Improving Open Models' }], expected: { title: 'Gemma 2: Improving Open Models' } },
  { name: 'title: Google Scholar never replaces another source', held: ['orcid', { title: 'Gemma 2: Improving Open Models' }], incoming: ['google-scholar', { title: 'Gemma 2: Improving open models' }], expected: {} },
  { name: 'title: dblp over arXiv', held: ['arxiv', { title: 'A study' }], incoming: ['dblp', { title: 'A Study' }], expected: { title: 'A Study' } },
  { name: 'title: the same source again keeps the first', held: ['dblp', { title: 'A Study' }], incoming: ['dblp', { title: 'A STUDY' }], expected: {} },
  { name: 'title: the same title from a better source changes nothing (not even where it came from)', held: ['arxiv', { title: 'A Study' }], incoming: ['bibtex', { title: 'A Study' }], expected: {} },
  // authors: complete over truncated, full names over initials, then more names
  { name: 'authors: a complete list over a truncated longer one', held: ['google-scholar', { authors: ['A B', 'C D', 'E F', 'G H'], authorsTruncated: true }], incoming: ['bibtex', { authors: ['Ann Bell', 'Cy Dunn'] }], expected: { authors: ['Ann Bell', 'Cy Dunn'], authorsTruncated: false } },
  { name: 'authors: full names over initials', held: ['google-scholar', { authors: ['M Riviere', 'S Pathak'] }], incoming: ['profile-page', { authors: ['Morgane Riviere', 'Shreya Pathak'] }], expected: { authors: ['Morgane Riviere', 'Shreya Pathak'] } },
  { name: 'authors: initials never replace full names, even more of them', held: ['profile-page', { authors: ['Morgane Riviere'] }], incoming: ['google-scholar', { authors: ['M Riviere', 'S Pathak', 'P Sessa'] }], expected: {} },
  { name: 'authors: dotted initials are initials too', held: ['ris', { authors: ['M. Riviere', 'S. Pathak'] }], incoming: ['orcid', { authors: ['Morgane Riviere', 'Shreya Pathak'] }], expected: { authors: ['Morgane Riviere', 'Shreya Pathak'] } },
  { name: 'authors: more names, both truncated', held: ['profile-page', { authors: ['A B', 'C D'], authorsTruncated: true }], incoming: ['semantic-scholar', { authors: ['A B', 'C D', 'E F'], authorsTruncated: true }], expected: { authors: ['A B', 'C D', 'E F'] } },
  { name: 'authors: an empty list never replaces names', held: ['arxiv', { authors: ['A B'], authorsTruncated: true }], incoming: ['openreview', { authors: [] }], expected: {} },
  // date: more precise wins
  { name: 'date: a day over a year', held: ['google-scholar', { date: '2024', year: 2024 }], incoming: ['profile-page', { date: '2024-07-31', year: 2024 }], expected: { date: '2024-07-31', year: 2024 } },
  { name: 'date: a month over nothing', held: ['bibtex', {}], incoming: ['orcid', { date: '2024-11', year: 2024 }], expected: { date: '2024-11', year: 2024 } },
  { name: 'date: a year never replaces a day, even another year', held: ['arxiv', { date: '2023-12-30', year: 2023 }], incoming: ['dblp', { date: '2024', year: 2024 }], expected: {} },
  { name: 'date: two days: the first stays', held: ['arxiv', { date: '2023-06-01', year: 2023 }], incoming: ['profile-page', { date: '2023-06-02', year: 2023 }], expected: {} },
  // abstract: the longest that is not a cut preview
  { name: 'abstract: a full abstract over an arXiv search preview cut with "…"', held: ['arxiv', { abstract: 'We study things and find a very long list of results that go on …' }], incoming: ['csl-json', { abstract: 'We study things.' }], expected: { abstract: 'We study things.' } },
  { name: 'abstract: a full abstract over a Semantic Scholar TLDR', held: ['semantic-scholar', { abstract: 'This paper proposes a longer TLDR than the abstract has words.' }], incoming: ['profile-page', { abstract: 'A short abstract.' }], expected: { abstract: 'A short abstract.' } },
  { name: 'abstract: a preview is better than nothing', held: ['bibtex', {}], incoming: ['semantic-scholar', { abstract: 'TLDR sentence.' }], expected: { abstract: 'TLDR sentence.' } },
  { name: 'abstract: the longer of two full ones', held: ['ris', { abstract: 'Short.' }], incoming: ['arxiv', { abstract: 'A longer abstract.' }], expected: { abstract: 'A longer abstract.' } },
  // venue: dblp, then the files, OpenReview, Semantic Scholar, Google Scholar, ORCID, arXiv's journal-ref
  { name: 'venue: dblp over BibTeX', held: ['bibtex', { venue: 'Proceedings of ICML' }], incoming: ['dblp', { venue: 'ICML 2024: 1-10' }], expected: { venue: 'ICML 2024: 1-10' } },
  { name: 'venue: RIS over Google Scholar', held: ['google-scholar', { venue: 'arXiv preprint arXiv:2408.00118' }], incoming: ['ris', { venue: 'Journal of Things' }], expected: { venue: 'Journal of Things' } },
  { name: 'venue: arXiv\'s journal-ref never replaces ORCID\'s', held: ['orcid', { venue: 'Computational Linguistics' }], incoming: ['arxiv', { venue: 'Comput. Linguist. 47 (2021)' }], expected: {} },
  { name: 'venue: anything over nothing', held: ['profile-page', {}], incoming: ['arxiv', { venue: 'TMLR 2023' }], expected: { venue: 'TMLR 2023' } },
  // identifiers and category: the first known, never replaced
  { name: 'doi: filled in when missing', held: ['arxiv', {}], incoming: ['bibtex', { doi: '10.1/x' }], expected: { doi: '10.1/x' } },
  { name: 'doi: never replaced', held: ['orcid', { doi: '10.1/x' }], incoming: ['bibtex', { doi: '10.1/y' }], expected: {} },
  { name: 'arXiv id and url filled in, category kept', held: ['profile-page', { category: 'CL' }], incoming: ['arxiv', { arxivId: '2408.00118', url: 'https://arxiv.org/abs/2408.00118', category: 'cs.CL' }], expected: { arxivId: '2408.00118', url: 'https://arxiv.org/abs/2408.00118' } },
  { name: 'orgs: filled in when none', held: ['bibtex', {}], incoming: ['profile-page', { orgs: ['deepmind'] }], expected: { orgs: ['deepmind'] } },
  { name: 'orgs: kept when known', held: ['profile-page', { orgs: ['deepmind'] }], incoming: ['bibtex', { orgs: ['Google'] }], expected: {} },
];

for (const row of rows) {
  test(`richest field — ${row.name}`, () => {
    const [heldSource, heldFields] = row.held;
    const [incomingSource, incomingFields] = row.incoming;
    const held = listing(heldFields);
    const merged = mergeRichest(held, fieldSourcesOf(held, heldSource), heldSource, listing(incomingFields), incomingSource);
    const changed = Object.keys(row.expected).length > 0;
    assert.equal(merged === null, !changed, merged === null ? 'nothing changed' : `changed ${merged.changed.join(', ')}`);
    if (!merged) return;
    assert.deepEqual(merged.paper, { ...held, ...row.expected });
    for (const field of merged.changed) assert.equal(merged.fieldSources[field], incomingSource, field);
    assert.deepEqual(held, listing(heldFields), 'the held paper is not mutated');
  });
}

test('a cut title is stored with titleCut; the full title that replaces it clears it', () => {
  const cut = listing({ title: 'Gemini 2.5: Pushing the frontier with …' });
  assert.equal(recordFromSource(cut, 'p-1', 'google-scholar').titleCut, true);
  assert.equal('titleCut' in recordFromSource(listing({}), 'p-2', 'google-scholar'), false);
  const stored = { ...cut, titleCut: true };
  const full = mergeRichest(stored, { title: 'google-scholar' }, 'google-scholar', listing({ title: 'Gemini 2.5: Pushing the Frontier with Reasoning' }), 'profile-page');
  assert.equal('titleCut' in (full?.paper ?? {}), false);
  assert.deepEqual(full?.fieldSources, { title: 'profile-page' });
});

test('a value whose source the record does not name came from its first source (records stored before sources were kept)', () => {
  const held = listing({ venue: 'Proceedings of ICML' });
  const none: FieldSources = {};
  // Read as a profile page's venue (rank: last), dblp's replaces it; read as BibTeX's, the same dblp venue does too.
  assert.equal(mergeRichest(held, none, 'profile-page', listing({ venue: 'arXiv preprint' }), 'arxiv')?.paper.venue, 'arXiv preprint');
  assert.equal(mergeRichest(held, none, 'dblp', listing({ venue: 'arXiv preprint' }), 'arxiv'), null);
});

test('fieldSourcesOf names the source for every field with a value, and no other', () => {
  const paper = listing({ authors: ['A B'], date: '2024', year: 2024, doi: '10.1/x', abstract: null, orgs: [] });
  assert.deepEqual(fieldSourcesOf(paper, 'ris'), { title: 'ris', authors: 'ris', date: 'ris', doi: 'ris' });
});
