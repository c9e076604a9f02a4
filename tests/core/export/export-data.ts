// Export input for tests: entries as a library would hand them over (each with its citation key, computed in order
// like a library's keys) and the rest of ExportData empty unless given.
import { citationKeys, type ExportData, type ExportEntry } from '../../../electron/core/export/index.js';

export type Unkeyed = Omit<ExportEntry, 'citeKey'>;

export function keyed(entries: readonly Unkeyed[]): ExportEntry[] {
  const keys = citationKeys(entries.map((entry) => entry.paper));
  return entries.map((entry, i) => ({ ...entry, citeKey: keys[i] as string }));
}

export function exportData(entries: readonly Unkeyed[], rest: Partial<Omit<ExportData, 'papers'>> = {}): ExportData {
  return { papers: keyed(entries), profiles: [], tags: [], imports: [], ...rest };
}
