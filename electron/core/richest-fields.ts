// Which value of each field a paper listed more than once shows: the richest, by one table (RICHER). Used by the
// parser when a page lists a paper twice and by the store when an import sees a stored paper again, from the same
// source or another; each chosen value remembers its source (PaperRecord.fieldSources). Ties keep the value held,
// and identifiers, once known, are never replaced.
import { PROVENANCE_FIELDS, type FieldSources, type ProvenanceField } from './model.js';
import type { SourceId } from './parse/sources/types.js';
import { isCutTitle } from './same-paper.js';

/** The fields merging reads and writes, in either shape: a parse result's (null = none) or a stored one ("" = none). */
export interface MergeableFields {
  title: string;
  titleCut?: boolean;
  authors: string[];
  authorsTruncated: boolean;
  date: string | null;
  year: number | null;
  category: string | null;
  orgs: string[];
  abstract: string | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  url: string | null;
}

interface Held {
  paper: MergeableFields;
  source: SourceId;
}

/**
 * Whose title is shown, best first: files and catalogues print titles as written; Google Scholar sentence-cases them
 * (and cuts long ones), so it comes last. A Folio backup holds what its library showed.
 */
const TITLE_RANK: Record<SourceId, number> = {
  'folio-json': 0, bibtex: 1, 'csl-json': 2, ris: 3, dblp: 4, arxiv: 5, 'semantic-scholar': 6, openreview: 7, orcid: 8,
  'profile-page': 9, 'google-scholar': 10,
};

/** Whose venue is shown, best first: dblp's are curated; arXiv only has a journal-ref. */
const VENUE_RANK: Record<SourceId, number> = {
  'folio-json': 0, dblp: 1, bibtex: 2, 'csl-json': 2, ris: 2, openreview: 3, 'semantic-scholar': 4, 'google-scholar': 5,
  orcid: 6, arxiv: 7, 'profile-page': 8,
};

const has = (value: string | null): value is string => value !== null && value !== '';

/** "M Riviere", "PG Sessa", "J.-P. Doe": given names reduced to initials (Google Scholar's form). */
const INITIALS_NAME = /^(?:\p{Lu}\.?-?){1,4} \S/u;

function isAbbreviatedList(authors: readonly string[]): boolean {
  let initials = 0;
  for (const name of authors) if (INITIALS_NAME.test(name)) initials++;
  return initials * 2 > authors.length;
}

/** Lexicographic: the first position where the scores differ decides. */
function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) > (b[i] as number);
  return false;
}

/** An abstract that is only a preview: arXiv search's cut "…", Semantic Scholar's TLDR or snippet. */
function isCutAbstract(abstract: string, source: SourceId): boolean {
  return source === 'semantic-scholar' || /(?:…|\.\.\.)$/.test(abstract);
}

const titleScore = ({ paper, source }: Held): number[] => [paper.titleCut === true || isCutTitle(paper.title) ? 0 : 1, -TITLE_RANK[source]];
const authorsScore = ({ paper }: Held): number[] => [
  paper.authors.length > 0 ? 1 : 0,
  paper.authorsTruncated ? 0 : 1,
  isAbbreviatedList(paper.authors) ? 0 : 1,
  paper.authors.length,
];
const abstractScore = ({ paper, source }: Held): number[] =>
  has(paper.abstract) ? [1, isCutAbstract(paper.abstract, source) ? 0 : 1, paper.abstract.length] : [0, 0, 0];
const firstKnown = (field: 'doi' | 'arxivId' | 'url' | 'category') => (held: Held, incoming: Held) =>
  !has(held.paper[field]) && has(incoming.paper[field]);

/** Per field: whether the incoming value is richer than the one held (the incoming always has one). */
const RICHER: Record<ProvenanceField, (held: Held, incoming: Held) => boolean> = {
  // Not cut over cut, then by source.
  title: (held, incoming) => isGreater(titleScore(incoming), titleScore(held)),
  // Complete over truncated, full names over initials, then more names.
  authors: (held, incoming) => incoming.paper.authors.length > 0 && isGreater(authorsScore(incoming), authorsScore(held)),
  // More precise wins ("2024-07-31" over "2024").
  date: (held, incoming) => (incoming.paper.date ?? '').length > (held.paper.date ?? '').length,
  // The longest that is not a preview.
  abstract: (held, incoming) => has(incoming.paper.abstract) && isGreater(abstractScore(incoming), abstractScore(held)),
  venue: (held, incoming) => has(incoming.paper.venue) && (!has(held.paper.venue) || VENUE_RANK[incoming.source] < VENUE_RANK[held.source]),
  doi: firstKnown('doi'),
  arxivId: firstKnown('arxivId'),
  url: firstKnown('url'),
  category: firstKnown('category'),
  orgs: (held, incoming) => held.paper.orgs.length === 0 && incoming.paper.orgs.length > 0,
};

/** Where each field of a paper first read from `source` came from: that source, for every field with a value. */
export function fieldSourcesOf(paper: MergeableFields, source: SourceId): FieldSources {
  const sources: FieldSources = {};
  if (paper.title !== '') sources.title = source;
  if (paper.authors.length > 0) sources.authors = source;
  if (has(paper.date)) sources.date = source;
  if (has(paper.venue)) sources.venue = source;
  if (has(paper.abstract)) sources.abstract = source;
  if (has(paper.doi)) sources.doi = source;
  if (has(paper.arxivId)) sources.arxivId = source;
  if (has(paper.url)) sources.url = source;
  if (has(paper.category)) sources.category = source;
  if (paper.orgs.length > 0) sources.orgs = source;
  return sources;
}

export interface Merged<T> {
  paper: T;
  fieldSources: FieldSources;
  /** The fields whose shown value changed. */
  changed: ProvenanceField[];
}

/**
 * `held` with every field (of `fields`) for which `incoming` (read from `incomingSource`) has the richer value; null
 * when none does. `heldSources` says where held values came from (a value it does not name came from `heldSource`,
 * e.g. a record stored before sources were kept). Never mutates its arguments.
 */
export function mergeRichest<T extends MergeableFields>(
  held: T,
  heldSources: FieldSources,
  heldSource: SourceId,
  incoming: MergeableFields,
  incomingSource: SourceId,
  fields: readonly ProvenanceField[] = PROVENANCE_FIELDS,
): Merged<T> | null {
  let paper: T | null = null;
  const fieldSources: FieldSources = { ...heldSources };
  const changed: ProvenanceField[] = [];
  const offered: Held = { paper: incoming, source: incomingSource };
  for (const field of fields) {
    if (sameValue(held[field], incoming[field])) continue; // the same value from a better source changes nothing shown
    if (!RICHER[field]({ paper: held, source: heldSources[field] ?? heldSource }, offered)) continue;
    copyField((paper ??= { ...held }), incoming, field);
    fieldSources[field] = incomingSource;
    changed.push(field);
  }
  return paper === null ? null : { paper, fieldSources, changed };
}

function sameValue(a: string | string[] | null, b: string | string[] | null): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** Copies one field (and what goes with it: the cut mark, truncation, the year) from `from` into `to`. */
function copyField(to: MergeableFields, from: MergeableFields, field: ProvenanceField): void {
  switch (field) {
    case 'title':
      to.title = from.title;
      if (from.titleCut === true || isCutTitle(from.title)) to.titleCut = true;
      else delete to.titleCut;
      return;
    case 'authors':
      to.authors = [...from.authors];
      to.authorsTruncated = from.authorsTruncated;
      return;
    case 'date':
      to.date = from.date;
      to.year = from.year;
      return;
    case 'orgs':
      to.orgs = [...from.orgs];
      return;
    default:
      to[field] = from[field];
  }
}
