// Folio's own JSON export, i.e. a backup to restore (export/index.ts writes it): {"format": "folio-library",
// "version", "exportedAt", "profiles" (stored profiles: ids, metrics per source and their history, paper ids), "tags"
// (name, colour), "papers" (each paper's stored record with its citation key, tags, note, status and profile names),
// "imports" (the import log, kept for the record: its texts are not in the backup, so it is not restored)}. Read as
// data; an item that is damaged is skipped or repaired with a warning naming it, so one bad paper never costs the rest
// of the backup. Text is kept exactly as the backup holds it (it is what the library showed), so that a restore gives
// the same library.
import { BACKUP_FORMAT, EXPORT_FORMAT_VERSION } from '../../export/index.js';
import { HEX_COLOR } from '../../library/schema.js';
import { PROVENANCE_FIELDS, isReadingStatus, type FieldSources } from '../../model.js';
import { titleKey } from '../../text.js';
import { isCslItem as isObject } from './csl-item.js';
import { emptyMetrics, normalizeArxivId, normalizeDoi, parseLooseDate } from './fields.js';
import { jsonOpening, readJson } from './json-text.js';
import { capWarnings, cleanText } from './reference-fields.js';
import {
  NotThisSourceError,
  SOURCE_IDS,
  type SourceId,
  type FolioRestore,
  type ImportSource,
  type RestoredPaperData,
  type RestoredProfile,
  type SourceMetrics,
  type SourcePaper,
  type SourceResult,
} from './types.js';


const BACKUP_MARK = new RegExp(`"format"\\s*:\\s*"${BACKUP_FORMAT}"`);

function detect(text: string): number {
  if (jsonOpening(text) !== '{') return 0;
  return BACKUP_MARK.test(text.slice(0, 65536)) ? 0.99 : 0;
}

function parse(text: string): SourceResult {
  if (jsonOpening(text) !== '{') throw new NotThisSourceError('A Folio backup is a JSON object; this text is not one.');
  const json = readJson(text);
  if (!json.ok) throw new NotThisSourceError(`This Folio backup is not valid JSON (${json.error}); it may have been cut short.`);
  const backup = json.value;
  if (!isObject(backup) || backup.format !== BACKUP_FORMAT) {
    throw new NotThisSourceError(`This JSON is not a Folio backup: it has no "format": "${BACKUP_FORMAT}".`);
  }
  const version = backup.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new NotThisSourceError('This Folio backup has no valid "version", so it cannot be read safely.');
  }
  if (version > EXPORT_FORMAT_VERSION) {
    throw new NotThisSourceError(
      `This backup was written by a newer Folio (backup format ${version}; this Folio reads up to ${EXPORT_FORMAT_VERSION}). Update Folio to restore it.`,
    );
  }
  const warnings: string[] = [];
  const papers: SourcePaper[] = [];
  const userData: RestoredPaperData[] = [];
  const indexById = new Map<string, number>();
  listOf(backup.papers, 'papers', warnings).forEach((item, position) => {
    const read = readPaper(item, position, warnings);
    if (!read) return;
    if (read.id !== null && !indexById.has(read.id)) indexById.set(read.id, papers.length);
    papers.push(read.paper);
    userData.push(read.user);
  });
  const restore: FolioRestore = {
    formatVersion: version,
    exportedAt: cleanText(backup.exportedAt),
    profiles: listOf(backup.profiles, 'profiles', warnings)
      .map((item, position) => readProfile(item, position, indexById, warnings))
      .filter((profile): profile is RestoredProfile => profile !== null),
    tags: readTags(listOf(backup.tags, 'tags', warnings), warnings),
    papers: userData,
  };
  return { source: 'folio-json', profile: null, papers, warnings: capWarnings(warnings), restore };
}

function listOf(value: unknown, name: string, warnings: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== undefined) warnings.push(`The backup's "${name}" is not a list, so it was left out.`);
  return [];
}

/** A string with something visible, exactly as the backup holds it; null otherwise. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

const BARE_DOI = /^10\.\d{4,9}\/[^\s"<>A-Z]+$/;
const KNOWN_SOURCES: ReadonlySet<unknown> = new Set(SOURCE_IDS);
const isSource = (value: unknown): value is SourceId => KNOWN_SOURCES.has(value);

/** The sources a record names (known ones, once each); the fallback when it names none. */
function sourcesOf(value: unknown, fallback: SourceId): SourceId[] {
  const sources = Array.isArray(value) ? [...new Set(value.filter(isSource))] : [];
  return sources.length > 0 ? sources : [fallback];
}

function fieldSourcesOf(value: unknown): FieldSources {
  const sources: FieldSources = {};
  if (!isObject(value)) return sources;
  for (const field of PROVENANCE_FIELDS) if (isSource(value[field])) sources[field] = value[field];
  return sources;
}

function readPaper(item: unknown, position: number, warnings: string[]): { id: string | null; paper: SourcePaper; user: RestoredPaperData } | null {
  const title = isObject(item) ? text(item.title) : null;
  if (!isObject(item) || title === null || titleKey(title) === '') {
    warnings.push(`Skipped paper ${position + 1} of the backup: it has no title.`);
    return null;
  }
  const label = `"${title.slice(0, 80)}"`;
  const date = parseLooseDate(text(item.date));
  const doi = text(item.doi);
  const arxivId = text(item.arxivId);
  const paper: SourcePaper = {
    title,
    authors: strings(item.authors),
    authorsTruncated: item.authorsTruncated === true,
    date: date?.date ?? null,
    year: date?.year ?? null,
    category: text(item.category),
    orgs: strings(item.orgs),
    abstract: text(item.abstract),
    // Backups written before version 3 of the library have none of these.
    venue: text(item.venue),
    // Kept as they are when bare (normalizing is not idempotent at the edges: a DOI may end in ")"); else read.
    doi: doi !== null && BARE_DOI.test(doi) ? doi : normalizeDoi(doi),
    arxivId: arxivId !== null && normalizeArxivId(arxivId) === arxivId ? arxivId : normalizeArxivId(arxivId),
    url: text(item.url),
  };
  let status = item.status ?? 'unread';
  if (!isReadingStatus(status)) {
    warnings.push(`Paper ${label} had an unknown reading status ${JSON.stringify(status)}; it is restored as unread.`);
    status = 'unread';
  }
  const id = text(item.id);
  const user: RestoredPaperData = {
    id,
    citeKey: text(item.citeKey),
    sources: sourcesOf(item.sources, 'folio-json'),
    fieldSources: fieldSourcesOf(item.fieldSources),
    tags: [...new Set(strings(item.tags))],
    note: typeof item.note === 'string' ? item.note : '',
    status: status as RestoredPaperData['status'],
    addedAt: text(item.addedAt),
  };
  return { id, paper, user };
}

function readProfile(item: unknown, position: number, indexById: Map<string, number>, warnings: string[]): RestoredProfile | null {
  const name = isObject(item) ? cleanText(item.name) : null;
  if (!isObject(item) || name === null) {
    warnings.push(`Skipped profile ${position + 1} of the backup: it has no name.`);
    return null;
  }
  const paperIds = strings(item.paperIds);
  const paperIndexes = paperIds.map((id) => indexById.get(id)).filter((index): index is number => index !== undefined);
  if (paperIndexes.length < paperIds.length) {
    warnings.push(`Profile "${name}" lists ${paperIds.length - paperIndexes.length} paper(s) that are not in the backup; they were left out.`);
  }
  const sources = sourcesOf(item.sources, 'profile-page');
  const metrics = readMetrics(item.metrics);
  const history = (Array.isArray(item.history) ? item.history : [])
    .filter(isObject)
    .map((snapshot) => ({ at: text(snapshot.at), source: isSource(snapshot.source) ? snapshot.source : (sources[0] as SourceId), metrics: readMetrics(snapshot.metrics) }))
    .filter((snapshot): snapshot is RestoredProfile['history'][number] => snapshot.at !== null);
  const metricsBySource: RestoredProfile['metricsBySource'] = {};
  if (isObject(item.metricsBySource)) {
    for (const [source, figures] of Object.entries(item.metricsBySource)) if (isSource(source)) metricsBySource[source] = readMetrics(figures);
  }
  const at = text(item.lastImportedAt) ?? text(item.firstImportedAt) ?? '';
  return {
    id: text(item.id),
    name,
    category: text(item.category),
    affiliation: text(item.affiliation),
    metrics,
    history: history.length > 0 ? history : [{ at, source: sources[0] as SourceId, metrics }],
    metricsBySource,
    sources,
    paperIndexes: [...new Set(paperIndexes)],
    firstImportedAt: text(item.firstImportedAt),
    lastImportedAt: text(item.lastImportedAt),
  };
}

/** Every numeric metric the backup kept (the five of SourceMetrics always present, null when absent). */
function readMetrics(value: unknown): SourceMetrics {
  const metrics = emptyMetrics();
  if (!isObject(value)) return metrics;
  for (const [key, figure] of Object.entries(value)) {
    if (figure === null || (typeof figure === 'number' && Number.isFinite(figure))) metrics[key] = figure;
  }
  return metrics;
}

function readTags(items: unknown[], warnings: string[]): FolioRestore['tags'] {
  const tags: FolioRestore['tags'] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const name = isObject(item) ? cleanText(item.name) : null;
    if (!isObject(item) || name === null || seen.has(name)) continue;
    seen.add(name);
    if (typeof item.color === 'string' && HEX_COLOR.test(item.color)) {
      tags.push({ name, color: item.color.toLowerCase() });
    } else {
      warnings.push(`Tag "${name}" had no valid colour (#rrggbb); it is restored and Folio picks its colour.`);
    }
  }
  return tags;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(text).filter((item): item is string => item !== null);
}

export const folioJsonSource: ImportSource = {
  id: 'folio-json',
  label: 'Folio backup',
  version: 1,
  detect,
  parse,
};
