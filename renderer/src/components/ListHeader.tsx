// The paper list's header: the view's title and count, the sort menu and direction, and the Trash's "Empty Trash…".
import { SORT_KEYS, SORT_ORDERS } from '../../../electron/core/sort-keys.js';
import type { SortKey } from '../../../electron/core/api.js';
import type { SortChoice } from '../hooks/useSortChoice.js';
import { SortArrow } from './Icons.js';

export interface ListHeaderProps {
  title: string;
  /** "12 papers", "3 matches"; "" while the first answer is on its way. */
  count: string;
  sorting: SortChoice;
  /** Relevance is offered only for a search with free words to rank by. */
  hasFreeText: boolean;
  /** Set in the Trash: its "Empty Trash…" button (disabled while the Trash is empty). */
  trash: { count: number; onEmpty(): void } | null;
}

export function ListHeader({ title, count, sorting, hasFreeText, trash }: ListHeaderProps) {
  const { sort, direction } = sorting;
  return (
    <div className="list-header">
      <h1 className="list-title">{title}</h1>
      <span className="list-count" aria-live="polite">
        {count}
      </span>
      <label className="sort">
        <span className="visually-hidden">Sort by</span>
        <select aria-label="Sort by" value={sort} onChange={(event) => sorting.chooseSort(event.target.value as SortKey)}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key} disabled={key === 'relevance' && !hasFreeText}>
              {SORT_ORDERS[key].label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-button sort-direction"
        aria-label={direction === 'asc' ? 'Sort ascending' : 'Sort descending'}
        title={direction === 'asc' ? 'Ascending (click for descending)' : 'Descending (click for ascending)'}
        onClick={() => sorting.setDirection(direction === 'asc' ? 'desc' : 'asc')}
      >
        <SortArrow direction={direction} />
      </button>
      {trash ? (
        <button type="button" className="button danger" onClick={trash.onEmpty} disabled={trash.count === 0}>
          Empty Trash…
        </button>
      ) : null}
    </div>
  );
}
