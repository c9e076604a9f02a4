// Long work on the Electron main process, cut into slices: the main process also answers IPC, so no step that
// grows with the library may hold the event loop for long. Every background job of the core (index build and
// restore, filter fill, the indexing that follows an import, abstracts, checksums) takes its turns this way.

/** One turn of the event loop: pending I/O and IPC callbacks run before the caller continues. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How long one slice of background work may run before it yields (ms). */
export const SLICE_MS = 8;

/**
 * Calls `visit` on each item, ~`sliceMs` at a time with a yield to the event loop between slices. `items` may
 * be produced lazily (a generator reads the current state when each item's turn comes). Resolves true when
 * every item was visited, false when `shouldStop` (asked between slices) ended it early.
 */
export async function inSlices<T>(
  items: Iterable<T>,
  visit: (item: T) => void,
  shouldStop: () => boolean = () => false,
  sliceMs = SLICE_MS,
): Promise<boolean> {
  const it = items[Symbol.iterator]();
  for (;;) {
    const until = performance.now() + sliceMs;
    do {
      const next = it.next();
      if (next.done === true) return true;
      visit(next.value);
    } while (performance.now() < until);
    if (shouldStop()) return false;
    await yieldToEventLoop();
  }
}
