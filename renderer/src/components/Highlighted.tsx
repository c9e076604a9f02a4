import type { MatchRange } from '../../../electron/core/model.js';
import { segments } from '../lib/highlight.js';

/**
 * Text with the matched ranges wrapped in <mark>; the text between marks stays bare text (no wrapper
 * element: the list redraws many of these per query). Always text nodes: imported data stays inert.
 */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly MatchRange[] | undefined }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  return <>{segments(text, ranges).map((segment, i) => (segment.marked ? <mark key={i}>{segment.text}</mark> : segment.text))}</>;
}
