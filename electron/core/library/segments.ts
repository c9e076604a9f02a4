// papers/segment-NNNNNN.json: append-only files of paper records. Each import that adds or improves papers
// writes one new segment; existing segments are never rewritten. On load, later segments win per paper id.
//
// Since format version 2 a segment is split in two files, written abstracts first (see Library.writeSegment):
//   papers/segment-NNNNNN.json            the records without `abstract`, one per line
//   papers/segment-NNNNNN.abstracts.json  a JSON array of their abstracts, one per line, aligned by index
// Abstracts are ~75 % of the bytes; opening parses only the records files and the abstracts are loaded after
// (abstracts.ts). A version-1 segment (records with `abstract` inline) is still read as it is; which kind a
// records file is follows from its records (all with `abstract`, or none). An empty segment is never written.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FieldSources, PaperRecord } from '../model.js';
import type { SourceId } from '../parse/sources/types.js';
import { SEGMENT_BACKUPS_DIR } from './backups.js';
import { isAbstracts, isSegment, isSourcedRecord, isSplitSegment } from './fast-check.js';
import { asciiJson } from './fsx.js';
import { abstractsSchema, describeIssues, segmentSchema, splitSegmentSchema } from './schema.js';

export const PAPERS_DIR = 'papers';

export function segmentFileName(n: number): string {
  return `segment-${String(n).padStart(6, '0')}.json`;
}

/** papers/segment-NNNNNN.abstracts.json for the records file `segment-NNNNNN.json`. */
export function abstractsFileName(segment: string): string {
  return segment.replace(/\.json$/, '.abstracts.json');
}

/**
 * The number in a segment-like name: records files, abstracts files and their moved-aside copies
 * (`segment-000003.json.corrupt-…`, `segment-000003.abstracts.json.corrupt-…`).
 */
export function segmentNumber(name: string): number | null {
  const m = /^segment-(\d+)\.(?:abstracts\.)?json/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Thrown when a record about to be written has no abstract loaded: a bug that must never reach the disk. */
export class MissingAbstractError extends Error {
  override name = 'MissingAbstractError';
}

/**
 * A split segment's two files. One record (abstract) per line: small diffs, readable, and each file still a single
 * JSON array. ASCII only (see asciiJson). Refuses a record whose abstract is not a string (not loaded yet).
 */
export function serializeSplitSegment(records: readonly PaperRecord[]): { records: string; abstracts: string } {
  const lines: string[] = [];
  const abstracts: string[] = [];
  for (const record of records) {
    const { abstract, ...rest } = record;
    if (typeof abstract !== 'string') throw new MissingAbstractError(`Paper ${record.id} has no abstract loaded; refusing to write it.`);
    lines.push(JSON.stringify(rest));
    abstracts.push(JSON.stringify(abstract));
  }
  return {
    records: asciiJson(`[\n${lines.join(',\n')}\n]\n`),
    abstracts: asciiJson(`[\n${abstracts.join(',\n')}\n]\n`),
  };
}

/** A version-1 segment (abstracts inline). Only tests and old-format fixtures write these now. */
export function serializeSegment(records: readonly PaperRecord[]): string {
  return asciiJson(`[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
}

/** A decoded records file: the records, and whether their abstracts are in the segment's abstracts file. */
export interface DecodedSegment {
  /** For a split segment the records have no `abstract` until abstracts.ts sets it. */
  records: PaperRecord[];
  split: boolean;
}

/** Every source of a record stored before sources were kept (format version 3): all came from a profile page. */
const LEGACY_SOURCES: readonly SourceId[] = Object.freeze(['profile-page'] as const);
/** No field names its source: each came from the record's first source (see PaperRecord.fieldSources). */
const LEGACY_FIELD_SOURCES: FieldSources = Object.freeze({});

/**
 * Gives records written before format version 3 the fields it added, in place: the year from the date, no
 * identifiers or venue, the profile page as their source. Such segments are never rewritten; a record that an import
 * improves is written again whole, in a new segment. The defaults are shared frozen objects: nothing may edit them.
 */
export function withSourcedFields(records: PaperRecord[]): PaperRecord[] {
  for (const record of records) {
    if (isSourcedRecord(record as unknown as Record<string, unknown>)) continue;
    record.year = record.date === '' ? null : Number(record.date.slice(0, 4));
    record.venue = null;
    record.doi = null;
    record.arxivId = null;
    record.url = null;
    record.sources = LEGACY_SOURCES as SourceId[];
    record.fieldSources = LEGACY_FIELD_SOURCES;
  }
  return records;
}

/** Validates a parsed records file. Keeps the parsed array itself (no copy: this runs over every paper at open). */
export function decodeSegment(raw: unknown): DecodedSegment {
  const decoded = checkSegment(raw);
  withSourcedFields(decoded.records);
  return decoded;
}

function checkSegment(raw: unknown): DecodedSegment {
  // Fast paths; zod below only for a file that fails them (and words the problem).
  if (isSplitSegment(raw) && raw.length > 0) return { records: raw as PaperRecord[], split: true };
  if (isSegment(raw)) return { records: raw, split: false };
  // Which shape to word the problem against: the first record says what the file meant to be.
  const first = Array.isArray(raw) ? (raw[0] as unknown) : undefined;
  const splitLike = typeof first === 'object' && first !== null && !('abstract' in first);
  const checked = (splitLike ? splitSegmentSchema : segmentSchema).safeParse(raw);
  if (!checked.success) throw new Error(describeIssues(checked.error));
  // zod accepted what the fast check did not (it strips unknown keys; the fast checks are a strict subset).
  return { records: checked.data as PaperRecord[], split: splitLike };
}

/** Validates a parsed abstracts file against the records file it belongs to. */
export function decodeAbstracts(raw: unknown, expected: number): string[] {
  if (!isAbstracts(raw)) {
    const checked = abstractsSchema.safeParse(raw);
    if (!checked.success) throw new Error(describeIssues(checked.error));
  }
  const abstracts = raw as string[];
  if (abstracts.length !== expected) {
    throw new Error(`holds ${abstracts.length} abstract(s) for the ${expected} paper(s) of its records file`);
  }
  return abstracts;
}

/** Segment files present in papers/, sorted by number (only exact segment names, not moved-aside copies). */
export async function listSegmentFiles(libraryDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(path.join(libraryDir, PAPERS_DIR));
  } catch {
    return [];
  }
  return names.filter((n) => /^segment-\d{6,}\.json$/.test(n)).sort((a, b) => (segmentNumber(a) ?? 0) - (segmentNumber(b) ?? 0));
}

/**
 * The next free segment number: above every segment-like name in papers/ and each of `backupsDirs`' segments/,
 * including orphans of interrupted imports and moved-aside corrupt copies, so a new segment never reuses a used name.
 */
export async function nextSegmentNumber(libraryDir: string, listed: readonly string[], backupsDirs: readonly string[]): Promise<number> {
  let max = 0;
  const consider = (name: string): void => {
    const n = segmentNumber(name);
    if (n !== null && n > max) max = n;
  };
  listed.forEach(consider);
  for (const dir of [path.join(libraryDir, PAPERS_DIR), ...backupsDirs.map((backups) => path.join(backups, SEGMENT_BACKUPS_DIR))]) {
    try {
      (await readdir(dir)).forEach(consider);
    } catch {
      // missing folder: nothing to consider
    }
  }
  return max + 1;
}
