// Turns a field's text plus [start, end) match ranges into plain/marked segments. Ranges from the core may
// overlap, be unsorted or run past the text (e.g. after an edit): they are clamped and merged here.
import type { MatchRange } from '../../../electron/core/model.js';

export interface Segment {
  text: string;
  marked: boolean;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset that falls between the two halves of a surrogate pair (an emoji…) `by` one unit. */
function codePointBoundary(text: string | undefined, offset: number, by: -1 | 1): number {
  if (text === undefined || offset <= 0 || offset >= text.length) return offset;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)) ? offset + by : offset;
}

/**
 * Clamped to [0, length], sorted, overlapping/touching ranges merged. With `text`, a range that would cut an
 * emoji (a surrogate pair) in half is widened to the whole character, e.g. stale ranges after an edit.
 */
export function normalizeRanges(ranges: readonly MatchRange[] | undefined, length: number, text?: string): Array<[number, number]> {
  if (!ranges || ranges.length === 0) return [];
  const clamped = ranges
    .map(([s, e]): [number, number] => [
      codePointBoundary(text, Math.max(0, Math.min(s, length)), -1),
      codePointBoundary(text, Math.max(0, Math.min(e, length)), 1),
    ])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function segments(text: string, ranges: readonly MatchRange[] | undefined): Segment[] {
  const merged = normalizeRanges(ranges, text.length, text);
  if (merged.length === 0) return [{ text, marked: false }];
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), marked: false });
  return out;
}

/** Ranges for item `index` of a per-item match list (authors, orgs, tags). */
export function itemRanges(
  items: ReadonlyArray<{ index: number; ranges: MatchRange[] }> | undefined,
  index: number,
): MatchRange[] | undefined {
  return items?.find((item) => item.index === index)?.ranges;
}

/**
 * Splits a text made of paragraphs (joined by blank lines) into paragraphs, shifting the ranges so each
 * paragraph's ranges are relative to it.
 */
export function splitParagraphs(
  text: string,
  ranges: readonly MatchRange[] | undefined,
): Array<{ text: string; ranges: MatchRange[] }> {
  const out: Array<{ text: string; ranges: MatchRange[] }> = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  const push = (end: number) => {
    const paragraph = text.slice(start, end);
    const own = normalizeRanges(ranges, text.length, text)
      .filter(([s, e]) => e > start && s < end)
      .map(([s, e]): MatchRange => [Math.max(s, start) - start, Math.min(e, end) - start]);
    if (paragraph.trim() !== '') out.push({ text: paragraph, ranges: own });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}
