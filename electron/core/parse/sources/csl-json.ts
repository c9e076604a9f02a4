// CSL-JSON, as Zotero, Mendeley, citation.js and pandoc write it: a JSON array of items, each with a `type`, a
// `title`, `author` name objects ({family, given} or {literal}) and an `issued` date. Read as data, not text: the
// file's layout (indentation, key order) does not matter. A single item object or a {"items": [...]} wrapper is
// accepted too.
import { readJson, jsonOpening } from './json-text.js';
import { isCslItem, paperFromCslItem, type CslItem } from './csl-item.js';
import { capWarnings } from './reference-fields.js';
import { NotThisSourceError, type ImportSource, type SourcePaper, type SourceResult } from './types.js';

// The item types of CSL 1.0.2; a file using others is still CSL when its items look like references.
const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
]);

const FOLIO_BACKUP_MARK = /"format"\s*:\s*"folio-library"/;

/** The list of items in the parsed JSON, or null when its shape is not CSL-JSON's. */
function itemsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isCslItem(value)) return null;
  if (Array.isArray(value.items)) return value.items;
  return 'title' in value || 'type' in value ? [value] : null;
}

function looksLikeReference(item: unknown): item is CslItem {
  if (!isCslItem(item)) return false;
  const typed = typeof item.type === 'string' && CSL_TYPES.has(item.type);
  const described = typeof item.title === 'string' && ('author' in item || 'issued' in item || 'DOI' in item);
  return typed || described;
}

function detect(text: string): number {
  if (jsonOpening(text) === null || FOLIO_BACKUP_MARK.test(text.slice(0, 65536))) return 0;
  const json = readJson(text);
  // Broken JSON with CSL keys near the top is still most likely a damaged CSL file: parse() says what is wrong.
  if (!json.ok) return /"(?:container-title|date-parts|issued)"\s*:/.test(text.slice(0, 65536)) ? 0.6 : 0.1;
  const items = itemsOf(json.value);
  if (items === null) return 0.05;
  if (items.length === 0) return 0.5;
  let references = 0;
  for (const item of items) if (looksLikeReference(item)) references++;
  const share = references / items.length;
  return share >= 0.5 ? 0.9 + 0.09 * share : 0.3 * share;
}

function parse(text: string): SourceResult {
  if (jsonOpening(text) === null) throw new NotThisSourceError('CSL-JSON is a JSON array of items; this text is not JSON.');
  const json = readJson(text);
  if (!json.ok) throw new NotThisSourceError(`This CSL-JSON file is not valid JSON (${json.error}).`);
  const items = itemsOf(json.value);
  if (items === null) throw new NotThisSourceError('This JSON is not CSL-JSON: expected an array of items with a type and a title.');
  const warnings: string[] = [];
  const papers: SourcePaper[] = [];
  items.forEach((item, index) => {
    const label = `CSL-JSON item ${index + 1}${isCslItem(item) && typeof item.id === 'string' ? ` ("${item.id}")` : ''}`;
    if (!isCslItem(item)) {
      warnings.push(`Skipped ${label}: it is not an object.`);
      return;
    }
    const paper = paperFromCslItem(item, label, warnings);
    if (paper) papers.push(paper);
  });
  if (items.length > 0 && papers.length === 0) {
    throw new NotThisSourceError('This JSON has no CSL-JSON item with a title, so there is nothing to import.');
  }
  if (items.length === 0) warnings.push('The CSL-JSON list is empty: there are no papers to import.');
  return { source: 'csl-json', profile: null, papers, warnings: capWarnings(warnings) };
}

export const cslJsonSource: ImportSource = {
  id: 'csl-json',
  label: 'CSL-JSON file',
  version: 1,
  detect,
  parse,
};
