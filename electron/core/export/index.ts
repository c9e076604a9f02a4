// Exports the library as a full JSON backup or as citations (BibTeX, CSL-JSON, RIS) and Markdown notes, one
// module per format. The citation formats are simple enough that a library (citation-js pulls in ~40 packages)
// would not buy correctness we cannot check ourselves: escaping is the hard part, and the tests parse every
// format back with a maintained reader over hostile text.
import type { ExportFormat } from '../api.js';
import { exportBibtex } from './bibtex.js';
import { exportCslJson } from './csl-json.js';
import { exportMarkdown } from './markdown.js';
import { exportRis } from './ris.js';
import type { ExportData } from './types.js';

export { citationKeyBase, citationKeys, freeCitationKey } from './citation-keys.js';
export { bibtexKeyword, escapeBibtex } from './bibtex.js';
export { escapeMarkdown } from './markdown.js';
export { risName } from './ris.js';
export type { ExportData, ExportEntry } from './types.js';

export const EXPORT_FORMAT_VERSION = 1;
/** The backup's "format" value, by which the folio-json import source recognises it. */
export const BACKUP_FORMAT = 'folio-library';

export function exportLibrary(format: ExportFormat, data: ExportData): string {
  switch (format) {
    case 'json':
      return exportJson(data);
    case 'bibtex':
      return exportBibtex(data.papers);
    case 'csl-json':
      return exportCslJson(data.papers);
    case 'ris':
      return exportRis(data.papers);
    case 'markdown':
      return exportMarkdown(data.papers);
  }
}

/**
 * Everything, user data included: a restorable backup (the folio-json source reads it back; restoring it into an
 * empty library gives the same library, ids, keys and times included) that a person can also read. Each paper is its
 * stored record with its citation key, user data and profile names; profiles are stored records (metrics history per
 * source); the import log is kept without the texts. Later additions are new keys, which older readers ignore.
 */
function exportJson(data: ExportData): string {
  const backup = {
    format: BACKUP_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    profiles: data.profiles,
    tags: data.tags,
    papers: data.papers.map(({ paper, citeKey, user, profiles }) => ({ ...paper, citeKey, ...user, profiles })),
    imports: data.imports,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}
