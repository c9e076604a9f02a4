// The edit form's text fields and the core's PaperEdit: what a Save sends is only what the user changed.
import type { EditableField, ManualPaper, PaperDetail, PaperEdit, PaperEdits } from '../../../electron/core/api.js';

/** The form as typed: one string per field (authors one per line or `;`-separated). */
export type EditForm = Record<EditableField, string>;

/** Fields whose empty value means "none" (null) rather than "". */
const NULLABLE: ReadonlySet<EditableField> = new Set(['category', 'venue', 'doi', 'url']);

export const FIELD_LABELS: Record<EditableField, string> = {
  title: 'Title',
  authors: 'Authors',
  date: 'Date',
  category: 'Category',
  venue: 'Venue',
  doi: 'DOI',
  url: 'URL',
  abstract: 'Abstract',
};

/** "2024", "2024-07" or "2024-07-31" (or nothing). */
const DATE = /^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function parseAuthors(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

export function formOf(paper: Pick<PaperDetail, EditableField>): EditForm {
  return {
    title: paper.title,
    authors: paper.authors.join('\n'),
    date: paper.date,
    category: paper.category ?? '',
    venue: paper.venue ?? '',
    doi: paper.doi ?? '',
    url: paper.url ?? '',
    abstract: paper.abstract,
  };
}

/** What is wrong with the form, one line per problem (empty when it can be saved). */
export function formProblems(form: EditForm): string[] {
  const problems: string[] = [];
  if (!form.title.trim()) problems.push('A title is needed.');
  if (form.date.trim() && !DATE.test(form.date.trim())) problems.push('Write the date as 2024, 2024-07 or 2024-07-31.');
  return problems;
}

/** The edit a Save sends: the fields that differ from the paper as shown; null when nothing changed. */
export function editOf(paper: Pick<PaperDetail, EditableField>, form: EditForm): PaperEdit | null {
  const before = formOf(paper);
  const set: PaperEdits = {};
  let changed = false;
  for (const field of Object.keys(before) as EditableField[]) {
    const typed = field === 'abstract' ? form[field].trim() : form[field].trim().replace(/\s+/g, ' ');
    if (field === 'authors') {
      const authors = parseAuthors(form.authors);
      if (authors.join('\n') === paper.authors.join('\n')) continue;
      set.authors = authors;
    } else {
      if (typed === before[field].trim()) continue;
      (set as Record<string, string | null>)[field] = NULLABLE.has(field) && typed === '' ? null : typed;
    }
    changed = true;
  }
  return changed ? { set } : null;
}

/** A hand-typed paper: the form's non-empty fields. */
export function manualPaperOf(form: EditForm): ManualPaper {
  const paper: ManualPaper = { title: form.title.trim().replace(/\s+/g, ' ') };
  const authors = parseAuthors(form.authors);
  if (authors.length > 0) paper.authors = authors;
  for (const field of ['date', 'category', 'venue', 'doi', 'url', 'abstract'] as const) {
    const value = form[field].trim();
    if (value) paper[field] = value;
  }
  return paper;
}

export const EMPTY_FORM: EditForm = { title: '', authors: '', date: '', category: '', venue: '', doi: '', url: '', abstract: '' };
