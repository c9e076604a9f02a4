// The virtualized paper list: a listbox whose options are only the rows in view. Rows come from the
// PageStore a page at a time; rows not loaded yet draw as placeholders of the same height. Rows have a fixed
// height, so which rows are in view is arithmetic (lib/rowWindow.ts), whatever the number of results.
// While a new query runs the list keeps drawing the previous results (`snapshot` is then the last answered
// one, `busy` is set); when the answer arrives, papers still in view keep their elements (slots are keyed
// by paper) and only the others are drawn anew. Click, Shift+click, Ctrl/Cmd+click and Ctrl/Cmd+A select
// (lib/selection.ts); the Menu key, Shift+F10 or a right click open the rows' context menu.
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { PaperRow } from '../../../electron/core/api.js';
import { shortAuthors } from '../lib/authors.js';
import { formatDate } from '../lib/format.js';
import { itemRanges } from '../lib/highlight.js';
import type { PageStore, PageStoreSnapshot } from '../lib/pageStore.js';
import { rowWindow, scrollTopToReveal } from '../lib/rowWindow.js';
import type { FilterKey } from '../lib/searchSyntax.js';
import { isSelected, type SelectionState } from '../lib/selection.js';
import { isContextMenuKey } from '../lib/shortcuts.js';
import type { PickHow } from '../hooks/useSelection.js';
import { Highlighted } from './Highlighted.js';
import { RowTitle } from './RowTitle.js';
import { StatusMark } from './StatusMark.js';

export const ROW_HEIGHT = 58;
/** Rows drawn beyond each edge of the viewport, so scrolling does not show blank slots. */
const OVERSCAN = 6;

interface Props {
  store: PageStore;
  /** The results drawn: the store's latest snapshot, or the previous query's while a new one runs. */
  snapshot: PageStoreSnapshot;
  /** A new query is running (its results are not in yet). */
  busy: boolean;
  /** Changes when the query changes: the list scrolls back to the top. */
  queryKey: string;
  selection: SelectionState;
  tagColors: ReadonlyMap<string, string>;
  onPick: (id: string, index: number, how: PickHow) => void;
  onSelectAll: () => void;
  /** Opens the rows' context menu at this point of the window. */
  onContextMenu: (at: { x: number; y: number }) => void;
  onOpen: (id: string) => void;
  onEscape: () => void;
  onFilter: (key: FilterKey, value: string) => void;
  label: string;
  /** The listbox element (it is also the scroll container). */
  ref: RefObject<HTMLDivElement | null>;
}

export const PaperList = memo(function PaperList({ store, snapshot, busy, queryKey, selection, tagColors, onPick, onSelectAll, onContextMenu, onOpen, onEscape, onFilter, label, ref: scrollRef }: Props) {
  const total = snapshot.total ?? 0;
  const rows = snapshot.rows;
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 0, width: 0 });
  const tip = useTitleTip();
  const { first, last } = rowWindow(viewport.scrollTop, viewport.height, ROW_HEIGHT, total, OVERSCAN);

  // Track the scroll position and the viewport's height (the first measure before the first paint).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () =>
      setViewport((v) =>
        v.scrollTop === el.scrollTop && v.height === el.clientHeight && v.width === el.clientWidth ? v : { scrollTop: el.scrollTop, height: el.clientHeight, width: el.clientWidth },
      );
    read();
    el.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [scrollRef]);

  useEffect(() => {
    if (last >= first) store.setRange(first, last);
  }, [store, first, last]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: back to the top only when the query changes
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && el.scrollTop !== 0) el.scrollTop = 0;
  }, [queryKey]);

  const focusId = selection.focusId;
  const selectedIndex = focusId ? rows.indexOf(focusId) : -1;

  // Keyboard moves to rows whose page may not be loaded yet: remember the index, select when it arrives.
  const pendingIndex = useRef<{ index: number; how: PickHow } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new snapshot (a page arrived) is the trigger
  useEffect(() => {
    const pending = pendingIndex.current;
    if (pending === null) return;
    const row = rows.row(pending.index);
    if (row) {
      pendingIndex.current = null;
      onPick(row.id, pending.index, pending.how);
    }
  }, [snapshot, rows, onPick]);

  const moveTo = useCallback(
    (index: number, how: PickHow = 'only') => {
      if (total === 0) return;
      const target = Math.max(0, Math.min(total - 1, index));
      const el = scrollRef.current;
      if (el) {
        const top = scrollTopToReveal(target, el.scrollTop, el.clientHeight, ROW_HEIGHT);
        if (top !== el.scrollTop) el.scrollTop = top;
      }
      const row = rows.row(target);
      if (row) {
        pendingIndex.current = null;
        onPick(row.id, target, how);
      } else pendingIndex.current = { index: target, how };
    },
    [total, scrollRef, rows, onPick],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    tip.onKey();
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const from = selectedIndex >= 0 ? selectedIndex : -1;
    // Shift+arrows extend the selection from its anchor, as Shift+click does.
    const how: PickHow = event.shiftKey ? 'range' : 'only';
    if (isContextMenuKey(event)) {
      event.preventDefault();
      const el = scrollRef.current;
      const rect = el?.getBoundingClientRect();
      const top = rect ? rect.top + (from >= 0 ? from * ROW_HEIGHT - el!.scrollTop + ROW_HEIGHT / 2 : 0) : 0;
      onContextMenu({ x: rect ? rect.left + 24 : 0, y: Math.max(rect?.top ?? 0, top) });
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectAll();
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        moveTo(from < 0 ? first : from + 1, how);
        break;
      case 'ArrowUp':
        moveTo(from < 0 ? first : from - 1, how);
        break;
      case 'PageDown':
        moveTo(from < 0 ? first : from + pageRows, how);
        break;
      case 'PageUp':
        moveTo(from < 0 ? first : from - pageRows, how);
        break;
      case 'Home':
        moveTo(0, how);
        break;
      case 'End':
        moveTo(total - 1, how);
        break;
      case 'Enter':
        if (focusId) onOpen(focusId);
        else return;
        break;
      case 'Escape':
        onEscape();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const activeId = selectedIndex >= 0 ? `paper-option-${selectedIndex}` : undefined;
  // The whole title of the hovered row, else of the row keyboard focus is on.
  const tipIndex = tip.hovered ?? (tip.isKeyboardFocus ? selectedIndex : -1);

  // Slots are keyed by paper, not by position: when results change, an element keeps showing the same paper
  // (a click aimed at a row cannot land on another paper that took its place), and papers that stay in the
  // results keep their DOM and only move. A paper seen twice (pages from before and after a refresh) falls
  // back to a positional key.
  const slots = [];
  const keys = new Set<string>();
  for (let index = first; index <= last; index++) {
    const row = rows.row(index);
    let key = row ? row.id : `#${index}`;
    if (keys.has(key)) key = `${key}#${index}`;
    keys.add(key);
    slots.push(
      <div key={key} role="presentation" className="paper-list-slot" style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}>
        {row ? (
          <Row
            row={row}
            index={index}
            total={total}
            selected={isSelected(selection, row.id)}
            tagColors={tagColors}
            width={viewport.width}
            tip={index === tipIndex ? (index * ROW_HEIGHT - viewport.scrollTop > viewport.height - 2 * ROW_HEIGHT ? 'up' : 'down') : null}
            onHover={tip.onHover}
            onPick={onPick}
            onOpen={onOpen}
            onFilter={onFilter}
            onContextMenu={onContextMenu}
          />
        ) : (
          <div className="paper-row placeholder" role="option" aria-selected={false} aria-label="Loading…" aria-posinset={index + 1} aria-setsize={total}>
            <span className="skeleton skeleton-title" />
            <span className="skeleton skeleton-meta" />
          </div>
        )}
      </div>,
    );
  }

  return (
    <div
      ref={scrollRef}
      className="paper-list"
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      aria-activedescendant={activeId}
      aria-busy={busy}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onMouseDown={tip.onMouseDown}
      onFocus={tip.onFocus}
      onBlur={tip.onBlur}
    >
      <div role="presentation" className="paper-list-spacer" style={{ height: total * ROW_HEIGHT }}>
        {slots}
      </div>
    </div>
  );
});

interface RowProps {
  row: PaperRow;
  index: number;
  total: number;
  selected: boolean;
  tagColors: ReadonlyMap<string, string>;
  /** The list's width (the title's match window depends on it). */
  width: number;
  /** Draw the whole title over the row (when cut), growing down or up; null: not this row. */
  tip: 'down' | 'up' | null;
  onHover: (index: number | null) => void;
  onPick: (id: string, index: number, how: PickHow) => void;
  onOpen: (id: string) => void;
  onFilter: (key: FilterKey, value: string) => void;
  onContextMenu: (at: { x: number; y: number }) => void;
}

/** Memoized: a row re-renders only when its paper, position, selection or the tag colours change. */
const Row = memo(function Row({ row, index, total, selected, tagColors, width, tip, onHover, onPick, onOpen, onFilter, onContextMenu }: RowProps) {
  const matchedAuthors = row.matches?.authors?.map((a) => a.index) ?? [];
  const authors = shortAuthors(row.authors, row.authorsTruncated, matchedAuthors);
  const authorText = authors.items.map((a) => a.name).join(', ') + (authors.etAl ? ' et al.' : '');
  const statusText = row.status === 'unread' ? '' : `, ${row.status}`;
  const chipClick = (event: MouseEvent, tag: string) => {
    event.stopPropagation();
    onFilter('tag', tag);
  };
  return (
    <div
      id={`paper-option-${index}`}
      className={`paper-row status-${row.status}${selected ? ' selected' : ''}`}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-label={`${row.title} — ${authorText}, ${row.date}${statusText}${row.tags.length > 0 ? `; tagged ${row.tags.join(', ')}` : ''}${row.hasNote ? '; has a note' : ''}`}
      onClick={(event) => onPick(row.id, index, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only')}
      onMouseDown={(event) => {
        if (event.shiftKey) event.preventDefault(); // a Shift+click selects rows, not the text between them
      }}
      onDoubleClick={() => onOpen(row.id)}
      onMouseEnter={() => onHover(index)}
      onMouseLeave={() => onHover(null)}
      onContextMenu={(event) => {
        event.preventDefault();
        // A right click outside the selection selects that row first (as file managers do).
        if (!selected) onPick(row.id, index, 'only');
        onContextMenu({ x: event.clientX, y: event.clientY });
      }}
    >
      <div className="paper-row-line1">
        <StatusMark status={row.status} />
        <RowTitle text={row.title} ranges={row.matches?.title} width={width} isTipShown={tip !== null} isTipUp={tip === 'up'} />
        <span className="paper-row-date" title={row.date}>
          {formatDate(row.date)}
        </span>
      </div>
      <div className="paper-row-line2">
        <span className="paper-row-authors">
          {authors.items.map((author, i) => (
            <Fragment key={author.index}>
              {i > 0 ? (authors.gapBefore.has(author.index) ? ', … ' : ', ') : ''}
              <Highlighted text={author.name} ranges={itemRanges(row.matches?.authors, author.index)} />
            </Fragment>
          ))}
          {authors.etAl ? <span className="et-al"> et al.</span> : null}
        </span>
        <span className="paper-row-badges">
          {row.hasNote ? (
            <span className="note-mark" title="Has a note" aria-hidden="true">
              ✎
            </span>
          ) : null}
          {row.tags.slice(0, 3).map((tag, i) => (
            <span
              key={tag}
              className="tag-chip small"
              title={`Show papers tagged “${tag}”`}
              onClick={(event) => chipClick(event, tag)}
            >
              <span className="tag-dot" style={{ backgroundColor: tagColors.get(tag) ?? 'var(--muted)' }} />
              <span className="tag-chip-label">
                <Highlighted text={tag} ranges={itemRanges(row.matches?.tags, i)} />
              </span>
            </span>
          ))}
          {row.tags.length > 3 ? <span className="tag-more">+{row.tags.length - 3}</span> : null}
          {row.category ? <span className="category-badge">{row.category}</span> : null}
        </span>
      </div>
    </div>
  );
});

/** How long the pointer rests on a row before its whole title shows (passing over rows shows nothing). */
const HOVER_DELAY_MS = 300;

/**
 * Which row shows its whole title: the one the pointer rests on, or, while the list has focus from the keyboard (Tab,
 * arrows), the focused one; a mouse press hands it back to the pointer.
 */
function useTitleTip() {
  const [hovered, setHovered] = useState<number | null>(null);
  const [isKeyboardFocus, setKeyboardFocus] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pressing = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onHover = useCallback((index: number | null) => {
    clearTimeout(timer.current);
    if (index === null) setHovered(null);
    else timer.current = setTimeout(() => setHovered(index), HOVER_DELAY_MS);
  }, []);
  return {
    hovered,
    isKeyboardFocus,
    onHover,
    onKey: () => setKeyboardFocus(true),
    onMouseDown: () => {
      pressing.current = true;
      setKeyboardFocus(false);
      requestAnimationFrame(() => (pressing.current = false));
    },
    onFocus: () => setKeyboardFocus(!pressing.current),
    onBlur: () => setKeyboardFocus(false),
  };
}
