// A paper as Folio shows it: the imported record with the user's corrections (edits) laid over it. Rows, details,
// search documents and exports all read this, so a correction shows and searches everywhere.
import { EDITABLE_FIELDS } from './model.js';
import type { EditableField, PaperEdits, PaperRecord, UserPaperData } from './model.js';

export function effectivePaper(paper: PaperRecord, data: UserPaperData): PaperRecord {
  const edits = data.edits;
  if (edits === undefined) return paper;
  const shown: PaperRecord = { ...paper, ...structuredClone(edits) };
  if (edits.date !== undefined) shown.year = edits.date === '' ? null : Number(edits.date.slice(0, 4));
  return shown;
}

/** The fields the user corrected, in EDITABLE_FIELDS order, and what each replaced. */
export function editsOf(paper: PaperRecord, data: UserPaperData): { editedFields: EditableField[]; importedValues: PaperEdits } {
  const editedFields = EDITABLE_FIELDS.filter((field) => data.edits !== undefined && field in data.edits);
  const importedValues: Record<string, unknown> = {};
  for (const field of editedFields) importedValues[field] = structuredClone(paper[field]);
  return { editedFields, importedValues: importedValues as PaperEdits };
}

/** Gone from everything Folio shows: deleted for good (an emptied Trash) or merged into another paper. */
export function isHiddenPaper(id: string, data: UserPaperData, merges: ReadonlyMap<string, string>): boolean {
  return data.deletedAt !== undefined || merges.has(id);
}
