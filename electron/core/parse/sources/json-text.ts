// Reading pasted or opened JSON (CSL-JSON, Folio backups) without ever throwing on bad text.
import { errorMessage } from '../../library/errors.js';

/** The first non-blank character when it opens a JSON array or object ("[" or "{"), else null. A BOM is skipped. */
export function jsonOpening(text: string): '[' | '{' | null {
  const match = /^[\s\uFEFF]*([[{])/.exec(text.slice(0, 4096));
  return (match?.[1] as '[' | '{' | undefined) ?? null;
}

export type JsonReading = { ok: true; value: unknown } | { ok: false; error: string };

/** JSON.parse that reports instead of throwing; linear in the text (V8's parser is iterative, so no stack overflow). */
export function readJson(text: string): JsonReading {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
