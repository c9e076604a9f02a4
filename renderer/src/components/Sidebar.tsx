// Library navigation: all papers, reading status, profiles, tags (with the tag actions menu).
import { memo, useState, type MouseEvent, type ReactNode } from 'react';
import type { LibraryOverview, TagSummary } from '../../../electron/core/api.js';
import type { ReadingStatus } from '../../../electron/core/model.js';
import { formatNumber, plural } from '../lib/format.js';
import { sameScope, type Scope } from '../lib/scope.js';
import { TagActions, TagRenameInput } from './TagActions.js';

/** A sidebar entry a context menu acts on (tags and saved searches have their own menus). */
export type SidebarItem =
  | { kind: 'all' | 'trash' | 'duplicates' }
  | { kind: 'status'; status: ReadingStatus }
  | { kind: 'profile'; id: string; name: string };

interface Props {
  overview: LibraryOverview | null;
  scope: Scope;
  onScope: (scope: Scope) => void;
  /** "Possible duplicates (N)": shown while N is known and above 0 (or while that view is open). */
  duplicateCount: number | null;
  /** Right-click (or the context-menu key) on an entry other than a tag or saved search. */
  onContextMenu?: (item: SidebarItem, event: MouseEvent) => void;
}

/** Memoized: typing in the search box re-renders App, and the sidebar (hundreds of items) need not follow. */
export const Sidebar = memo(function Sidebar({ overview, scope, onScope, duplicateCount, onContextMenu }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const counts = overview?.statusCounts;
  const menu = (item: SidebarItem) => (onContextMenu ? (event: MouseEvent) => onContextMenu(item, event) : undefined);
  return (
    <nav className="sidebar" aria-label="Library">
      <ul className="sidebar-list" aria-label="Library views">
        <Item scope={{ kind: 'all' }} current={scope} onScope={onScope} icon={<span className="icon-all" aria-hidden="true" />} label="All papers" count={overview?.paperCount} onContextMenu={menu({ kind: 'all' })} />
        <Item scope={{ kind: 'status', status: 'unread' }} current={scope} onScope={onScope} icon={<span className="status-mark unread" aria-hidden="true" />} label="Unread" count={counts?.unread} onContextMenu={menu({ kind: 'status', status: 'unread' })} />
        <Item scope={{ kind: 'status', status: 'reading' }} current={scope} onScope={onScope} icon={<span className="status-mark reading" aria-hidden="true" />} label="Reading" count={counts?.reading} onContextMenu={menu({ kind: 'status', status: 'reading' })} />
        <Item scope={{ kind: 'status', status: 'read' }} current={scope} onScope={onScope} icon={<span className="status-mark read" aria-hidden="true" />} label="Read" count={counts?.read} onContextMenu={menu({ kind: 'status', status: 'read' })} />
      </ul>

      <h2 className="sidebar-heading" id="sidebar-profiles">Profiles</h2>
      {overview && overview.profiles.length === 0 ? <p className="sidebar-empty">No profiles yet</p> : null}
      <ul className="sidebar-list" aria-labelledby="sidebar-profiles">
        {overview?.profiles.map((profile) => (
          <Item
            key={profile.id}
            scope={{ kind: 'profile', id: profile.id }}
            current={scope}
            onScope={onScope}
            icon={<span className="avatar" aria-hidden="true">{initials(profile.name)}</span>}
            label={profile.name}
            count={profile.paperCount}
            onContextMenu={menu({ kind: 'profile', id: profile.id, name: profile.name })}
          />
        ))}
      </ul>

      <h2 className="sidebar-heading" id="sidebar-tags">Tags</h2>
      {overview && overview.tags.length === 0 ? (
        <p className="sidebar-empty">No tags yet. Add one in a paper’s details.</p>
      ) : null}
      <ul className="sidebar-list" aria-labelledby="sidebar-tags">
        {overview?.tags.map((tag, i) =>
          renaming === tag.name ? (
            <li key={tag.name} className="sidebar-row">
              <TagRenameInput tag={tag} existing={overview.tags} onDone={(newName) => {
                setRenaming(null);
                if (newName && scope.kind === 'tag' && scope.name === tag.name) onScope({ kind: 'tag', name: newName });
              }} />
            </li>
          ) : (
            <TagItem key={tag.name} tag={tag} index={i} scope={scope} onScope={onScope} onRename={() => setRenaming(tag.name)} />
          ),
        )}
      </ul>

      <ul className="sidebar-list sidebar-footer" aria-label="Housekeeping">
        {duplicateCount !== null && (duplicateCount > 0 || scope.kind === 'duplicates') ? (
          <Item scope={{ kind: 'duplicates' }} current={scope} onScope={onScope} icon={<span className="icon-duplicates" aria-hidden="true" />} label={`Possible duplicates (${formatNumber(duplicateCount)})`} count={undefined} onContextMenu={menu({ kind: 'duplicates' })} />
        ) : null}
        <Item scope={{ kind: 'trash' }} current={scope} onScope={onScope} icon={<span className="icon-trash" aria-hidden="true" />} label="Trash" count={overview?.trashCount} onContextMenu={menu({ kind: 'trash' })} />
      </ul>
    </nav>
  );
});

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

interface ItemProps {
  scope: Scope;
  current: Scope;
  onScope: (scope: Scope) => void;
  icon: ReactNode;
  label: string;
  count: number | undefined;
  children?: ReactNode;
  onContextMenu?: (event: MouseEvent) => void;
}

function Item({ scope, current, onScope, icon, label, count, children, onContextMenu }: ItemProps) {
  const selected = sameScope(scope, current);
  return (
    <li className={`sidebar-row${selected ? ' selected' : ''}`} onContextMenu={onContextMenu}>
      <button type="button" className="sidebar-item" aria-current={selected ? 'page' : undefined} onClick={() => onScope(scope)}>
        {icon}
        <span className="sidebar-label" title={label}>{label}</span>
        {count === undefined ? null : (
          <span className="sidebar-count" aria-label={plural(count, 'paper')}>
            {formatNumber(count)}
          </span>
        )}
      </button>
      {children}
    </li>
  );
}

function TagItem({ tag, index, scope, onScope, onRename }: { tag: TagSummary; index: number; scope: Scope; onScope: (scope: Scope) => void; onRename: () => void }) {
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  return (
    <Item
      scope={{ kind: 'tag', name: tag.name }}
      current={scope}
      onScope={onScope}
      icon={<span className="tag-dot" style={{ backgroundColor: tag.color }} aria-hidden="true" />}
      label={tag.name}
      count={tag.count}
      onContextMenu={(event) => {
        event.preventDefault();
        setMenuAt({ x: event.clientX, y: event.clientY });
      }}
    >
      {index < 9 ? (
        <kbd className="tag-shortcut" title={`Press ${index + 1} to toggle this tag on the selected paper`} aria-hidden="true">
          {index + 1}
        </kbd>
      ) : null}
      <TagActions tag={tag} menuAt={menuAt} setMenuAt={setMenuAt} onRename={onRename} onDeleted={() => {
        if (scope.kind === 'tag' && scope.name === tag.name) onScope({ kind: 'all' });
      }} />
    </Item>
  );
}
