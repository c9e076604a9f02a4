// Hand-written shape checks for the documents read on every open (segments, user.json). They accept exactly a
// subset of what the zod schemas in schema.ts accept, so callers use them as a fast path: pass → accept the
// parsed JSON as is (no copy); fail → fall back to zod, which decides and words the problem. At 100k papers
// zod over the segments cost ~0.5 s of the open; these checks cost a few tens of ms.
import { READING_STATUSES } from '../model.js';
import type { PaperRecord, ParseResult } from '../model.js';
import { HEX_COLOR, USER_SCHEMA_VERSION } from './schema.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/** The fields every stored record has, whether its abstract is inline (version 1) or in an abstracts file. */
function hasRecordFields(v: Record<string, unknown>): boolean {
  const { id, key, category, date, title, authors, authorsTruncated, orgs, addedAt } = v;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    typeof key === 'string' &&
    key.length > 0 &&
    (category === null || typeof category === 'string') &&
    typeof date === 'string' &&
    DATE.test(date) &&
    typeof title === 'string' &&
    typeof addedAt === 'string' &&
    typeof authorsTruncated === 'boolean' &&
    isStringArray(authors) &&
    isStringArray(orgs)
  );
}

export function isPaperRecord(v: unknown): v is PaperRecord {
  return isPlainObject(v) && typeof v.abstract === 'string' && hasRecordFields(v);
}

/** A record of a split (version-2) segment: the PaperRecord fields but `abstract`, and no other key (splitRecordSchema). */
export function isSplitRecord(v: unknown): v is Omit<PaperRecord, 'abstract'> {
  if (!isPlainObject(v) || !hasRecordFields(v)) return false;
  let keys = 0;
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) keys++;
  return keys === SPLIT_RECORD_KEYS;
}
const SPLIT_RECORD_KEYS = 9; // id, key, category, date, title, authors, authorsTruncated, orgs, addedAt

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

/** Passes only documents userDocSchema accepts (schemaVersion, papers {id: {tags, note, status}}, tags). */
export function isUserDoc(v: unknown): boolean {
  if (!isPlainObject(v) || v.schemaVersion !== USER_SCHEMA_VERSION) return false;
  const { papers, tags } = v;
  if (!isPlainObject(papers) || !Array.isArray(tags)) return false;
  for (const id in papers) {
    if (!Object.prototype.hasOwnProperty.call(papers, id)) continue;
    const data = papers[id];
    if (!isPlainObject(data) || typeof data.note !== 'string' || !STATUSES.has(data.status) || !isStringArray(data.tags)) return false;
  }
  for (const tag of tags) {
    if (!isPlainObject(tag) || typeof tag.name !== 'string' || tag.name.length === 0) return false;
    if (typeof tag.color !== 'string' || !HEX_COLOR.test(tag.color)) return false;
  }
  return true;
}

const METRICS = ['hIndex', 'papers', 'citations', 'novelty', 'aiScore'] as const;

/** Passes only what parseResultSchema accepts (profile {name, category, metrics}, papers, warnings). */
export function isParseResult(v: unknown): v is ParseResult {
  if (!isPlainObject(v) || !isPlainObject(v.profile) || !Array.isArray(v.papers) || !isStringArray(v.warnings)) return false;
  const { name, category, metrics } = v.profile;
  if (typeof name !== 'string' || (category !== null && typeof category !== 'string') || !isPlainObject(metrics)) return false;
  for (const m of METRICS) {
    const x = metrics[m];
    if (x !== null && (typeof x !== 'number' || !Number.isFinite(x))) return false;
  }
  // buildImport spreads the metrics object: any other key goes through zod, which strips it.
  if (Object.keys(metrics).length !== METRICS.length) return false;
  for (const p of v.papers) {
    if (!isPlainObject(p)) return false;
    const { category: c, date, title, authors, authorsTruncated, orgs, abstract } = p;
    if ((c !== null && typeof c !== 'string') || typeof date !== 'string' || !DATE.test(date) || typeof title !== 'string') return false;
    if (typeof abstract !== 'string' || typeof authorsTruncated !== 'boolean' || !isStringArray(authors) || !isStringArray(orgs)) return false;
  }
  return true;
}
