// CSL-JSON export (the format of citeproc, Zotero and Pandoc). JSON escapes every string; names are split into
// family and given only where that is safe.
import { singleLine } from '../text.js';
import type { ExportEntry } from './types.js';
import { venueKind, type VenueKind } from './venue.js';

const ITEM_TYPE: Record<VenueKind, string> = { proceedings: 'paper-conference', journal: 'article-journal', none: 'article' };

export function exportCslJson(entries: readonly ExportEntry[]): string {
  const items = entries.map(({ paper, user, citeKey }) => {
    // date-parts at the precision known ([[2024]], [[2024, 7]], [[2024, 7, 31]]); no issued date when unknown.
    const parts = paper.date === '' ? null : paper.date.split('-').map(Number);
    return {
      id: citeKey,
      type: ITEM_TYPE[venueKind(paper)],
      title: paper.title,
      author: paper.authors.map(cslName),
      issued: parts === null ? undefined : { 'date-parts': [parts] },
      'container-title': paper.venue ?? undefined,
      DOI: paper.doi ?? undefined,
      URL: paper.url ?? undefined,
      // How Zotero files an arXiv preprint's id.
      number: paper.arxivId === null ? undefined : `arXiv:${paper.arxivId}`,
      abstract: paper.abstract || undefined,
      keyword: [paper.category, ...user.tags].filter(Boolean).map((k) => singleLine(k as string)).join(', ') || undefined,
      note: user.note || undefined,
    };
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}

const ORGANISATION = /\b(?:team|group|lab|labs|consortium|collaboration|institute|university|project)\b|\band\b|&/i;

function cslName(author: string): { family: string; given?: string } | { literal: string } {
  const name = singleLine(author);
  const parts = name.split(' ');
  // Single-word names, teams ("Gemini Team") and CJK names without spaces are kept whole.
  if (parts.length < 2 || ORGANISATION.test(name)) return { literal: name };
  const family = parts.pop() as string;
  return { family, given: parts.join(' ') };
}
