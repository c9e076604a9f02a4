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

/** A request about user data that cannot be done as asked (an unknown saved search, an empty Trash to empty, ...). */
export class UserDataError extends Error {
  override name = 'UserDataError';
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

/** What anything thrown says: an Error's message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An Error's name ("LibraryLockedError"); "Error" for anything else thrown. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/** For logs of what should not happen: the stack where there is one, else the message. */
export function errorStack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The thrown value as an Error, for APIs that take one (a promise's reject). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(errorMessage(error));
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * What to tell the user for each errno that makes a write fail: the cause (naming the library folder) and what to
 * do. Every "Not saved: …" line and every best-effort warning is made from this one table.
 */
const WRITE_FAILURES: Record<string, { cause: (folder: string) => string; action: string }> = {
  ENOSPC: { cause: (folder) => `the disk holding ${folder} is full`, action: 'Free some space, then try again.' },
  EDQUOT: {
    cause: (folder) => `your disk quota for ${folder} is used up`,
    action: 'Free some space or ask for a larger quota, then try again.',
  },
  EROFS: { cause: (folder) => `the disk holding ${folder} is read-only`, action: 'Make it writable, then try again.' },
  EACCES: { cause: (folder) => `Folio is not allowed to write to ${folder}`, action: "Check the folder's permissions, then try again." },
  EPERM: { cause: (folder) => `Folio is not allowed to write to ${folder}`, action: "Check the folder's permissions, then try again." },
  EIO: {
    cause: (folder) => `the disk holding ${folder} reported an I/O error`,
    action: 'Check the disk (it may be failing or disconnected), then try again.',
  },
};

function writeFailure(code: string | undefined, folder: string): { cause: string; action: string } {
  const known = code === undefined ? undefined : WRITE_FAILURES[code];
  if (known) return { cause: known.cause(folder), action: known.action };
  return { cause: `Folio could not write to ${folder} (${code ?? 'unknown error'})`, action: 'Check the disk, then try again.' };
}

/** "the disk holding <folder> is full": why a write failed, for lines such as "Backups are not being made: …". */
export function writeFailureCause(error: unknown, folder: string): string {
  return writeFailure(errorCode(error), folder).cause;
}

/**
 * A change that did not reach the disk (a full disk, a quota, a read-only disk, no permission, an I/O error). What
 * was on disk before is intact; the message is one line naming the library folder and what to do.
 */
export class NotSavedError extends Error {
  override name = 'NotSavedError';
  /** The errno code of the failed write (ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO, …). */
  readonly code: string | undefined;

  constructor(code: string | undefined, folder: string, options?: { cause?: unknown }) {
    const { cause, action } = writeFailure(code, folder);
    super(`Not saved: ${cause}. ${action}`, options);
    this.code = code;
  }
}

/** `error` as a NotSavedError when it is a failed write (it has an errno code); anything else is returned as it is. */
export function asNotSaved(error: unknown, folder: string): unknown {
  if (error instanceof NotSavedError) return error;
  const code = errorCode(error);
  return code !== undefined && /^E[A-Z0-9]+$/.test(code) ? new NotSavedError(code, folder, { cause: error }) : error;
}
