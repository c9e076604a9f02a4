// The always-visible search box with its syntax help and the core's complaints about the query.
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { SearchIcon } from './Icons.js';
import { FILTER_HELP } from '../lib/searchSyntax.js';

/**
 * The core's complaints about the query, one line. Its "did you mean tag:"to read"?" (an unquoted tag name) becomes a
 * button that fixes the search; `fix` is that search, worked out here from the same tag names.
 */
export function QueryErrors({ id, errors, fix, onFix }: { id: string; errors: readonly string[]; fix: string | null; onFix: (search: string) => void }) {
  const suggestion = (error: string) => (fix === null ? null : /^(.*did you mean )(.+)\?$/i.exec(error));
  const lines = fix !== null && !errors.some((e) => suggestion(e)) ? [...errors, `did you mean ${fix}?`] : errors;
  if (lines.length === 0) return null;
  return (
    <p id={id} className="query-errors" role="status">
      {lines.map((error, i) => {
        const match = suggestion(error);
        return (
          <span key={i}>
            {i > 0 ? ' · ' : ''}
            {match ? (
              <>
                {match[1]}
                <button type="button" className="link-button" onClick={() => onFix(fix!)}>
                  {match[2]}
                </button>
                ?
              </>
            ) : (
              error
            )}
          </span>
        );
      })}
    </p>
  );
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Arrow down / Enter: continue in the list. */
  onLeave: () => void;
  /** Id of the element listing the query's problems, when there are any. */
  errorsId: string | undefined;
  searching: boolean;
  /** "Save search…": names the search and the sidebar's scope; undefined when there is nothing to save. */
  onSave: (() => void) | undefined;
}

export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar({ value, onChange, onLeave, errorsId, searching, onSave }, ref) {
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
      <button type="button" className="button save-search-button" onClick={onSave} disabled={!onSave} title="Keep this search and the sidebar’s view in the sidebar">
        Save search…
      </button>
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
        <p className="muted">Filters and words combine with AND unless joined by OR. Quote a tag name with spaces. Press / or Ctrl/⌘+F to search, Esc to clear.</p>
      </div>
    </div>
  );
});
