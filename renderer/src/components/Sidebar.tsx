// Library navigation: all papers, reading status, then the sections Profiles, Tags (a tree of `/` paths) and Saved
// searches, each collapsible, sortable by name or count and scrolling within a bounded height, so hundreds of
// entries never make an endless column; one filter box narrows all three. Trash and duplicates close the list.
// Profiles, tags, saved searches and the Trash have a menu (right click, the Menu key or Shift+F10; lib/sidebar-actions.ts).
import { memo, useMemo, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { LibraryOverview, ProfileSummary, SavedSearch, TagSummary } from '../../../electron/core/api.js';
import { useParentTagCounts, useSavedSearchCounts } from '../hooks/useLiveCounts.js';
import { usePersistentState } from '../hooks/usePersistentState.js';
import { formatNumber, plural } from '../lib/format.js';
import { sameScope, type Scope } from '../lib/scope.js';
import { isContextMenuKey } from '../lib/shortcuts.js';
import { buildTagTree, filterTagTree, matchesFilter, parentNames, sortTagTree, SIDEBAR_SORTS, type SidebarSort, type TagNode } from '../lib/tagTree.js';
import { SavedSearchActions, SavedSearchRenameInput } from './SavedSearchActions.js';
import { EntryMenu, type EntryMenuRequest } from './SidebarMenus.js';
import { TagActions, TagRenameInput } from './TagActions.js';

interface Props {
  overview: LibraryOverview | null;
  scope: Scope;
  onScope: (scope: Scope) => void;
  /** "Possible duplicates (N)": shown while N is known and above 0 (or while that view is open). */
  duplicateCount: number | null;
  /** After the sections, inside the landmark: the pane's resize handle. */
  children?: ReactNode;
}

const SECTIONS = ['profiles', 'tags', 'saved'] as const;
type SectionId = (typeof SECTIONS)[number];
const SECTION_TITLE: Record<SectionId, string> = { profiles: 'Profiles', tags: 'Tags', saved: 'Saved searches' };
type SectionPrefs = Record<SectionId, { collapsed: boolean; sort: SidebarSort }>;
const DEFAULT_PREFS: SectionPrefs = { profiles: { collapsed: false, sort: 'name' }, tags: { collapsed: false, sort: 'name' }, saved: { collapsed: false, sort: 'name' } };
const isPrefs = (value: unknown): value is SectionPrefs =>
  typeof value === 'object' &&
  value !== null &&
  SECTIONS.every((id) => {
    const prefs = (value as Record<string, unknown>)[id] as { collapsed?: unknown; sort?: unknown } | undefined;
    return typeof prefs?.collapsed === 'boolean' && SIDEBAR_SORTS.includes(prefs.sort as SidebarSort);
  });
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Memoized: typing in the search box re-renders App, and the sidebar (hundreds of items) need not follow. */
export const Sidebar = memo(function Sidebar({ overview, scope, onScope, duplicateCount, children }: Props) {
  const [filter, setFilter] = useState('');
  const [prefs, setPrefs] = usePersistentState<SectionPrefs>('folio.sidebarSections', DEFAULT_PREFS, isPrefs);
  const [expandedList, setExpandedList] = usePersistentState<string[]>('folio.expandedTags', [], isStringList);
  const counts = overview?.statusCounts;
  // A profile's and the Trash's menus (a tag's and a saved search's live with their "…" buttons).
  const [menu, setMenu] = useState<EntryMenuRequest | null>(null);
  const setPref = (id: SectionId, change: Partial<SectionPrefs[SectionId]>) => setPrefs((all) => ({ ...all, [id]: { ...all[id], ...change } }));

  const profiles = useMemo(() => sortedProfiles(overview?.profiles ?? [], prefs.profiles.sort), [overview, prefs.profiles.sort]);
  const shownProfiles = profiles.filter((p) => matchesFilter(p.name, filter));
  const tree = useMemo(() => buildTagTree(overview?.tags ?? []), [overview]);
  const sortedTree = useMemo(() => sortTagTree(tree, prefs.tags.sort), [tree, prefs.tags.sort]);
  const shownTree = useMemo(() => filterTagTree(sortedTree, filter), [sortedTree, filter]);
  const parents = useMemo(() => parentNames(tree), [tree]);
  const parentCounts = useParentTagCounts(parents);
  const saved = overview?.savedSearches ?? [];
  const savedCounts = useSavedSearchCounts(saved.map((s) => s.id));
  const sortedSaved = useMemo(() => sortedSearches(overview?.savedSearches ?? [], prefs.saved.sort, savedCounts), [overview, prefs.saved.sort, savedCounts]);
  const shownSaved = sortedSaved.filter((s) => matchesFilter(s.name, filter));
  const hidden = profiles.length - shownProfiles.length + shownTree.hidden + (saved.length - shownSaved.length);
  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  const toggleExpanded = (name: string) => setExpandedList((list) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]));

  return (
    <nav className="sidebar" aria-label="Library">
      <div className="sidebar-filter">
        <input
          type="search"
          aria-label="Filter profiles, tags and saved searches"
          placeholder="Filter…"
          value={filter}
          spellCheck={false}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filter) {
              event.preventDefault();
              event.stopPropagation();
              setFilter('');
            }
          }}
        />
        {filter.trim() ? (
          <p className="sidebar-hidden" role="status">
            {hidden === 0 ? 'Nothing hidden' : `${formatNumber(hidden)} hidden`}
          </p>
        ) : null}
      </div>
      <div className="sidebar-scroll">
        <ul className="sidebar-list" aria-label="Library views">
          <Item scope={{ kind: 'all' }} current={scope} onScope={onScope} icon={<span className="icon-all" aria-hidden="true" />} label="All papers" count={overview?.paperCount} />
          <Item scope={{ kind: 'status', status: 'unread' }} current={scope} onScope={onScope} icon={<span className="status-mark unread" aria-hidden="true" />} label="Unread" count={counts?.unread} />
          <Item scope={{ kind: 'status', status: 'reading' }} current={scope} onScope={onScope} icon={<span className="status-mark reading" aria-hidden="true" />} label="Reading" count={counts?.reading} />
          <Item scope={{ kind: 'status', status: 'read' }} current={scope} onScope={onScope} icon={<span className="status-mark read" aria-hidden="true" />} label="Read" count={counts?.read} />
        </ul>

        <Section id="profiles" prefs={prefs.profiles} onPrefs={(change) => setPref('profiles', change)} total={profiles.length}>
          {overview && profiles.length === 0 ? <p className="sidebar-empty">No profiles yet</p> : null}
          <ul className="sidebar-list bounded" aria-label="Profiles">
            {shownProfiles.map((profile) => (
              <Item
                key={profile.id}
                scope={{ kind: 'profile', id: profile.id }}
                current={scope}
                onScope={onScope}
                icon={<span className="avatar" aria-hidden="true">{initials(profile.name)}</span>}
                label={profile.name}
                count={profile.paperCount}
                onMenu={(at) => setMenu({ kind: 'profile', profile, at })}
              />
            ))}
          </ul>
        </Section>

        <Section id="tags" prefs={prefs.tags} onPrefs={(change) => setPref('tags', change)} total={overview?.tags.length ?? 0}>
          {overview && overview.tags.length === 0 ? <p className="sidebar-empty">No tags yet. Add one in a paper’s details.</p> : null}
          <ul className="sidebar-list bounded" aria-label="Tags">
            {shownTree.nodes.map((node) => (
              <TagTreeNode
                key={node.name}
                node={node}
                depth={0}
                scope={scope}
                onScope={onScope}
                tags={overview?.tags ?? []}
                expanded={expanded}
                forceOpen={filter.trim() !== ''}
                onToggle={toggleExpanded}
                parentCounts={parentCounts}
              />
            ))}
          </ul>
        </Section>

        <Section id="saved" prefs={prefs.saved} onPrefs={(change) => setPref('saved', change)} total={saved.length}>
          {overview && saved.length === 0 ? <p className="sidebar-empty">None yet. Use “Save search…” next to the search box.</p> : null}
          <ul className="sidebar-list bounded" aria-label="Saved searches">
            {shownSaved.map((search) => (
              <SavedSearchItem key={search.id} search={search} count={savedCounts?.[search.id]} scope={scope} onScope={onScope} all={saved} />
            ))}
          </ul>
        </Section>

        <ul className="sidebar-list sidebar-footer" aria-label="Housekeeping">
          {duplicateCount !== null && (duplicateCount > 0 || scope.kind === 'duplicates') ? (
            <Item scope={{ kind: 'duplicates' }} current={scope} onScope={onScope} icon={<span className="icon-duplicates" aria-hidden="true" />} label={`Possible duplicates (${formatNumber(duplicateCount)})`} count={undefined} />
          ) : null}
          <Item scope={{ kind: 'trash' }} current={scope} onScope={onScope} icon={<span className="icon-trash" aria-hidden="true" />} label="Trash" count={overview?.trashCount} onMenu={(at) => setMenu({ kind: 'trash', at })} />
        </ul>
      </div>
      {children}
      {menu ? <EntryMenu key={`${menu.kind}:${menu.at.x}:${menu.at.y}`} request={menu} trashCount={overview?.trashCount ?? 0} scope={scope} onScope={onScope} onClose={() => setMenu(null)} /> : null}
    </nav>
  );
});

function sortedProfiles(profiles: readonly ProfileSummary[], sort: SidebarSort): ProfileSummary[] {
  const byName = (a: ProfileSummary, b: ProfileSummary) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  return [...profiles].sort(sort === 'count' ? (a, b) => b.paperCount - a.paperCount || byName(a, b) : byName);
}

function sortedSearches(searches: readonly SavedSearch[], sort: SidebarSort, counts: Readonly<Record<string, number>> | null): SavedSearch[] {
  const byName = (a: SavedSearch, b: SavedSearch) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  if (sort === 'name' || !counts) return [...searches].sort(byName);
  return [...searches].sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0) || byName(a, b));
}

interface SectionProps {
  id: SectionId;
  prefs: SectionPrefs[SectionId];
  onPrefs: (change: Partial<SectionPrefs[SectionId]>) => void;
  /** Entries in the section (before filtering), shown next to its title. */
  total: number;
  children: ReactNode;
}

function Section({ id, prefs, onPrefs, total, children }: SectionProps) {
  const title = SECTION_TITLE[id];
  const bodyId = `sidebar-section-${id}`;
  const nextSort: SidebarSort = prefs.sort === 'name' ? 'count' : 'name';
  return (
    <section className="sidebar-section" aria-labelledby={`${bodyId}-title`}>
      <div className="sidebar-heading-row">
        <h2 className="sidebar-heading" id={`${bodyId}-title`}>
          <button type="button" className="sidebar-heading-button" aria-expanded={!prefs.collapsed} aria-controls={bodyId} onClick={() => onPrefs({ collapsed: !prefs.collapsed })}>
            <span className={`disclosure${prefs.collapsed ? '' : ' open'}`} aria-hidden="true" />
            {title}
            <span className="sidebar-heading-count">{total > 0 ? formatNumber(total) : ''}</span>
          </button>
        </h2>
        {prefs.collapsed || total < 2 ? null : (
          <button type="button" className="sidebar-sort" aria-label={`Sort ${title.toLowerCase()} by ${nextSort}`} title={`Sorted by ${prefs.sort}; click to sort by ${nextSort}`} onClick={() => onPrefs({ sort: nextSort })}>
            {prefs.sort === 'name' ? 'A–Z' : '#'}
          </button>
        )}
      </div>
      <div id={bodyId} hidden={prefs.collapsed}>
        {prefs.collapsed ? null : children}
      </div>
    </section>
  );
}

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
  /** The visible label when it differs from the accessible one (a tree node shows its last segment). */
  shownLabel?: string;
  count: number | undefined;
  /** Before the item's button (a tree node's expand toggle). */
  leading?: ReactNode;
  children?: ReactNode;
  /** Opens the entry's menu at this point: a right click, or the Menu key or Shift+F10 on its button. */
  onMenu?: (at: { x: number; y: number }) => void;
  style?: CSSProperties;
  /** 'div' inside a list item that holds more (a tree node and its children, a rename box). */
  as?: 'li' | 'div';
}

function Item({ scope, current, onScope, icon, label, shownLabel, count, leading, children, onMenu, style, as: Tag = 'li' }: ItemProps) {
  const selected = sameScope(scope, current);
  const onContextMenu = onMenu
    ? (event: MouseEvent) => {
        event.preventDefault();
        onMenu({ x: event.clientX, y: event.clientY });
      }
    : undefined;
  const onKeyDown = onMenu
    ? (event: KeyboardEvent<HTMLButtonElement>) => {
        if (!isContextMenuKey(event)) return;
        event.preventDefault();
        const rect = event.currentTarget.getBoundingClientRect();
        onMenu({ x: rect.left + 16, y: rect.bottom });
      }
    : undefined;
  return (
    <Tag className={`sidebar-row${selected ? ' selected' : ''}`} style={style} onContextMenu={onContextMenu}>
      {leading}
      <button type="button" className="sidebar-item" aria-current={selected ? 'page' : undefined} onClick={() => onScope(scope)} onKeyDown={onKeyDown}>
        {icon}
        <span className="sidebar-label" title={label} aria-label={shownLabel ? label : undefined}>
          {shownLabel ?? label}
        </span>
        {count === undefined ? null : (
          <span className="sidebar-count" aria-label={plural(count, 'paper')}>
            {formatNumber(count)}
          </span>
        )}
      </button>
      {children}
    </Tag>
  );
}

interface TagTreeNodeProps {
  node: TagNode;
  depth: number;
  scope: Scope;
  onScope: (scope: Scope) => void;
  tags: readonly TagSummary[];
  expanded: ReadonlySet<string>;
  /** While filtering every kept node shows its children. */
  forceOpen: boolean;
  onToggle: (name: string) => void;
  parentCounts: ReadonlyMap<string, number> | null;
}

function TagTreeNode({ node, depth, scope, onScope, tags, expanded, forceOpen, onToggle, parentCounts }: TagTreeNodeProps) {
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [renaming, setRenaming] = useState(false);
  const hasChildren = node.children.length > 0;
  const isOpen = hasChildren && (forceOpen || expanded.has(node.name));
  const count = hasChildren ? parentCounts?.get(node.name) : node.tag?.count;
  const tag = node.tag;
  const indent = { paddingInlineStart: depth * 14 };
  return (
    <li>
      {renaming && tag ? (
        <div className="sidebar-row" style={indent}>
          <TagRenameInput
            tag={tag}
            existing={tags}
            onDone={(newName) => {
              setRenaming(false);
              if (newName && scope.kind === 'tag' && scope.name === tag.name) onScope({ kind: 'tag', name: newName });
            }}
          />
        </div>
      ) : (
        <Item
          scope={{ kind: 'tag', name: node.name }}
          current={scope}
          onScope={onScope}
          style={indent}
          as="div"
          leading={
            hasChildren ? (
              <button type="button" className="tree-toggle" aria-expanded={isOpen} aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${node.name}`} disabled={forceOpen} onClick={() => onToggle(node.name)}>
                <span className={`disclosure${isOpen ? ' open' : ''}`} aria-hidden="true" />
              </button>
            ) : (
              <span className="tree-toggle-space" aria-hidden="true" />
            )
          }
          icon={<span className={`tag-dot${tag ? '' : ' bare'}`} style={tag ? { backgroundColor: tag.color } : undefined} aria-hidden="true" />}
          label={node.name}
          shownLabel={node.label === node.name ? undefined : node.label}
          count={count}
          onMenu={tag ? setMenuAt : undefined}
        >
          {tag?.key ? (
            <kbd className="tag-shortcut" title={`Press ${tag.key} to toggle this tag on the selected paper`} aria-hidden="true">
              {tag.key}
            </kbd>
          ) : null}
          {tag ? (
            <TagActions
              tag={tag}
              tags={tags}
              menuAt={menuAt}
              setMenuAt={setMenuAt}
              onRename={() => setRenaming(true)}
              onDeleted={() => {
                if (scope.kind === 'tag' && scope.name === tag.name) onScope({ kind: 'all' });
              }}
            />
          ) : null}
        </Item>
      )}
      {isOpen ? (
        <ul className="sidebar-list" aria-label={`Tags under ${node.name}`}>
          {node.children.map((child) => (
            <TagTreeNode key={child.name} node={child} depth={depth + 1} scope={scope} onScope={onScope} tags={tags} expanded={expanded} forceOpen={forceOpen} onToggle={onToggle} parentCounts={parentCounts} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function SavedSearchItem({ search, count, scope, onScope, all }: { search: SavedSearch; count: number | undefined; scope: Scope; onScope: (scope: Scope) => void; all: readonly SavedSearch[] }) {
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [renaming, setRenaming] = useState(false);
  return (
    <li>
      {renaming ? (
        <div className="sidebar-row">
          <SavedSearchRenameInput search={search} existing={all} onDone={() => setRenaming(false)} />
        </div>
      ) : (
        <Item
          scope={{ kind: 'saved', id: search.id }}
          as="div"
          current={scope}
          onScope={onScope}
          icon={<span className="icon-saved" aria-hidden="true" />}
          label={search.name}
          count={count}
          onMenu={setMenuAt}
        >
          <SavedSearchActions
            search={search}
            menuAt={menuAt}
            setMenuAt={setMenuAt}
            onRename={() => setRenaming(true)}
            onDeleted={() => {
              if (scope.kind === 'saved' && scope.id === search.id) onScope({ kind: 'all' });
            }}
          />
        </Item>
      )}
    </li>
  );
}
