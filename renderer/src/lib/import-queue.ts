// What the import dialog works through: the pasted text or the files (dropped, or from File ▸ Import File…), one
// preview each, in turn. Each is previewed against the library as it is when its turn comes, so what a file's
// preview says is what its import does, even when an earlier file brought the same papers.
import type { ImportFileText } from '../../../electron/shared/import-file.js';

export interface ImportItem {
  key: number;
  /** The file's name; null for pasted text. */
  fileName: string | null;
  text: string;
  /** How it ended; null while it waits or is being previewed. */
  outcome: ImportOutcome | null;
}

export type ImportOutcome =
  /** `summary`: what the import did, as its toast says it. */
  | { kind: 'imported'; summary: string; profileId: string | null }
  /** `source`: what its preview had read it as ("BibTeX file · 10 papers"); null when it was never read. */
  | { kind: 'skipped'; source: string | null };

/** A request to import, from a paste (Ctrl+V, File ▸ Import from Clipboard, the sample) or from files. */
export type ImportRequest = { kind: 'text'; text: string } | { kind: 'files'; files: ImportFileText[] };

let lastKey = 0;

export const pastedItem = (text: string): ImportItem => ({ key: ++lastKey, fileName: null, text, outcome: null });

export const fileItem = (file: ImportFileText): ImportItem => ({ key: ++lastKey, fileName: file.name, text: file.text, outcome: null });

/**
 * The queue after a request: null is a closed dialog. A closed dialog opens with the request (unless another dialog
 * is open); an open one takes more files at its end (replacing a paste that is still empty) and ignores a text (a
 * paste inside the dialog goes to its text field).
 */
export function applyRequest(items: readonly ImportItem[] | null, request: ImportRequest, isOtherDialogOpen: boolean): ImportItem[] | null {
  if (items === null) {
    if (isOtherDialogOpen) return null;
    if (request.kind === 'text') return [pastedItem(request.text)];
    return request.files.length > 0 ? request.files.map(fileItem) : null;
  }
  if (request.kind === 'text' || request.files.length === 0) return [...items];
  const kept = items.filter((item) => item.outcome !== null || item.fileName !== null || item.text.trim() !== '');
  return [...kept, ...request.files.map(fileItem)];
}

/** The item whose turn it is: the first that has not ended; undefined when all have. */
export function currentItem(items: readonly ImportItem[]): ImportItem | undefined {
  return items.find((item) => item.outcome === null);
}

export function settleItem(items: readonly ImportItem[], key: number, outcome: ImportOutcome): ImportItem[] {
  return items.map((item) => (item.key === key && item.outcome === null ? { ...item, outcome } : item));
}

/** The pasted text as edited in the dialog. */
export function setItemText(items: readonly ImportItem[], key: number, text: string): ImportItem[] {
  return items.map((item) => (item.key === key && item.fileName === null ? { ...item, text } : item));
}

/**
 * Where to go once the dialog closes: the one profile imported, else (several, or lists without a person) the whole
 * library; null when nothing was imported.
 */
export function importedScope(items: readonly ImportItem[]): { profileId: string | null } | null {
  const imported = items.flatMap((item) => (item.outcome?.kind === 'imported' ? [item.outcome.profileId] : []));
  if (imported.length === 0) return null;
  const profiles = new Set(imported);
  return { profileId: profiles.size === 1 ? (imported[0] ?? null) : null };
}

/** How the queue names an item: its file name, or "Pasted text". */
export const itemName = (item: ImportItem): string => item.fileName ?? 'Pasted text';
