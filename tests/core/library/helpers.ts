// Test helpers for the library store: real temp folders, hand-built SourceResults, child processes.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import type { PaperRecord, ProfileMetrics } from '../../../electron/core/model.js';
import { emptyPaper } from '../../../electron/core/parse/sources/fields.js';
import type { SourceId, SourceMetrics, SourcePaper, SourceResult } from '../../../electron/core/parse/sources/types.js';
import { Library } from '../../../electron/core/library/index.js';
import '../../helpers/local-state.js';
import type { OpenLibraryOptions } from '../../../electron/core/library/index.js';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../../..');
export const CHILD_SCRIPT = path.join(HERE, 'child-library.ts');

const tracked = new WeakMap<TestContext, Library[]>();

/** A fresh folder under the OS temp dir; after the test, libraries opened with openLib are closed, then it is removed. */
export async function tempDir(t: TestContext, prefix = 'folio-lib-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  t.after(async () => {
    for (const lib of tracked.get(t) ?? []) await lib.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Library.open, closed automatically after the test (before its temp folder is removed). */
export async function openLib(t: TestContext, dir: string, options?: OpenLibraryOptions): Promise<Library> {
  const lib = await Library.open(dir, options);
  const list = tracked.get(t) ?? [];
  list.push(lib);
  tracked.set(t, list);
  return lib;
}

/** A library folder path inside a fresh temp dir (not created yet). */
export async function libraryPath(t: TestContext): Promise<string> {
  return path.join(await tempDir(t), 'My Library');
}

/** A dated paper as a profile page lists it (`overrides.date` also sets the year, unless the year is given too). */
export function paper(title: string, overrides: Partial<SourcePaper> = {}): SourcePaper {
  const date = overrides.date === undefined ? '2023-04-05' : overrides.date;
  return {
    ...emptyPaper(title),
    category: 'cs.LG',
    date,
    year: date === null ? null : Number(date.slice(0, 4)),
    authors: ['Ada Lovelace', 'Alan Turing'],
    abstract: `Abstract of ${title}.`,
    ...overrides,
  };
}

export function metrics(overrides: Partial<ProfileMetrics> = {}): SourceMetrics {
  return { hIndex: 10, papers: 20, citations: 300, novelty: 45, aiScore: 7, ...overrides };
}

export function parsed(
  name: string,
  papers: SourcePaper[],
  m: Partial<ProfileMetrics> = {},
  category: string | null = 'LG',
  source: SourceId = 'profile-page',
): SourceResult {
  return { source, profile: { name, category, affiliation: null, metrics: metrics(m) }, papers, warnings: [] };
}

/**
 * A record as Folio stored it before format version 3 (no identifiers, venue, year or sources), for folders written
 * by an older Folio. Typed as a PaperRecord only so it can be serialized like one.
 */
export function legacyRecord(title: string, fields: { abstract?: string; date?: string; id?: string; addedAt?: string } = {}): PaperRecord {
  const legacy = {
    category: 'cs.LG',
    date: fields.date ?? '2023-04-05',
    title,
    authors: ['Ada Lovelace', 'Alan Turing'],
    authorsTruncated: false,
    orgs: [],
    abstract: fields.abstract ?? `Abstract of ${title}.`,
    id: fields.id ?? `p-${title.toLowerCase().replace(/\W+/g, '-')}`,
    key: title.toLowerCase(),
    addedAt: fields.addedAt ?? '2025-01-01T00:00:00.000Z',
  };
  return legacy as unknown as PaperRecord;
}

/** A list without a person (a BibTeX file, an arXiv listing) from `source`. */
export function listed(source: SourceId, papers: SourcePaper[]): SourceResult {
  return { source, profile: null, papers, warnings: [] };
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line equal to `line` (rejects if the child exits first). */
  waitFor(line: string): Promise<void>;
  stderr(): string;
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs tests/core/library/child-library.ts with `args` under tsx. */
export function spawnChild(args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<{ line: string; resolve: () => void; reject: (e: Error) => void }> = [];
  const check = (): void => {
    const lines = out.split('\n');
    for (const w of [...waiters]) {
      if (lines.includes(w.line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    check();
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`child exited (${code ?? signal}) before "${w.line}"; stdout: ${out}; stderr: ${err}`));
      resolve({ code, signal });
    });
  });
  return {
    proc,
    exited,
    stderr: () => err,
    stdout: () => out,
    waitFor: (line) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ line, resolve, reject });
        check();
      }),
  };
}
