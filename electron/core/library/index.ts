// The library store: persists profiles, papers, raw pastes and user data in a library folder.
export { Library, IMPORTS_DIR } from './library.js';
export type { OpenLibraryOptions, LibraryStats } from './library.js';
export type { ImportPlan, ImportOutcome } from './importer.js';
export type { StoredRead } from './reparse.js';
export { paperIdForKey, profileIdForName } from './ids.js';
export {
  LibraryLockedError,
  UnknownPaperError,
  NewerSchemaError,
  ReadOnlyLibraryError,
  InvalidImportError,
  TagError,
  NotSavedError,
  RepairError,
} from './errors.js';
export { LIBRARY_SCHEMA_VERSION, USER_SCHEMA_VERSION } from './schema.js';
export { TAG_PALETTE } from './user-state.js';
