// The one table of import sources, keyed by SOURCE_IDS: each source's module (label, version, detect, parse) and the
// file extensions the file picker offers for it. Adding a source is adding its module and one row here. Which source
// reads a text is decided from the text alone: every source rates it (detect), and the most confident one that can
// parse it wins.
import { arxivSource } from './arxiv.js';
import { bibtexSource } from './bibtex.js';
import { cslJsonSource } from './csl-json.js';
import { dblpSource } from './dblp.js';
import { folioJsonSource } from './folio-json.js';
import { googleScholarSource } from './google-scholar.js';
import { openReviewSource } from './openreview.js';
import { orcidSource } from './orcid.js';
import { profilePageSource } from './profile-page.js';
import { risSource } from './ris.js';
import { semanticScholarSource } from './semantic-scholar.js';
import { NotThisSourceError, SOURCE_IDS, type ImportSource, type ParseOptions, type SourceId, type SourceResult } from './types.js';

export interface RegisteredSource extends ImportSource {
  /** File name extensions (no dot) the import's file picker offers for this source; pastes need none. */
  readonly extensions: readonly string[];
}

const withExtensions = (source: ImportSource, extensions: readonly string[]): RegisteredSource =>
  Object.freeze({ id: source.id, label: source.label, version: source.version, detect: source.detect, parse: source.parse, extensions });

export const SOURCES = {
  'profile-page': withExtensions(profilePageSource, ['txt']),
  'google-scholar': withExtensions(googleScholarSource, ['txt']),
  arxiv: withExtensions(arxivSource, ['txt']),
  dblp: withExtensions(dblpSource, ['txt']),
  'semantic-scholar': withExtensions(semanticScholarSource, ['txt']),
  openreview: withExtensions(openReviewSource, ['txt']),
  orcid: withExtensions(orcidSource, ['txt']),
  bibtex: withExtensions(bibtexSource, ['bib', 'bibtex']),
  ris: withExtensions(risSource, ['ris']),
  'csl-json': withExtensions(cslJsonSource, ['json']),
  'folio-json': withExtensions(folioJsonSource, ['json']),
} as const satisfies Record<SourceId, RegisteredSource>;

/** A source reads a text only when it is at least this sure; below, the text is none of Folio's formats. */
export const MIN_CONFIDENCE = 0.5;

export function isSourceId(value: unknown): value is SourceId {
  return typeof value === 'string' && (SOURCE_IDS as readonly string[]).includes(value);
}

export function sourceLabel(id: SourceId): string {
  return SOURCES[id].label;
}

/** Every file extension some source reads, once each ("txt", "bib", …), for the file picker. */
export function importExtensions(): string[] {
  return [...new Set(SOURCE_IDS.flatMap((id) => SOURCES[id].extensions))];
}

/** Thrown when no source reads the text; its one-line message names every format Folio reads. */
export class UnreadableTextError extends Error {
  override name = 'UnreadableTextError';
}

/** "a profile page, a Google Scholar profile, …, or a Folio backup": every source's label, in the table's order. */
export function formatsFolioReads(): string {
  const labels = SOURCE_IDS.map((id) => SOURCES[id].label);
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1] as string}`;
}

function unreadable(text: string): UnreadableTextError {
  const what = text.trim() === '' ? 'The text is empty' : 'Folio cannot read this text';
  return new UnreadableTextError(`${what}: expected one of ${formatsFolioReads()}.`);
}

export interface Detection {
  id: SourceId;
  label: string;
  /** 0 (not at all) to 1 (certain). */
  confidence: number;
}

/** How sure every source is that `text` is its kind, most confident first (a tie in the table's order). */
export function detectSource(text: string): Detection[] {
  return SOURCE_IDS.map((id) => ({ id, label: SOURCES[id].label, confidence: rate(SOURCES[id], text) }))
    .map((detection, order) => ({ detection, order }))
    .sort((a, b) => b.detection.confidence - a.detection.confidence || a.order - b.order)
    .map(({ detection }) => detection);
}

/** A source's confidence, kept in [0, 1]; a detector that fails counts as not recognising the text. */
function rate(source: ImportSource, text: string): number {
  try {
    const confidence = source.detect(text);
    return Number.isFinite(confidence) ? Math.max(0, Math.min(1, confidence)) : 0;
  } catch {
    return 0;
  }
}

/**
 * Reads `text` as `forced` when given (its refusal, a NotThisSourceError, is thrown as it is), else as the most
 * confident source that parses it: a source that refuses (NotThisSourceError) passes the text on to the next one at
 * or above MIN_CONFIDENCE. When every such source refused, the most confident one's refusal is thrown (it says
 * what that source expected); when none is sure enough, UnreadableTextError.
 */
export function parseText(text: string, forced?: SourceId, options: ParseOptions = {}): SourceResult {
  if (typeof text !== 'string') throw unreadable('');
  if (forced !== undefined) return SOURCES[forced].parse(text, options);
  const sure = detectSource(text).filter((detection) => detection.confidence >= MIN_CONFIDENCE);
  return parseWithFirst(sure.map((detection) => SOURCES[detection.id]), text, options);
}

/**
 * The result of the first of `candidates` (most likely first) that parses `text`: one that refuses (NotThisSourceError)
 * passes it on. When all refuse, the first refusal is thrown; with no candidate, UnreadableTextError.
 */
export function parseWithFirst(candidates: readonly ImportSource[], text: string, options: ParseOptions = {}): SourceResult {
  let refusal: NotThisSourceError | null = null;
  for (const source of candidates) {
    try {
      return source.parse(text, options);
    } catch (error) {
      if (!(error instanceof NotThisSourceError)) throw error;
      refusal ??= error;
    }
  }
  throw refusal ?? unreadable(text);
}
