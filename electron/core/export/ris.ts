// RIS export: one "TAG  - value" per line, CRLF, a blank line between records. A value can never hold a line
// break (it would start a line a reader takes for a tag such as "ER  - "), so every value is made one line, which
// also folds the two spaces of a "  - " inside a value.
import { singleLine } from '../text.js';
import type { ExportEntry } from './types.js';
import { venueKind, type VenueKind } from './venue.js';

/**
 * An author as RIS readers take it: they split a name at its commas ("Family, Given, Suffix"), so the display
 * name Folio keeps ("Pier Giuseppe Sessa", "John Smith, Jr.") is written whole, as one literal, without commas.
 */
export function risName(author: string): string {
  return singleLine(author.replaceAll(',', ' '));
}

const RECORD_TYPE: Record<VenueKind, string> = { proceedings: 'CPAPER', journal: 'JOUR', none: 'GEN' };
const VENUE_TAG: Record<VenueKind, string> = { proceedings: 'T2', journal: 'JO', none: 'T2' };

export function exportRis(entries: readonly ExportEntry[]): string {
  return entries
    .map(({ paper, user }) => {
      const kind = venueKind(paper);
      const lines = [`TY  - ${RECORD_TYPE[kind]}`, `TI  - ${singleLine(paper.title)}`];
      for (const author of paper.authors.map(risName)) if (author) lines.push(`AU  - ${author}`);
      if (paper.date !== '') lines.push(`PY  - ${paper.date.slice(0, 4)}`, `DA  - ${paper.date.replaceAll('-', '/')}`);
      if (paper.venue !== null && singleLine(paper.venue)) lines.push(`${VENUE_TAG[kind]}  - ${singleLine(paper.venue)}`);
      if (paper.doi !== null) lines.push(`DO  - ${singleLine(paper.doi)}`);
      if (paper.url !== null) lines.push(`UR  - ${singleLine(paper.url)}`);
      // Zotero and Mendeley write the arXiv id as a note; it comes before the user's own.
      if (paper.arxivId !== null) lines.push(`N1  - arXiv:${singleLine(paper.arxivId)}`);
      if (paper.abstract.trim()) lines.push(`AB  - ${singleLine(paper.abstract)}`);
      for (const keyword of [paper.category, ...user.tags]) if (keyword && singleLine(keyword)) lines.push(`KW  - ${singleLine(keyword)}`);
      if (user.note.trim()) lines.push(`N1  - ${singleLine(user.note)}`);
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}
