// What every export format receives: the papers with their user data, the profiles and the tag definitions.
import type { PaperRecord, ProfileRecord, TagDefinition, UserPaperData } from '../model.js';

export interface ExportEntry {
  paper: PaperRecord;
  user: UserPaperData;
  /** Names of the profiles listing the paper. */
  profiles: string[];
}

export interface ExportData {
  papers: ExportEntry[];
  profiles: readonly ProfileRecord[];
  tags: readonly TagDefinition[];
}
