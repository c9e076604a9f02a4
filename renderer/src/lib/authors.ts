// How a list row shortens an author list: the first few names, plus any matched author further down (so a
// search for "hussenot" shows why the row matched), then "et al." when names are hidden.

export interface AuthorItem {
  name: string;
  /** Index into the full author array (for match ranges and clicks). */
  index: number;
}

export interface ShortAuthors {
  items: AuthorItem[];
  /** Names were left out between shown items (a "…" goes before the first item after the gap). */
  gapBefore: Set<number>;
  etAl: boolean;
}

export function shortAuthors(
  authors: readonly string[],
  truncated: boolean,
  matchedIndexes: readonly number[] = [],
  first = 3,
): ShortAuthors {
  const shown = new Set<number>();
  for (let i = 0; i < Math.min(first, authors.length); i++) shown.add(i);
  for (const i of matchedIndexes) if (i >= 0 && i < authors.length) shown.add(i);
  const indexes = [...shown].sort((a, b) => a - b);
  const gapBefore = new Set<number>();
  let previous = -1;
  for (const i of indexes) {
    if (i > previous + 1) gapBefore.add(i);
    previous = i;
  }
  const last = indexes[indexes.length - 1] ?? -1;
  return {
    items: indexes.map((index) => ({ name: authors[index] ?? '', index })),
    gapBefore,
    etAl: truncated || last < authors.length - 1,
  };
}
