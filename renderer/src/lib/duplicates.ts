// Which fields of a possible-duplicate pair differ, so the view can mark them.
import type { PaperRow } from '../../../electron/core/api.js';

export const COMPARED_FIELDS = ['title', 'authors', 'date', 'category'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Title compared without case and spacing; authors as a list; dates and categories as given. */
export function differingFields(a: Pick<PaperRow, ComparedField>, b: Pick<PaperRow, ComparedField>): Set<ComparedField> {
  const norm = (text: string | null) => (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const out = new Set<ComparedField>();
  if (norm(a.title) !== norm(b.title)) out.add('title');
  if (a.authors.map(norm).join('\n') !== b.authors.map(norm).join('\n')) out.add('authors');
  if (a.date !== b.date) out.add('date');
  if ((a.category ?? '') !== (b.category ?? '')) out.add('category');
  return out;
}
