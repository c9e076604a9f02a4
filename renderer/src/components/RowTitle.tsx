// A list row's title on one line, cut at the pane's edge. When the search matched past the cut, the row shows the part
// around the match behind a leading "…" (lib/matchWindow.ts), so the user sees why it matched; and while the row is
// hovered or has keyboard focus, a title that does not show whole is drawn whole over the row.
import { useLayoutEffect, useRef, useState } from 'react';
import type { MatchRange } from '../../../electron/core/model.js';
import { LEAD, matchWindowStart, shiftRanges } from '../lib/matchWindow.js';
import { Highlighted } from './Highlighted.js';

interface Props {
  text: string;
  ranges: readonly MatchRange[] | undefined;
  /** The list's width: the window is worked out again when it changes. */
  width: number;
  /** Hovered or keyboard-focused: show the whole title when it is cut. */
  isTipShown: boolean;
  /** The tip grows upwards (a row near the bottom of the list). */
  isTipUp: boolean;
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** Whether a string fits `el`'s width in its font (canvas metrics: no layout per try). */
function fitsIn(el: HTMLElement): (shown: string) => boolean {
  measurer ??= document.createElement('canvas').getContext('2d');
  const available = el.clientWidth;
  if (!measurer) return () => true;
  measurer.font = getComputedStyle(el).font;
  const context = measurer;
  return (shown) => context.measureText(shown).width <= available;
}

export function RowTitle({ text, ranges, width, isTipShown, isTipUp }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  const [from, setFrom] = useState(0);
  const [isCut, setCut] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || width === 0) return;
    setFrom(ranges && ranges.length > 0 ? matchWindowStart(text, ranges, fitsIn(el)) : 0);
  }, [text, ranges, width]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: text and width are triggers: a new title or a resized list may cut it
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setCut(from > 0 || el.scrollWidth > el.clientWidth);
  }, [from, text, width]);

  return (
    <>
      <span ref={ref} className="paper-row-title">
        {from > 0 ? (
          <span className="paper-row-lead" aria-hidden="true">
            {LEAD}
          </span>
        ) : null}
        <Highlighted text={from > 0 ? text.slice(from) : text} ranges={shiftRanges(ranges, from)} />
      </span>
      {isTipShown && isCut ? (
        // The row's accessible name holds the whole title already.
        <span className={`paper-row-tip${isTipUp ? ' up' : ''}`} aria-hidden="true">
          <Highlighted text={text} ranges={ranges} />
        </span>
      ) : null}
    </>
  );
}
