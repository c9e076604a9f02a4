// Every paper's citation key, kept for the library's life: a stored key (PaperRecord.citeKey, given when the paper
// entered the library) or, for a record stored before keys were kept, the first free form of its base given the keys
// of the papers before it in library order. Those records are all older than any keyed one and keep their place in
// the order, so their keys never move: a new paper's key avoids every key in use, and a stored record without one
// gets its computed key written with it when an import rewrites it (before the rewrite can change its base).
import { citationKeyBase, freeCitationKey } from '../export/citation-keys.js';
import type { PaperRecord } from '../model.js';

export class CiteKeys {
  private readonly taken = new Set<string>();
  /** Keys computed for records without one, by paper id. */
  private readonly computed = new Map<string, string>();
  /** Papers before this position in the library order are in `taken`. */
  private builtTo = 0;

  constructor(private readonly papers: () => readonly PaperRecord[]) {}

  /** Takes in the next `count` papers of the library order (Infinity: all). Cheap to call again. */
  extend(count: number): void {
    const papers = this.papers();
    const end = Math.min(papers.length, this.builtTo + count);
    for (let i = this.builtTo; i < end; i++) {
      const paper = papers[i] as PaperRecord;
      let key = paper.citeKey;
      if (key === undefined) {
        key = freeCitationKey(citationKeyBase(paper), (k) => this.taken.has(k));
        this.computed.set(paper.id, key);
      }
      this.taken.add(key);
    }
    this.builtTo = Math.max(this.builtTo, end);
  }

  get isComplete(): boolean {
    return this.builtTo >= this.papers().length;
  }

  /** The key of a stored paper. */
  keyOf(paper: PaperRecord): string {
    if (paper.citeKey !== undefined) return paper.citeKey;
    this.extend(Infinity);
    return this.computed.get(paper.id) ?? freeCitationKey(citationKeyBase(paper), (k) => this.taken.has(k));
  }

  /**
   * The records a commit writes, with their keys: a new paper gets `wanted` (a restored paper's own key) when it is
   * free, else the first free form of its base; a stored paper without a key gets the one computed for it. Pure: the
   * keys are reserved by `committed`, once the records are on disk.
   */
  assign(added: readonly PaperRecord[], improved: readonly PaperRecord[], wanted?: (paper: PaperRecord) => string | undefined): PaperRecord[] {
    this.extend(Infinity);
    const claimed = new Set<string>();
    const isTaken = (key: string): boolean => this.taken.has(key) || claimed.has(key);
    const keyed = (paper: PaperRecord, key: string): PaperRecord => {
      claimed.add(key);
      return paper.citeKey === key ? paper : { ...paper, citeKey: key };
    };
    const out: PaperRecord[] = [];
    for (const paper of added) {
      const own = wanted?.(paper);
      out.push(keyed(paper, own !== undefined && !isTaken(own) ? own : freeCitationKey(citationKeyBase(paper), isTaken)));
    }
    for (const paper of improved) out.push(paper.citeKey !== undefined ? paper : keyed(paper, this.keyOf(paper)));
    return out;
  }

  /** Records the keys of records now on disk (new papers are appended to the library order). */
  committed(records: readonly PaperRecord[]): void {
    for (const record of records) if (record.citeKey !== undefined) this.taken.add(record.citeKey);
  }
}
