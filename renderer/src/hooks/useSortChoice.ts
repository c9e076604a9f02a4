// The sort the user chose for the paper list (kept across sessions; null = the core's default) and the one shown.
import type { SortDirection, SortKey } from '../../../electron/core/api.js';
import { effectiveDirection, effectiveSort, isSortDirection, isSortKey } from '../../../electron/core/sort-keys.js';
import { usePersistentState } from './usePersistentState.js';

const isChosenSort = (v: unknown): v is SortKey | null => v === null || isSortKey(v);
const isChosenDirection = (v: unknown): v is SortDirection | null => v === null || isSortDirection(v);

export interface SortChoice {
  sort: SortKey;
  direction: SortDirection;
  /** A new order starts in its own direction. */
  chooseSort(key: SortKey): void;
  setDirection(direction: SortDirection): void;
}

export function useSortChoice(hasFreeText: boolean): SortChoice {
  const [sort, setSort] = usePersistentState<SortKey | null>('folio.sort', null, isChosenSort);
  const [direction, setDirection] = usePersistentState<SortDirection | null>('folio.direction', null, isChosenDirection);
  const shownSort = effectiveSort(sort, hasFreeText);
  return {
    sort: shownSort,
    direction: effectiveDirection(shownSort, direction),
    chooseSort: (key) => {
      setSort(key);
      setDirection(null);
    },
    setDirection,
  };
}
