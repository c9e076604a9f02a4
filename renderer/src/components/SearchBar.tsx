// The always-visible search box with its syntax help and the core's complaints about the query.
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { SearchIcon } from './Icons.js';
import { FILTER_HELP } from '../lib/searchSyntax.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Arrow down / Enter: continue in the list. */
  onLeave: () => void;
  /** Id of the element listing the query's problems, when there are any. */
  errorsId: string | undefined;
  searching: boolean;
}

export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar({ value, onChange, onLeave, errorsId, searching }, ref) {
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!helpOpen) return;
    const close = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setHelpOpen(false);
    };
    document.addEventListener('pointerdown', close, true);
    return () => document.removeEventListener('pointerdown', close, true);
  }, [helpOpen]);

  return (
    <div className="search" ref={wrapRef}>
      <div className={`search-field${searching ? ' searching' : ''}`}>
        <SearchIcon />
        <input
          ref={ref}
          type="search"
          aria-label="Search papers"
          aria-describedby={errorsId}
          aria-invalid={errorsId ? true : undefined}
          placeholder="Search   tag:  author:  year:2020..2024  cat:  status:  profile:"
          value={value}
          spellCheck={false}
          autoComplete="off"
          maxLength={2000}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              if (value) onChange('');
              else onLeave();
            } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              onLeave();
            }
          }}
        />
        <kbd className="search-shortcut" aria-hidden="true">/</kbd>
        <button
          type="button"
          className="icon-button help-button"
          aria-label="Search syntax help"
          aria-expanded={helpOpen}
          aria-controls={helpId}
          onClick={() => setHelpOpen((open) => !open)}
        >
          ?
        </button>
      </div>
      <div
        id={helpId}
        className="popover search-help"
        role="region"
        aria-label="Search syntax"
        hidden={!helpOpen}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            setHelpOpen(false);
          }
        }}
      >
        <p className="popover-title">Words match titles, authors, abstracts, tags and notes; typos are forgiven. Combine with filters:</p>
        <table>
          <tbody>
            {FILTER_HELP.map((row) => (
              <tr key={row.syntax}>
                <td>
                  <code>{row.syntax}</code>
                </td>
                <td>{row.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Filters combine with AND. Press / or Ctrl/⌘+F to search, Esc to clear.</p>
      </div>
    </div>
  );
});
