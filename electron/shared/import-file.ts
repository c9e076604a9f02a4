// Which files Folio takes as import text, decided the same way for a file dropped on the window (the renderer reads
// it with the File API) and one chosen with File ▸ Import File… (main reads it from disk): a text file no larger than
// an import call accepts. Anything else is refused with one line, before the core sees it.
import { MAX_IMPORT_CHARS } from '../core/api.js';
import { errorMessage } from '../core/library/errors.js';

/** A file read for import: its name (no folder) and its text. */
export interface ImportFileText {
  name: string;
  text: string;
}

export type ImportFileReading = { ok: true; file: ImportFileText } | { ok: false; refusal: string };

/** How a file's bytes are read: its first `count` bytes, or all of them. */
export interface ByteReader {
  head(count: number): Promise<Uint8Array>;
  all(): Promise<Uint8Array>;
}

/** A file larger than this (bytes) is refused: its text could be longer than an import call takes. */
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_CHARS;

/** How much of a file is looked at to tell text from binary (git looks at the same 8,000 bytes for a NUL). */
const SNIFF_BYTES = 8000;

/** Above this share of control or undecodable characters in its head, a file without a NUL is still binary. */
const MAX_CONTROL_SHARE = 0.1;

/** Reads a file for import, or says in one line why it is not imported (too large, not text, unreadable). */
export async function readImportFile(name: string, size: number, reader: ByteReader): Promise<ImportFileReading> {
  if (size > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, refusal: `${name} is not imported: it is ${formatBytes(size)}, and Folio imports files up to ${formatBytes(MAX_IMPORT_FILE_BYTES)}.` };
  }
  try {
    if (isBinary(await reader.head(SNIFF_BYTES))) return { ok: false, refusal: `${name} is not imported: it is not a text file.` };
    return { ok: true, file: { name, text: decodeText(await reader.all()) } };
  } catch (error) {
    return { ok: false, refusal: `${name} could not be read: ${errorMessage(error)}` };
  }
}

const UTF16_BOMS: Array<[number, number, 'utf-16le' | 'utf-16be']> = [
  [0xff, 0xfe, 'utf-16le'],
  [0xfe, 0xff, 'utf-16be'],
];

const utf16Encoding = (bytes: Uint8Array) => UTF16_BOMS.find(([a, b]) => bytes[0] === a && bytes[1] === b)?.[2];

/** A NUL byte (outside UTF-16 text, which announces itself with a byte-order mark), or mostly control characters. */
export function isBinary(head: Uint8Array): boolean {
  if (utf16Encoding(head) !== undefined) return false;
  if (head.includes(0)) return true;
  // Not decodeText: its Windows-1252 fallback would turn random bytes into letters.
  const text = new TextDecoder('utf-8').decode(head);
  if (text.length === 0) return false;
  const control = text.match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/gu)?.length ?? 0;
  return control / text.length > MAX_CONTROL_SHARE;
}

/**
 * A file's bytes as text: UTF-16 when a byte-order mark says so, else UTF-8, and Windows-1252 when the bytes are not
 * UTF-8 (an older BibTeX file's accents stay accents). A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== undefined) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** "3.2 MB", "812 KB", "40 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
