// Windowing for a list of fixed-height rows: which rows to draw for a scroll position, and where to scroll
// to bring a row into view. Constant time whatever the row count (a general virtualizer that supports
// variable heights walks every row when the count changes: ~100k steps per query at 100k papers).

export interface RowWindow {
  /** First row to draw (inclusive). */
  first: number;
  /** Last row to draw (inclusive); last < first when there is nothing to draw. */
  last: number;
}

/** The rows intersecting [scrollTop, scrollTop + viewportHeight), widened by `overscan` rows each side. */
export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop);
  const firstVisible = Math.min(count - 1, Math.floor(top / rowHeight));
  const lastVisible = Math.min(count - 1, Math.max(firstVisible, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) - 1));
  return { first: Math.max(0, firstVisible - overscan), last: Math.min(count - 1, lastVisible + overscan) };
}

/**
 * The scrollTop that shows row `index` whole, moving as little as possible ("nearest"): unchanged when it
 * is already fully visible, else the row aligned to the top or the bottom edge.
 */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const start = index * rowHeight;
  const end = start + rowHeight;
  if (start < scrollTop) return start;
  if (end > scrollTop + viewportHeight) return Math.max(0, end - viewportHeight);
  return scrollTop;
}
