// BibTeX text → raw entries and their CSL items, through citation-js, with the tolerance citation-js lacks: it stops
// at the first syntax error, so a file that fails as a whole is read again block by block (bibtex-chunks.ts) and
// only the blocks that fail on their own are set aside, each with a warning naming it.
/// <reference path="./citation-js.d.ts" />
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { errorMessage } from '../../library/errors.js';
import { splitBibtex, type BibChunk } from './bibtex-chunks.js';
import { predecode } from './bibtex-text.js';
import type { CslItem } from './csl-item.js';

/** One entry as citation-js reads it before decoding: field values are still LaTeX, @string macros resolved. */
export interface RawBibEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

export interface DecodedBibEntry {
  raw: RawBibEntry;
  csl: CslItem;
  line: number;
}

export interface BibReading {
  entries: DecodedBibEntry[];
  /** Entry blocks found, good or bad (not @string/@comment/@preamble). */
  entryBlocks: number;
  warnings: string[];
}

// No single reference is this long; a block that is has lost its closing brace or is not BibTeX. Bounding the block
// also bounds citation-js's work on any one block, which keeps the whole read linear in the text.
const MAX_BLOCK_CHARS = 1_000_000;
const NOT_ENTRIES = new Set(['string', 'comment', 'preamble']);

/** Reads every entry; `onProgress` hears how many of the entry blocks are read, after each batch. */
export function readBibtex(text: string, onProgress?: (done: number, total: number) => void): BibReading {
  const warnings: string[] = [];
  const chunks = splitBibtex(text);
  const definitions = chunks.filter((chunk) => chunk.type === 'string' || chunk.type === 'preamble');
  const entryChunks = chunks.filter((chunk) => !NOT_ENTRIES.has(chunk.type));
  const usable = entryChunks.filter((chunk) => {
    if (chunk.text.length <= MAX_BLOCK_CHARS) return true;
    warnings.push(`Skipped ${describe(chunk)}: it is over ${MAX_BLOCK_CHARS.toLocaleString('en')} characters long, so its closing brace is probably missing.`);
    return false;
  });
  const soundDefinitions = definitions.filter((definition) => tryParse([definition]) !== null);
  const entries: DecodedBibEntry[] = [];
  for (let start = 0; start < usable.length; start += BATCH) {
    const batch = usable.slice(start, start + BATCH);
    entries.push(...decodeEntries(readRawEntries(soundDefinitions, batch, warnings), warnings));
    onProgress?.(start + batch.length, usable.length);
  }
  return { entries, entryBlocks: entryChunks.length, warnings };
}

// Blocks go to citation-js in batches: one call per batch is the fast path, and a batch that fails is re-read block
// by block, so one bad entry costs a re-read of its batch, not of the whole file.
const BATCH = 256;

/**
 * The batch's entries in one citation-js call (the @string definitions first, so macros resolve); when that fails,
 * each block on its own to find the bad ones, then the good ones together again with the definitions.
 */
function readRawEntries(definitions: BibChunk[], chunks: BibChunk[], warnings: string[]): Array<{ raw: RawBibEntry; chunk: BibChunk }> {
  const whole = tryParse([...definitions, ...chunks]);
  if (whole && whole.length === chunks.length) return whole.map((raw, i) => ({ raw, chunk: chunks[i] as BibChunk }));
  const good: BibChunk[] = [];
  const alone: RawBibEntry[] = [];
  for (const chunk of chunks) {
    const parsed = tryParse([chunk], (error) =>
      warnings.push(`Skipped ${describe(chunk)}: ${chunk.balanced ? syntaxProblem(error, chunk.line) : 'a brace is never closed'}.`),
    );
    if (parsed?.length === 1) {
      good.push(chunk);
      alone.push(parsed[0] as RawBibEntry);
    } else if (parsed) {
      warnings.push(`Skipped ${describe(chunk)}: it could not be read as one entry.`);
    }
  }
  const together = tryParse([...definitions, ...good]);
  const raws = together && together.length === good.length ? together : alone;
  return raws.map((raw, i) => ({ raw, chunk: good[i] as BibChunk }));
}

/** LaTeX → Unicode, names split, dates read (citation-js's CSL conversion): the batch at once, else entry by entry. */
function decodeEntries(raws: Array<{ raw: RawBibEntry; chunk: BibChunk }>, warnings: string[]): DecodedBibEntry[] {
  try {
    const items = toCsl(raws.map(({ raw }) => predecode(raw)));
    if (items.length === raws.length) return raws.map(({ raw, chunk }, i) => ({ raw, csl: items[i] as CslItem, line: chunk.line }));
  } catch {
    // One entry citation-js cannot convert: find it below.
  }
  const decoded: DecodedBibEntry[] = [];
  for (const { raw, chunk } of raws) {
    try {
      const csl = toCsl([predecode(raw)])[0];
      if (csl) decoded.push({ raw, csl, line: chunk.line });
    } catch (error) {
      warnings.push(`Skipped ${describe(chunk)}: its fields could not be decoded (${firstLine(errorMessage(error))}).`);
    }
  }
  return decoded;
}

function tryParse(chunks: BibChunk[], onError?: (message: string) => void): RawBibEntry[] | null {
  try {
    const result = plugins.input.data(chunks.map((chunk) => chunk.text).join('\n'), '@biblatex/text');
    return Array.isArray(result) ? (result as RawBibEntry[]) : null;
  } catch (error) {
    onError?.(errorMessage(error));
    return null;
  }
}

function toCsl(raws: RawBibEntry[]): CslItem[] {
  const result = plugins.input.data(raws, '@biblatex/entries+list');
  return Array.isArray(result) ? (result as CslItem[]) : [];
}

export function describe(chunk: { type: string; key: string; line: number }): string {
  const name = chunk.key ? `"${chunk.key}"` : `@${chunk.type}`;
  return `BibTeX entry ${name} (line ${chunk.line})`;
}

/** citation-js's "expected "rbrace", got "identifier" at line 3 col 5:" with the line counted in the file. */
function syntaxProblem(message: string, blockLine: number): string {
  const first = firstLine(message).replace(/:$/, '');
  const at = / at line (\d+) col \d+$/.exec(first);
  if (!at) return `it is malformed (${first})`;
  return `it is malformed near line ${blockLine + Number(at[1]) - 1} (${first.slice(0, at.index)})`;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 160);
}
