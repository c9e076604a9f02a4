// A library as the profile-page parser of version 3 (and a BibTeX file, and the user) left it, for the re-read tests:
// what version 3 read from a damaged copy of the sample page, written by hand from today's reading with four mistakes
// (a paper it missed, a title it lower-cased, a misread h-index, the recovered paper's borrowed date).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { Library } from '../../electron/core/library/index.js';
import { PARSER_VERSION } from '../../electron/core/parse/index.js';
import { SOURCES, parseText } from '../../electron/core/parse/sources/registry.js';
import type { SourceResult } from '../../electron/core/parse/sources/types.js';
import { SAMPLE_PROFILE } from '../helpers/tree.js';

export const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

const sample = await readFile(SAMPLE_PROFILE, 'utf8');
const sampleLines = sample.split('\n');
const headerLines = sampleLines.flatMap((line, i) => (/^[A-Za-z.]+[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(line) ? [i] : []));
/** The sample with the category/date line of its 4th paper lost (a damaged paste). */
export const DAMAGED = sampleLines.filter((_, i) => i !== headerLines[3]).join('\n');
export const TODAY = parseText(DAMAGED, 'profile-page');
export const [CORRECTED, RICHER_ELSEWHERE, ABOVE, RECOVERED, , MISSED] = TODAY.papers;

/** What version 3 read from DAMAGED (written from today's reading, with its four mistakes). */
function version3Reading(): SourceResult {
  const old = structuredClone(TODAY);
  const papers = old.papers;
  (papers[0] as (typeof papers)[0]).title = (CORRECTED?.title ?? '').toLowerCase();
  Object.assign(papers[3] as object, { date: ABOVE?.date, year: ABOVE?.year }); // the date of the paper above it
  papers.splice(5, 1); // missed
  if (old.profile) old.profile.metrics.hIndex = (TODAY.profile?.metrics.hIndex ?? 0) - 1;
  return old;
}

/** A BibTeX file listing the second paper with the title as its authors wrote it (richer than the page's). */
export const BIBTEX_TITLE = (RICHER_ELSEWHERE?.title ?? '').replace(/\b\w/g, (c) => c.toUpperCase()).replace('Llms', 'LLMs');
const BIBTEX = `@article{k1,\n  title = {{${BIBTEX_TITLE}}},\n  author = {Ada Lovelace},\n  year = {${RICHER_ELSEWHERE?.year}}\n}\n`;

/** A library folder as version 3 left it: the page, the BibTeX file, tags, a note, statuses. */
async function buildVersion3Library(dir: string): Promise<void> {
  const lib = await Library.open(dir);
  await lib.commitImport(DAMAGED, version3Reading(), PARSER_VERSION - 1);
  await lib.commitImport(BIBTEX, parseText(BIBTEX), SOURCES.bibtex.version, { fileName: 'mine.bib' });
  const byTitle = (title: string | undefined) => lib.papers().find((p) => p.title.toLowerCase() === title?.toLowerCase())?.id as string;
  await lib.setTags(byTitle(CORRECTED?.title), ['to read', 'gemma']);
  await lib.setNote(byTitle(CORRECTED?.title), 'Check the *ablations*.');
  await lib.setStatus(byTitle(RECOVERED?.title), 'reading');
  await lib.setTags(byTitle(RICHER_ELSEWHERE?.title), ['rlhf']);
  await lib.setTagColor('rlhf', '#123456');
  await lib.close();
}

let template: Promise<string> | null = null;
/** A fresh copy of the version-3 library (built once). */
export async function version3Copy(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  template ??= (async () => {
    const dir = path.join(await mkdtemp(path.join(SCRATCH, 'folio-reparse-template-')), 'library');
    await buildVersion3Library(dir);
    return dir;
  })();
  const parent = await mkdtemp(path.join(SCRATCH, 'folio-reparse-'));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const dir = path.join(parent, 'library');
  await cp(await template, dir, { recursive: true });
  return dir;
}

after(async () => {
  if (template !== null) await rm(path.dirname(await template), { recursive: true, force: true });
});

