// The paper list's sort orders, said once: the API's type and validator, the sort menu's options and labels,
// and the rule for the order a list gets when none is chosen. Pure, so the renderer bundles it.

export const SORT_KEYS = ['relevance', 'date', 'title', 'added'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Each order's menu label and the direction it starts in (A→Z for words, newest first for dates and scores). */
export const SORT_ORDERS = {
  relevance: { label: 'Relevance', defaultDirection: 'desc' },
  date: { label: 'Date', defaultDirection: 'desc' },
  title: { label: 'Title', defaultDirection: 'asc' },
  added: { label: 'Date added', defaultDirection: 'desc' },
} as const satisfies Record<SortKey, { label: string; defaultDirection: SortDirection }>;

/** The orders kept precomputed over the whole library; relevance is the engine's own ranking. */
export type OrderKey = Exclude<SortKey, 'relevance'>;

export function isSortKey(value: unknown): value is SortKey {
  return (SORT_KEYS as readonly unknown[]).includes(value);
}

export function isSortDirection(value: unknown): value is SortDirection {
  return (SORT_DIRECTIONS as readonly unknown[]).includes(value);
}

/**
 * The order a list takes when the user chose none, or chose relevance for a search without free words (which has no
 * ranking to show): relevance when there is free text to rank by, else date.
 */
export function effectiveSort(chosen: SortKey | null | undefined, hasFreeText: boolean): SortKey {
  if (chosen === 'relevance' && !hasFreeText) return 'date';
  return chosen ?? (hasFreeText ? 'relevance' : 'date');
}

export function effectiveDirection(sort: SortKey, chosen: SortDirection | null | undefined): SortDirection {
  return chosen ?? SORT_ORDERS[sort].defaultDirection;
}
