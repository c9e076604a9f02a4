import type { MatchRange } from '../../../electron/core/model.js';
import { segments } from '../lib/highlight.js';

/** Text with the matched ranges wrapped in <mark>. Always text nodes: imported data stays inert. */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly MatchRange[] | undefined }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  return (
    <>
      {segments(text, ranges).map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
