// Hand-written shape checks for the documents read on every open (segments, user.json). They accept exactly a
// subset of what the zod schemas in schema.ts accept, so callers use them as a fast path: pass → accept the
// parsed JSON as is (no copy); fail → fall back to zod, which decides and words the problem. At 100k papers
// zod over the segments cost ~0.5 s of the open; these checks cost a few tens of ms.
import { PROVENANCE_FIELDS, READING_STATUSES } from '../model.js';
import type { PaperRecord } from '../model.js';
import { SOURCE_IDS, type SourceResult } from '../parse/sources/types.js';
import { HEX_COLOR, STORED_DATE, USER_SCHEMA_VERSION } from './schema.js';

const SOURCE_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const SOURCES: ReadonlySet<unknown> = new Set(SOURCE_IDS);
const PROVENANCE: ReadonlySet<string> = new Set(PROVENANCE_FIELDS);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

const isNullOrString = (v: unknown): boolean => v === null || typeof v === 'string';

/** The fields every stored record has, whether its abstract is inline (version 1) or in an abstracts file. */
function hasRecordFields(v: Record<string, unknown>): boolean {
  const { id, key, category, date, title, authors, authorsTruncated, orgs, addedAt } = v;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    typeof key === 'string' &&
    key.length > 0 &&
    isNullOrString(category) &&
    typeof date === 'string' &&
    STORED_DATE.test(date) &&
    typeof title === 'string' &&
    typeof addedAt === 'string' &&
    typeof authorsTruncated === 'boolean' &&
    isStringArray(authors) &&
    isStringArray(orgs)
  );
}

/** The fields version 3 added (identifiers, sources); a record written before has none of them. */
function hasSourcedFields(v: Record<string, unknown>): boolean {
  const { year, venue, doi, arxivId, url, sources, fieldSources, titleCut, citeKey } = v;
  if (!(year === null || Number.isInteger(year)) || !isNullOrString(venue) || !isNullOrString(doi)) return false;
  if (citeKey !== undefined && (typeof citeKey !== 'string' || citeKey === '')) return false;
  if (!isNullOrString(arxivId) || !isNullOrString(url) || (titleCut !== undefined && titleCut !== true)) return false;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => SOURCES.has(s)) || !isPlainObject(fieldSources)) return false;
  for (const field in fieldSources) {
    if (!PROVENANCE.has(field) || !SOURCES.has(fieldSources[field])) return false;
  }
  return true;
}

/** Own keys of a record: a split record has exactly those of its version (splitRecordSchema is strict). */
function keyCount(v: Record<string, unknown>): number {
  let keys = 0;
  for (const k in v) if (Object.hasOwn(v, k)) keys++;
  return keys;
}
const LEGACY_SPLIT_KEYS = 9; // id, key, category, date, title, authors, authorsTruncated, orgs, addedAt
const SOURCED_SPLIT_KEYS = 16; // those, year, venue, doi, arxivId, url, sources, fieldSources (+ titleCut, citeKey)

/** Whether a record of either version has the version-3 fields (false: read with defaults, see segments.ts). */
export function isSourcedRecord(v: Record<string, unknown>): boolean {
  return 'sources' in v;
}

export function isPaperRecord(v: unknown): v is PaperRecord {
  return isPlainObject(v) && typeof v.abstract === 'string' && hasRecordFields(v) && (!isSourcedRecord(v) || hasSourcedFields(v));
}

/** A record of a split segment: the PaperRecord fields of its version but `abstract`, and no other key (splitRecordSchema). */
export function isSplitRecord(v: unknown): v is Omit<PaperRecord, 'abstract'> {
  if (!isPlainObject(v) || !hasRecordFields(v)) return false;
  if (!isSourcedRecord(v)) return keyCount(v) === LEGACY_SPLIT_KEYS;
  return hasSourcedFields(v) && keyCount(v) === SOURCED_SPLIT_KEYS + (v.titleCut === true ? 1 : 0) + (v.citeKey === undefined ? 0 : 1);
}

export function isSegment(v: unknown): v is PaperRecord[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isPaperRecord(v[i])) return false;
  return true;
}

/** Passes only what splitSegmentSchema accepts. */
export function isSplitSegment(v: unknown): v is Array<Omit<PaperRecord, 'abstract'>> {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isSplitRecord(v[i])) return false;
  return true;
}

/** Passes only what abstractsSchema accepts (an array of strings). */
export function isAbstracts(v: unknown): v is string[] {
  return isStringArray(v);
}

const STATUSES: ReadonlySet<unknown> = new Set(READING_STATUSES);

/**
 * Passes only documents userDocSchema accepts (schemaVersion, papers {id: {tags, note, status}}, tags), for the
 * common papers (no Trash date or edits); anything else (and a doc with saved searches) is left to the schema.
 */
export function isUserDoc(v: unknown): boolean {
  if (!isPlainObject(v) || v.schemaVersion !== USER_SCHEMA_VERSION) return false;
  const { papers, tags, merges, notDuplicates, savedSearches, removedProfiles } = v;
  if (!isPlainObject(papers) || !Array.isArray(tags)) return false;
  if (!isPlainObject(merges) || !isStringArray(notDuplicates) || !Array.isArray(savedSearches) || savedSearches.length > 0) return false;
  if (!isPlainObject(removedProfiles)) return false;
  for (const id in merges) if (typeof merges[id] !== 'string') return false;
  for (const id in removedProfiles) if (typeof removedProfiles[id] !== 'string') return false;
  for (const id in papers) {
    if (!Object.hasOwn(papers, id)) continue;
    const data = papers[id];
    if (!isPlainObject(data) || typeof data.note !== 'string' || !STATUSES.has(data.status) || !isStringArray(data.tags)) return false;
    for (const key in data) if (key !== 'tags' && key !== 'note' && key !== 'status') return false;
  }
  for (const tag of tags) {
    if (!isPlainObject(tag) || typeof tag.name !== 'string' || tag.name.length === 0) return false;
    if (typeof tag.color !== 'string' || !HEX_COLOR.test(tag.color) || tag.key !== undefined) return false;
  }
  return true;
}

const METRICS = ['hIndex', 'papers', 'citations', 'novelty', 'aiScore'] as const;

function isMetrics(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  for (const m of METRICS) if (!(m in v)) return false;
  for (const m in v) {
    const x = v[m];
    if (x !== null && (typeof x !== 'number' || !Number.isFinite(x))) return false;
  }
  return true;
}

/** Passes only what sourceResultSchema accepts. */
export function isSourceResult(v: unknown): v is SourceResult {
  if (!isPlainObject(v) || !SOURCES.has(v.source) || !Array.isArray(v.papers) || !isStringArray(v.warnings)) return false;
  const profile = v.profile;
  if (profile !== null) {
    if (!isPlainObject(profile) || typeof profile.name !== 'string' || !isNullOrString(profile.category)) return false;
    if (!isNullOrString(profile.affiliation) || !isMetrics(profile.metrics)) return false;
    if (profile.nameDoubt !== undefined && typeof profile.nameDoubt !== 'string') return false;
  }
  for (const p of v.papers) {
    if (!isPlainObject(p)) return false;
    const { title, authors, authorsTruncated, date, year, category, orgs, abstract, venue, doi, arxivId, url } = p;
    if (typeof title !== 'string' || !isStringArray(authors) || typeof authorsTruncated !== 'boolean' || !isStringArray(orgs)) return false;
    if (!(date === null || (typeof date === 'string' && SOURCE_DATE.test(date))) || !(year === null || Number.isInteger(year))) return false;
    if (!isNullOrString(category) || !isNullOrString(abstract) || !isNullOrString(venue)) return false;
    if (!isNullOrString(doi) || !isNullOrString(arxivId) || !isNullOrString(url)) return false;
  }
  return true;
}
