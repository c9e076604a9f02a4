// What every export format receives: the papers with their keys and user data, the profiles, the tag definitions
// and the import log.
import type { ImportRecord, PaperRecord, ProfileRecord, TagDefinition, UserPaperData } from '../model.js';

export interface ExportEntry {
  paper: PaperRecord;
  /** Its citation key in the library (library/cite-keys.ts): the same in every export. */
  citeKey: string;
  user: UserPaperData;
  /** Names of the profiles listing the paper. */
  profiles: string[];
}

export interface ExportData {
  /** In library order (the order papers entered it). */
  papers: ExportEntry[];
  profiles: readonly ProfileRecord[];
  tags: readonly TagDefinition[];
  /** The import log (the JSON backup keeps it, without the texts). */
  imports: readonly ImportRecord[];
}
