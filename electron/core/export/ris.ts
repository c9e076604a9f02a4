// RIS export: one "TAG  - value" per line, CRLF, a blank line between records. A value can never hold a line
// break (it would start a line a reader takes for a tag such as "ER  - "), so every value is made one line, which
// also folds the two spaces of a "  - " inside a value.
import { singleLine } from '../text.js';
import type { ExportEntry } from './types.js';

/**
 * An author as RIS readers take it: they split a name at its commas ("Family, Given, Suffix"), so the display
 * name Folio keeps ("Pier Giuseppe Sessa", "John Smith, Jr.") is written whole, as one literal, without commas.
 */
export function risName(author: string): string {
  return singleLine(author.replaceAll(',', ' '));
}

export function exportRis(entries: readonly ExportEntry[]): string {
  return entries
    .map(({ paper, user }) => {
      const lines = ['TY  - GEN', `TI  - ${singleLine(paper.title)}`];
      for (const author of paper.authors.map(risName)) if (author) lines.push(`AU  - ${author}`);
      if (paper.date !== '') lines.push(`PY  - ${paper.date.slice(0, 4)}`, `DA  - ${paper.date.replaceAll('-', '/')}`);
      if (paper.abstract.trim()) lines.push(`AB  - ${singleLine(paper.abstract)}`);
      for (const keyword of [paper.category, ...user.tags]) if (keyword && singleLine(keyword)) lines.push(`KW  - ${singleLine(keyword)}`);
      if (user.note.trim()) lines.push(`N1  - ${singleLine(user.note)}`);
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}
