// What the sort orders read of each paper: its title and date as Folio shows them, the user's corrections laid over the
// imported record (as effective-paper.ts does for rows), so a corrected title or date sorts where it reads.
import type { PaperRecord, UserPaperData } from './model.js';
import type { Sortable } from './sorted-orders.js';
import { titleKey } from './text.js';

export interface SortSource {
  papers(): readonly PaperRecord[];
  userDataView(id: string): Readonly<UserPaperData>;
}

interface Corrected {
  title: string;
  date: string;
}

function correctedOf(paper: Pick<PaperRecord, 'title' | 'date'>, data: Readonly<UserPaperData>): Corrected | undefined {
  const edits = data.edits;
  if (edits === undefined || (edits.title === undefined && edits.date === undefined)) return undefined;
  return { title: edits.title ?? paper.title, date: edits.date ?? paper.date };
}

export class SortFields {
  /** Papers that sorted by a corrected title or date in the last sortables(): id → what they sorted by. */
  private corrected = new Map<string, Corrected>();

  constructor(private readonly source: SortSource) {}

  /** Every paper as the orders read it: the records themselves, but for those with a corrected title or date. */
  sortables(): readonly Sortable[] {
    const papers = this.source.papers();
    this.corrected = new Map();
    let out: Sortable[] | null = null;
    for (let i = 0; i < papers.length; i++) {
      const paper = papers[i] as PaperRecord;
      const corrected = correctedOf(paper, this.source.userDataView(paper.id));
      if (corrected === undefined) {
        out?.push(paper);
        continue;
      }
      out ??= papers.slice(0, i);
      this.corrected.set(paper.id, corrected);
      const key = corrected.title === paper.title ? paper.key : titleKey(corrected.title);
      out.push({ id: paper.id, title: corrected.title, date: corrected.date, addedAt: paper.addedAt, key });
    }
    return out ?? papers;
  }

  /** Whether one of `ids` now has another corrected title or date than the last sortables() read. */
  changedAmong(ids: readonly string[], paperOf: (id: string) => PaperRecord | undefined): boolean {
    for (const id of ids) {
      const was = this.corrected.get(id);
      const paper = paperOf(id);
      const now = paper === undefined ? undefined : correctedOf(paper, this.source.userDataView(id));
      if (was === undefined && now === undefined) continue;
      if (was === undefined || now === undefined || was.title !== now.title || was.date !== now.date) return true;
    }
    return false;
  }
}
