// Library views for planning parse results without a library folder: empty, or holding every paper of some results
// (so plans also match against stored papers). The fuzz tests check that the store's planner accepts what parsers give.
import { IdentityIndex } from '../../../electron/core/library/identity-index.js';
import { recordFromSource, type CatalogView } from '../../../electron/core/library/importer.js';
import type { PaperRecord } from '../../../electron/core/model.js';
import type { SourceResult } from '../../../electron/core/parse/sources/types.js';
import { identityOf } from '../../../electron/core/same-paper.js';
import { titleKey } from '../../../electron/core/text.js';

/** A library view holding every paper of `results` once (by title key), stored as the planner would store them. */
export function libraryOfResults(results: readonly SourceResult[]): CatalogView {
  const papers = new Map<string, PaperRecord>();
  const index = new IdentityIndex();
  const keys = new Set<string>();
  let n = 0;
  for (const result of results) {
    for (const paper of result.papers) {
      const key = titleKey(paper.title);
      if (key === '' || keys.has(key)) continue;
      keys.add(key);
      const id = `p-${String(++n).padStart(12, '0')}`;
      const record = recordFromSource(paper, id, result.source, '2025-01-01T00:00:00.000Z');
      papers.set(id, record);
      index.add(id, identityOf(record, record.key));
    }
  }
  return { paper: (id) => papers.get(id), candidateIds: (identity) => index.candidates(identity), profile: () => undefined };
}

export const EMPTY_VIEW: CatalogView = { paper: () => undefined, candidateIds: () => [], profile: () => undefined };
