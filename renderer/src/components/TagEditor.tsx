// Tags of one paper: chips (click = filter by tag, × = remove with Undo) and an "Add tag" combobox that
// autocompletes from the library's tags; Enter adds the highlighted suggestion or creates a new tag.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TagSummary } from '../../../electron/core/api.js';
import { plural } from '../lib/format.js';
import type { FilterKey } from '../lib/searchSyntax.js';

interface Props {
  tags: readonly string[];
  allTags: readonly TagSummary[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
  onFilter: (key: FilterKey, value: string) => void;
}

export function TagEditor({ tags, allTags, onAdd, onRemove, onFilter }: Props) {
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  // -1: nothing highlighted, Enter adds exactly what was typed.
  const [active, setActive] = useState(-1);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const colors = useMemo(() => new Map(allTags.map((t) => [t.name, t.color])), [allTags]);

  const suggestions = useMemo(() => {
    const q = input.trim().toLowerCase();
    const own = new Set(tags.map((t) => t.toLowerCase()));
    const candidates = allTags.filter((t) => !own.has(t.name.toLowerCase()));
    if (!q) return candidates.slice(0, 8);
    const starts = candidates.filter((t) => t.name.toLowerCase().startsWith(q));
    const contains = candidates.filter((t) => !t.name.toLowerCase().startsWith(q) && t.name.toLowerCase().includes(q));
    return [...starts, ...contains].slice(0, 8);
  }, [input, tags, allTags]);

  const trimmed = input.trim();
  const exists = allTags.some((t) => t.name.toLowerCase() === trimmed.toLowerCase());
  const showCreate = trimmed !== '' && !exists && !tags.some((t) => t.toLowerCase() === trimmed.toLowerCase());
  // Options: suggestions, then "Create …" when the text is new.
  const optionCount = suggestions.length + (showCreate ? 1 : 0);
  const expanded = open && optionCount > 0;
  const activeIndex = Math.min(active, optionCount - 1);

  const add = (name: string) => {
    const typed = name.trim();
    if (!typed) return;
    // Reuse an existing tag's spelling ("ml" typed, "ML" exists → "ML").
    const tag = allTags.find((t) => t.name.toLowerCase() === typed.toLowerCase())?.name ?? typed;
    if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) onAdd(tag);
    setInput('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      setOpen(true);
      setActive((i) => (optionCount ? (i + 1) % optionCount : -1));
    } else if (event.key === 'ArrowUp') {
      setOpen(true);
      setActive((i) => (optionCount ? (i <= 0 ? optionCount - 1 : i - 1) : -1));
    } else if (event.key === 'Enter' || (event.key === ',' && trimmed)) {
      if (expanded && activeIndex >= 0 && activeIndex < suggestions.length && event.key === 'Enter') {
        const pick = suggestions[activeIndex];
        if (pick) add(pick.name);
      } else add(input);
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else if (input) setInput('');
      else return; // let it bubble (clears selection etc.)
      event.stopPropagation();
    } else return;
    event.preventDefault();
  };

  return (
    <div className="tag-editor">
      <ul className="tag-chips" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <button type="button" className="tag-chip-name" title={`Show papers tagged “${tag}”`} onClick={() => onFilter('tag', tag)}>
              <span className="tag-dot" style={{ backgroundColor: colors.get(tag) ?? 'var(--muted)' }} aria-hidden="true" />
              {tag}
            </button>
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tag}`} title="Remove tag" onClick={() => onRemove(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="combobox">
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label="Add tag"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          placeholder="Add tag…"
          value={input}
          maxLength={100}
          onChange={(event) => {
            setInput(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Tag suggestions" className="combobox-list" hidden={!expanded}>
          {suggestions.map((tag, i) => (
            <li
              key={tag.name}
              id={`${listId}-${i}`}
              role="option"
              aria-label={`${tag.name}, ${plural(tag.count, 'paper')}`}
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault(); // keep focus in the input
                add(tag.name);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="tag-dot" style={{ backgroundColor: tag.color }} aria-hidden="true" />
              <span className="option-label">{tag.name}</span>
              <span className="option-count">{tag.count}</span>
            </li>
          ))}
          {showCreate ? (
            <li
              id={`${listId}-${suggestions.length}`}
              role="option"
              aria-selected={activeIndex === suggestions.length}
              className={activeIndex === suggestions.length ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                add(input);
              }}
              onMouseEnter={() => setActive(suggestions.length)}
            >
              <span className="option-label">
                Create tag “{trimmed}”
              </span>
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}
