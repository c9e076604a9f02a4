// Papers by what same-paper.ts matches on: DOI, arXiv id, title key, and the first words of the title key (for titles
// cut short with "…"). The store keeps one over the library (filled after open in slices, kept up to date by imports),
// and the planner one over the papers of the import it plans. Lookups give candidates only: an entry may be stale (a
// title replaced by a richer one keeps its old key here), so the planner checks each one with matchReason.
import { keyPrefix, type PaperIdentity } from '../same-paper.js';

/** Key -> ids; a lone id is kept unboxed (almost every key has one paper: 100k arrays cost memory for nothing). */
type Ids = Map<string, string | string[]>;

function add(index: Ids, key: string, id: string): void {
  const held = index.get(key);
  if (held === undefined) index.set(key, id);
  else if (typeof held === 'string') {
    if (held !== id) index.set(key, [held, id]);
  } else if (!held.includes(id)) held.push(id);
}

function collect(index: Ids, key: string | null, into: Set<string>): void {
  if (key === null) return;
  const held = index.get(key);
  if (held === undefined) return;
  if (typeof held === 'string') into.add(held);
  else for (const id of held) into.add(id);
}

export class IdentityIndex {
  private readonly byKey: Ids = new Map();
  private readonly byDoi: Ids = new Map();
  private readonly byArxivId: Ids = new Map();
  /** Every paper by the first words of its key: where a cut title looks for the full one. */
  private readonly byKeyPrefix: Ids = new Map();
  /** Papers whose title is cut, by the first words of their key: where a full title looks for its cut form. */
  private readonly cutByKeyPrefix: Ids = new Map();

  add(id: string, identity: PaperIdentity): void {
    add(this.byKey, identity.key, id);
    const prefix = keyPrefix(identity.key);
    add(this.byKeyPrefix, prefix, id);
    if (identity.titleCut) add(this.cutByKeyPrefix, prefix, id);
    if (identity.doi !== null) add(this.byDoi, identity.doi, id);
    if (identity.arxivId !== null) add(this.byArxivId, identity.arxivId, id);
  }

  /**
   * Ids of the papers that may be the same as `identity`: the same DOI, arXiv id or title key, and the papers one of
   * the two titles may be cut from (first words alike). A full title meets only cut ones there: the first words of
   * titles are shared by hundreds of papers ("a survey of"), and only a cut makes them a candidate.
   */
  candidates(identity: PaperIdentity): Set<string> {
    const ids = new Set<string>();
    collect(this.byDoi, identity.doi, ids);
    collect(this.byArxivId, identity.arxivId, ids);
    collect(this.byKey, identity.key, ids);
    collect(identity.titleCut ? this.byKeyPrefix : this.cutByKeyPrefix, keyPrefix(identity.key), ids);
    return ids;
  }
}
