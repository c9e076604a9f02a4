// papers/segment-NNNNNN.json: append-only files of paper records. Each import that adds or improves papers
// writes one new segment; existing segments are never rewritten. On load, later segments win per paper id.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PaperRecord } from '../model.js';
import { BACKUPS_DIR, SEGMENT_BACKUPS_DIR } from './backups.js';
import { isSegment } from './fast-check.js';
import { asciiJson } from './fsx.js';
import { describeIssues, segmentSchema } from './schema.js';

export const PAPERS_DIR = 'papers';

export function segmentFileName(n: number): string {
  return `segment-${String(n).padStart(6, '0')}.json`;
}

export function segmentNumber(name: string): number | null {
  const m = /^segment-(\d+)\.json/.exec(name);
  return m ? Number(m[1]) : null;
}

/** One record per line: small diffs, readable, and still a single JSON array. ASCII only (see asciiJson). */
export function serializeSegment(records: readonly PaperRecord[]): string {
  return asciiJson(`[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
}

/** Validates a parsed segment. Returns the parsed array itself (no copy: this runs over every paper at open). */
export function decodeSegment(raw: unknown): PaperRecord[] {
  if (isSegment(raw)) return raw; // fast path; zod below only for a file that fails it (and words the problem)
  const checked = segmentSchema.safeParse(raw);
  if (!checked.success) throw new Error(describeIssues(checked.error));
  return raw as PaperRecord[];
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
 * The next free segment number: above every segment-like name in papers/ and backups/segments/, including
 * orphans of interrupted imports and moved-aside corrupt copies, so a new segment never reuses a used name.
 */
export async function nextSegmentNumber(libraryDir: string, listed: readonly string[]): Promise<number> {
  let max = 0;
  const consider = (name: string): void => {
    const n = segmentNumber(name);
    if (n !== null && n > max) max = n;
  };
  listed.forEach(consider);
  for (const dir of [path.join(libraryDir, PAPERS_DIR), path.join(libraryDir, BACKUPS_DIR, SEGMENT_BACKUPS_DIR)]) {
    try {
      (await readdir(dir)).forEach(consider);
    } catch {
      // missing folder: nothing to consider
    }
  }
  return max + 1;
}
