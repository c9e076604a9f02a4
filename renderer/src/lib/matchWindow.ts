// Where a one-line text cut at the pane's edge should start so that its first match shows: from the start when the
// match fits, else from a word a little before the match behind a leading "…" (as much context as still fits), so a
// row shows why it matched. Widths come from the caller (canvas text metrics in the list), so this stays pure.
import type { MatchRange } from '../../../electron/core/model.js';
import { normalizeRanges } from './highlight.js';

export const LEAD = '…';

/** Word starts at or before `end` (where a window may begin), earliest first. */
function wordStarts(text: string, end: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < end; i++) if (/\S/.test(text[i]!) && (i === 0 || /\s/.test(text[i - 1]!))) starts.push(i);
  return starts;
}

/**
 * The offset the shown text starts at: 0 when the first match ends within what fits (or there is none), else the
 * earliest word start before the match for which "…" plus the text up to the match's end fits, else the match itself.
 */
export function matchWindowStart(text: string, ranges: readonly MatchRange[] | undefined, fits: (shown: string) => boolean): number {
  const first = normalizeRanges(ranges, text.length, text)[0];
  if (!first) return 0;
  const [start, end] = first;
  if (fits(text.slice(0, end))) return 0;
  for (const from of wordStarts(text, start + 1)) {
    if (from > 0 && fits(LEAD + text.slice(from, end))) return from;
  }
  return start;
}

/** The ranges of `text.slice(from)` (each moved left by `from`, those before it dropped). */
export function shiftRanges(ranges: readonly MatchRange[] | undefined, from: number): MatchRange[] | undefined {
  if (!ranges || from === 0) return ranges ? [...ranges] : undefined;
  return ranges.filter(([, e]) => e > from).map(([s, e]): MatchRange => [Math.max(0, s - from), e - from]);
}
