// The virtualized paper list: a listbox whose options are only the rows in view. Rows come from the
// PageStore a page at a time; rows not loaded yet draw as placeholders of the same height.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { PaperRow } from '../../../electron/core/api.js';
import { shortAuthors } from '../lib/authors.js';
import { formatDate } from '../lib/format.js';
import { itemRanges } from '../lib/highlight.js';
import type { PageStore, PageStoreSnapshot } from '../lib/pageStore.js';
import type { FilterKey } from '../lib/searchSyntax.js';
import { Highlighted } from './Highlighted.js';
import { StatusMark } from './StatusMark.js';

export const ROW_HEIGHT = 58;

interface Props {
  store: PageStore;
  snapshot: PageStoreSnapshot;
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

export function PaperList({ store, snapshot, queryKey, selectedId, tagColors, onSelect, onOpen, onEscape, onFilter, label, ref: scrollRef }: Props) {
  const total = snapshot.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    store.setRange(first, last);
  }, [store, first, last]);

  useLayoutEffect(() => {
    virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the query changes
  }, [queryKey]);

  const selectedIndex = selectedId ? store.indexOf(selectedId) : -1;

  // Keyboard moves to rows whose page may not be loaded yet: remember the index, select when it arrives.
  const pendingIndex = useRef<number | null>(null);
  useEffect(() => {
    if (pendingIndex.current === null) return;
    const row = store.row(pendingIndex.current);
    if (row) {
      pendingIndex.current = null;
      onSelect(row.id);
    }
  }, [snapshot, store, onSelect]);

  const moveTo = useCallback(
    (index: number) => {
      if (total === 0) return;
      const target = Math.max(0, Math.min(total - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const row = store.row(target);
      if (row) {
        pendingIndex.current = null;
        onSelect(row.id);
      } else pendingIndex.current = target;
    },
    [total, virtualizer, store, onSelect],
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

  return (
    <div
      ref={scrollRef}
      className="paper-list"
      role="listbox"
      aria-label={label}
      aria-activedescendant={activeId}
      aria-busy={snapshot.total === null}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="paper-list-spacer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = store.row(item.index);
          return (
            <div
              key={item.key}
              role="presentation"
              className="paper-list-slot"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              {row ? (
                <Row
                  row={row}
                  index={item.index}
                  total={total}
                  selected={row.id === selectedId}
                  tagColors={tagColors}
                  onSelect={onSelect}
                  onOpen={onOpen}
                  onFilter={onFilter}
                />
              ) : (
                <div className="paper-row placeholder" role="option" aria-selected={false} aria-label="Loading…" aria-posinset={item.index + 1} aria-setsize={total}>
                  <span className="skeleton skeleton-title" />
                  <span className="skeleton skeleton-meta" />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

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

function Row({ row, index, total, selected, tagColors, onSelect, onOpen, onFilter }: RowProps) {
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
      aria-label={`${row.title} — ${authorText}, ${row.date}${statusText}`}
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
            <span key={author.index}>
              {i > 0 ? (authors.gapBefore.has(author.index) ? ', … ' : ', ') : ''}
              <Highlighted text={author.name} ranges={itemRanges(row.matches?.authors, author.index)} />
            </span>
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
}
