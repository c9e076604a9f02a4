// A paper's authors as one tab stop: Tab enters the list at one author, ←/→ (Home/End) move between them, Enter
// filters by the focused one; the next Tab goes on to Status, Tags and Note instead of through every author.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  authors: readonly string[];
  /** How each author is drawn (with the search's highlight). */
  render: (author: string, index: number) => ReactNode;
  onPick: (author: string) => void;
  /** Shown after the last author ("et al."). */
  trailing?: ReactNode;
}

export function AuthorList({ authors, render, onPick, trailing }: Props) {
  const [active, setActive] = useState(0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const current = Math.min(active, Math.max(0, authors.length - 1));
  const onKeyDown = (event: KeyboardEvent) => {
    const last = authors.length - 1;
    const next = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? Math.min(last, current + 1) : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? Math.max(0, current - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    refs.current[next]?.focus();
  };
  return (
    <p className="detail-authors" role="toolbar" aria-label="Authors" onKeyDown={onKeyDown}>
      {authors.map((author, i) => (
        <span key={`${i}-${author}`}>
          {i > 0 ? ', ' : ''}
          <button
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            className="link-button"
            tabIndex={i === current ? 0 : -1}
            aria-label={`Filter by author ${author}`}
            title={`Show papers by ${author} (adds author: to the search)`}
            onFocus={() => setActive(i)}
            onClick={() => onPick(author)}
          >
            {render(author, i)}
          </button>
        </span>
      ))}
      {trailing}
    </p>
  );
}
