// The virtualized paper list: a listbox whose options are only the rows in view. Rows come from the
// PageStore a page at a time; rows not loaded yet draw as placeholders of the same height. Rows have a fixed
// height, so which rows are in view is arithmetic (lib/rowWindow.ts), whatever the number of results.
// While a new query runs the list keeps drawing the previous results (`snapshot` is then the last answered
// one, `busy` is set); when the answer arrives, papers still in view keep their elements (slots are keyed
// by paper) and only the others are drawn anew.
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { PaperRow } from '../../../electron/core/api.js';
import { shortAuthors } from '../lib/authors.js';
import { formatDate } from '../lib/format.js';
import { itemRanges } from '../lib/highlight.js';
import type { PageStore, PageStoreSnapshot } from '../lib/pageStore.js';
import { rowWindow, scrollTopToReveal } from '../lib/rowWindow.js';
import type { FilterKey } from '../lib/searchSyntax.js';
import { Highlighted } from './Highlighted.js';
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
  selectedId: string | null;
  tagColors: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onEscape: () => void;
  onFilter: (key: FilterKey, value: string) => void;
  label: string;
  /** The listbox element (it is also the scroll container). */
  ref: RefObject<HTMLDivElement | null>;
}

export const PaperList = memo(function PaperList({ store, snapshot, busy, queryKey, selectedId, tagColors, onSelect, onOpen, onEscape, onFilter, label, ref: scrollRef }: Props) {
  const total = snapshot.total ?? 0;
  const rows = snapshot.rows;
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 0 });
  const { first, last } = rowWindow(viewport.scrollTop, viewport.height, ROW_HEIGHT, total, OVERSCAN);

  // Track the scroll position and the viewport's height (the first measure before the first paint).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () =>
      setViewport((v) => (v.scrollTop === el.scrollTop && v.height === el.clientHeight ? v : { scrollTop: el.scrollTop, height: el.clientHeight }));
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

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && el.scrollTop !== 0) el.scrollTop = 0;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the query changes
  }, [queryKey]);

  const selectedIndex = selectedId ? rows.indexOf(selectedId) : -1;

  // Keyboard moves to rows whose page may not be loaded yet: remember the index, select when it arrives.
  const pendingIndex = useRef<number | null>(null);
  useEffect(() => {
    if (pendingIndex.current === null) return;
    const row = rows.row(pendingIndex.current);
    if (row) {
      pendingIndex.current = null;
      onSelect(row.id);
    }
  }, [snapshot, rows, onSelect]);

  const moveTo = useCallback(
    (index: number) => {
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
        onSelect(row.id);
      } else pendingIndex.current = target;
    },
    [total, scrollRef, rows, onSelect],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const from = selectedIndex >= 0 ? selectedIndex : -1;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(from < 0 ? first : from + 1);
        break;
      case 'ArrowUp':
        moveTo(from < 0 ? first : from - 1);
        break;
      case 'PageDown':
        moveTo(from < 0 ? first : from + pageRows);
        break;
      case 'PageUp':
        moveTo(from < 0 ? first : from - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
        if (selectedId) onOpen(selectedId);
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
          <Row row={row} index={index} total={total} selected={row.id === selectedId} tagColors={tagColors} onSelect={onSelect} onOpen={onOpen} onFilter={onFilter} />
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
      aria-activedescendant={activeId}
      aria-busy={busy}
      tabIndex={0}
      onKeyDown={onKeyDown}
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
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onFilter: (key: FilterKey, value: string) => void;
}

/** Memoized: a row re-renders only when its paper, position, selection or the tag colours change. */
const Row = memo(function Row({ row, index, total, selected, tagColors, onSelect, onOpen, onFilter }: RowProps) {
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
      onClick={() => onSelect(row.id)}
      onDoubleClick={() => onOpen(row.id)}
    >
      <div className="paper-row-line1">
        <StatusMark status={row.status} />
        <span className="paper-row-title">
          <Highlighted text={row.title} ranges={row.matches?.title} />
        </span>
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
