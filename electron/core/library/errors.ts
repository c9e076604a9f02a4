// Errors the library store throws. Each message is one line a user can act on.

/** Another live Folio process holds the library's folio.lock. */
export class LibraryLockedError extends Error {
  override name = 'LibraryLockedError';
}

/** An id that names no paper of this library. */
export class UnknownPaperError extends Error {
  override name = 'UnknownPaperError';
  constructor(readonly paperId: string) {
    super(`No paper with id "${paperId}" in this library.`);
  }
}

/** A file was written by a newer Folio than this one; opening it could lose data, so we refuse. */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
}

/** A write was attempted on a library opened with { readOnly: true }. */
export class ReadOnlyLibraryError extends Error {
  override name = 'ReadOnlyLibraryError';
}

/** A ParseResult that the store cannot take (wrong shape, a title with no letters or digits, ...). */
export class InvalidImportError extends Error {
  override name = 'InvalidImportError';
}

/** A tag operation named a tag that does not exist, or a bad colour / tag name. */
export class TagError extends Error {
  override name = 'TagError';
}

/** A repair an open planned (see repairs.ts) failed, so nothing is written this time; the next write tries again. */
export class RepairError extends Error {
  override name = 'RepairError';
  /** The errno code of the failure (ENOSPC, EACCES, …), if it had one. */
  readonly code: string | undefined;
  constructor(what: string, cause: unknown) {
    super(`Could not ${what} before saving (${errorMessage(cause)}); the change was not saved.`, { cause });
    this.code = errorCode(cause);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
