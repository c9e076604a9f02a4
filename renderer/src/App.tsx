/*
 * Folio renderer — the whole UI. It talks only to window.folio (see folio.d.ts).
 *
 * Roles and accessible names for tests (stable; please keep in sync):
 *   searchbox  "Search papers"                 — always visible; "/" or Ctrl/⌘+F focuses it; Esc clears
 *   button     "Search syntax help"            — toggles region "Search syntax"
 *   button     "Import"                        — toolbar; opens the import dialog (also Ctrl/⌘+V outside text fields)
 *   button     "Export"                        — toolbar; opens dialog "Export library"
 *   button     "Dark theme" (aria-pressed)     — theme toggle
 *   combobox   "Sort by" (select: Relevance / Date / Title / Date added), button "Sort ascending"|"Sort descending"
 *   navigation "Library"                       — sidebar; buttons "All papers", "Unread", "Reading", "Read",
 *                                                one per profile (its name), one per tag (its name), "Trash" and
 *                                                "Possible duplicates (N)" (while N > 0); the current one has
 *                                                aria-current="page". Counts are inside the button text. A right click,
 *                                                the Menu key or Shift+F10 on a profile: menu "Profile <name>" ("Show its
 *                                                papers", "Remove profile…"); on the Trash: menu "Trash" ("Open Trash",
 *                                                "Empty Trash…"); on a tag or a saved search: its "…" menu
 *                                                Above them searchbox "Filter profiles, tags and saved searches" (status
 *                                                "N hidden"); sections with heading buttons "Profiles N" / "Tags N" /
 *                                                "Saved searches N" (aria-expanded), "Sort <section> by name|count",
 *                                                lists "Profiles", "Tags" (tree: "Expand|Collapse <tag>", nested list
 *                                                "Tags under <tag>"), "Saved searches"
 *   button     "Actions for tag <name>"        — opens menu "Tag <name>": menuitem "Rename…", menuitemradio per
 *                                                colour ("Blue", "Teal", …), menuitemradio "Assign to key 1"…"9" and
 *                                                "No key", menuitem "Delete tag…"; rename = textbox "Rename tag <name>"
 *                                                (Enter to apply, Esc cancels); onto an existing tag: dialog "Merge tags"
 *   button     "Actions for saved search <n>"  — menu "Saved search <n>": "Rename…" (textbox "Rename saved search <n>"),
 *                                                "Delete"
 *   button     "Save search…"                  — dialog "Save search": textbox "Name", buttons "Cancel" / "Save"
 *   button     "Hide sidebar"|"Show sidebar", "Hide paper details"|"Show paper details" — also Ctrl/⌘+\ and
 *                                                Ctrl/⌘+Shift+\ (View menu)
 *   separator  "Resize sidebar", "Resize paper list" (←/→ keys)
 *   button     "Add paper…"                    — toolbar; opens dialog "Add paper" (tabs "Form" / "Paste BibTeX")
 *   navigation "More views"                    — toolbar; buttons "Open Trash", "Open possible duplicates" (until the
 *                                                sidebar's entries land)
 *   listbox    "Papers" (aria-multiselectable) — options named "<title> — <authors>, <date>[, reading|read][; tagged a, b][; has a note]";
 *                                                aria-selected on each selected one; ↑/↓/Home/End/PgUp/PgDn (Shift extends),
 *                                                click / Shift+click / Ctrl/⌘+click, Ctrl/⌘+A selects the whole list,
 *                                                Enter opens; the Menu key, Shift+F10 or a right click: menu "Paper actions"
 *                                                (menuitems from lib/actions.ts: "Edit…", "Add tag…", "Mark as Read", …)
 *   keys 1–9 toggle the tag holding that key on every selected paper; Delete moves them to the Trash; Ctrl/⌘+Z undoes,
 *                                                Ctrl/⌘+Shift+Z or Ctrl+Y redoes (outside text fields); toasts "Undid: …"
 *   region     "Selection"                     — instead of "Paper details" while 2+ papers are selected: h2 "N papers
 *                                                selected", combobox "Add tag", combobox "Tag to remove" + button "Remove
 *                                                tag", buttons "Unread" / "Reading" / "Read", "Export…", "Move to Trash"
 *                                                (in the Trash: "Restore N papers", "Empty Trash…"), "Clear selection"
 *   Trash view (scope trash)                   — button "Empty Trash…" → dialog "Empty Trash" (buttons "Cancel", "Delete N papers")
 *   region     "Possible duplicates"           — (scope duplicates) list "Duplicate pairs", each listitem a pair with
 *                                                "Keep this one" radios, buttons "Merge" and "Not a duplicate"
 *   region     "Profile <name>"                — the profile view (detail pane) while a profile is selected in the sidebar; beside
 *                                                its name button "Remove profile…" → dialog "Remove <name>" (buttons "Cancel",
 *                                                "Remove profile")
 *   region     "Paper details"                 — detail pane (Enter in the list focuses it, Esc returns); h2 = title;
 *                                                toolbar "Authors" (one tab stop, arrows) of buttons "Filter by author X";
 *                                                "Listed on" buttons "Filter by profile X" (each adds a search filter)
 *     radiogroup "Reading status" with radios "Unread" / "Reading" / "Read"
 *     list "Tags": button "<tag>" (filter) + button "Remove tag <tag>"; combobox "Add tag" (listbox "Tag suggestions")
 *     button "Edit paper" → form "Edit paper" (textboxes "Title", "Authors", "Date", "Category", "Venue", "DOI", "URL",
 *       "Abstract"; buttons "Save", "Cancel"); an edited field shows "edited" (title: the imported value) and a button
 *       "Revert <field>"; a paper in the Trash: status "In the Trash" and button "Restore"
 *     buttons "Edit" / "Preview" (aria-pressed) — note mode; a paper without a note opens in Edit, one with a
 *       note opens in Preview (double-click the preview to edit); textbox "Note" exists only in Edit mode
 *     status (role=status) next to them: "" → "Saving…" → "Saved" | "Save failed — retrying"
 *   dialog     "Import"                        — a paste: textbox "Text to import"; a file: region "File <name>".
 *                                                h3 "<source> [<file>] · N papers"; list "Papers found", each row
 *                                                "New" | "In library" and, for a match, "matches <title> (<reason>)";
 *                                                buttons "Cancel", "Skip" (more files wait), "Import" (disabled until a
 *                                                valid preview; after a failed import: alert and "Retry"); with several
 *                                                files: list "Files to import" (aria-current="step" on the one shown);
 *                                                a long read or import: progressbar "Reading <file>" / "Importing"
 *   (overlay)  "Drop files to import"          — while files are dragged over the window
 *   button     "Try the sample profile"        — empty library only
 *   region     "Notifications"                 — toasts (aria-live polite); buttons "Undo", "Dismiss notification"
 *   region     "Improved parser"               — while stored imports are stale: button "Re-read N stored imports with the
 *                                                improved parser" (opens dialog "Re-read stored imports": list "Imports to
 *                                                re-read", tables "Corrections from <import>", buttons "Cancel" / "Apply"),
 *                                                button "Not now"
 *   alert      (class save-banner)             — while edits are not saved: the "Not saved: …" line, how many changes
 *                                                wait, button "Retry"; not dismissable. status "Save warnings": failing
 *                                                backups / compaction
 *
 * The application menu reaches the page only through window.folioMenu.onAction (the preload's bridge; the actions and
 * their payloads are MenuActionEvent in electron/shared/channels.ts).
 */
import { startTransition, useCallback, useMemo, useRef, useState } from 'react';
import type { SavedSearch, TagSummary } from '../../electron/core/api.js';
import { FolioMark } from './components/Icons.js';
import { DetailPane } from './components/DetailPane.js';
import { EmptyLibrary } from './components/EmptyLibrary.js';
import { ExportDialog } from './components/ExportDialog.js';
import { DropOverlay } from './components/DropOverlay.js';
import { ImportDialogHost } from './components/ImportDialog.js';
import { ListHeader } from './components/ListHeader.js';
import { RepairedBanner } from './components/RepairedBanner.js';
import { PaperList } from './components/PaperList.js';
import { ProfileView } from './components/ProfileHeader.js';
import { PaneToggle } from './components/PaneToggle.js';
import { ReparseBanner } from './components/ReparseBanner.js';
import { ResizeHandle } from './components/ResizeHandle.js';
import { SaveBanner } from './components/SaveBanner.js';
import { QueryErrors, SearchBar } from './components/SearchBar.js';
import { SaveSearchDialog } from './components/SaveSearchDialog.js';
import { Sidebar } from './components/Sidebar.js';
import { ThemeToggle } from './components/ThemeToggle.js';
import { Toasts } from './components/Toasts.js';
import { AddPaperDialog } from './components/AddPaperDialog.js';
import { ContextMenu } from './components/ContextMenu.js';
import { DuplicatesView } from './components/DuplicatesView.js';
import { EmptyTrashDialog } from './components/EmptyTrashDialog.js';
import { SelectionPane } from './components/SelectionPane.js';
import { useAppCommands } from './hooks/useAppCommands.js';
import { useBulkActions } from './hooks/useBulkActions.js';
import { usePanes } from './hooks/usePanes.js';
import { usePaperActions } from './hooks/usePaperActions.js';
import { useSortChoice } from './hooks/useSortChoice.js';
import { useSelection } from './hooks/useSelection.js';
import { useUndo, useUndoKeys } from './hooks/useUndo.js';
import { useDebouncedValue } from './hooks/useDebouncedValue.js';
import { useDuplicateCount } from './hooks/useDuplicateCount.js';
import { useImportEntry } from './hooks/useImportEntry.js';
import { useLibrary } from './hooks/useLibrary.js';
import { usePageStore } from './hooks/usePageStore.js';
import { useToasts } from './hooks/useToasts.js';
import { plural } from './lib/format.js';
import { viewOf, type Scope } from './lib/scope.js';
import { hasFreeText, quotedTagFix, setFilter, type FilterKey } from './lib/searchSyntax.js';
import { PANE_MIN } from './lib/paneLayout.js';

const PANE_HIGHLIGHT_DEBOUNCE_MS = 60;

export function App() {
  const { overview, error: overviewError } = useLibrary();
  const toasts = useToasts();
  const duplicateCount = useDuplicateCount();

  const [scope, setScope] = useState<Scope>({ kind: 'all' });
  // Every keystroke is a query, sent at once (no debounce: the core answers in a few ms at 100k). The page store
  // drops answers to older queries, and the list keeps its previous rows until the newest answer arrives.
  const [search, setSearch] = useState('');
  const query = search;
  // The open paper's highlights follow the query after a pause: each change is a detail request to the core, which
  // should not compete with the list's query on every keystroke.
  const paneHighlight = useDebouncedValue(query, PANE_HIGHLIGHT_DEBOUNCE_MS);
  const [exportOpen, setExportOpen] = useState<'library' | 'selection' | null>(null);
  const [emptyTrashOpen, setEmptyTrashOpen] = useState(false);
  const [addPaperOpen, setAddPaperOpen] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const panes = usePanes();
  const { layout, isSidebarShown, isDetailShown } = panes;

  // One element until the pane's size changes: the sidebar is memoized, and a new child on every render (each
  // keystroke in the search box) would re-render its hundreds of entries.
  const sidebarHandle = useMemo(
    () => <ResizeHandle label="Resize sidebar" value={layout.sidebar} min={PANE_MIN.sidebar} max={layout.sidebarMax} onChange={panes.resizeSidebar} />,
    [layout.sidebar, layout.sidebarMax, panes.resizeSidebar],
  );

  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLElement>(null);

  const freeText = hasFreeText(query);
  const sorting = useSortChoice(freeText);

  const savedSearches = overview?.savedSearches ?? NO_SAVED_SEARCHES;
  const listQuery = useMemo(
    () => ({ ...viewOf(scope, query, savedSearches), sort: sorting.sort, direction: sorting.direction }),
    [query, scope, savedSearches, sorting.sort, sorting.direction],
  );
  // `shown` lags `snapshot` while a new query runs: the list keeps the previous results until it answers.
  const { store, snapshot, shown } = usePageStore(listQuery);
  const queryKey = JSON.stringify(listQuery);
  const inTrash = scope.kind === 'trash';

  const showError = useCallback((message: string) => toasts.show(message, { kind: 'error' }), [toasts]);
  const selection = useSelection(listQuery, shown.rows, shown.total, showError);
  const selectedId = selection.single;
  const undoApi = useUndo();
  useUndoKeys(undoApi);
  const { undo } = undoApi;
  const empty = overview?.paperCount === 0 && overview.trashCount === 0;
  const bulk = useBulkActions(selection, shown.rows, undo);

  const tagColors = useMemo(() => new Map(overview?.tags.map((t) => [t.name, t.color]) ?? []), [overview]);

  // A profile selected in the sidebar that disappeared (never happens today, but be safe).
  const profileScope = scope.kind === 'profile' ? overview?.profiles.find((p) => p.id === scope.id) : undefined;

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const focusList = useCallback(() => {
    listRef.current?.focus();
    if (selection.count === 0) {
      const first = shown.rows.row(0);
      if (first) selection.pick(first.id, 0, 'only');
    }
  }, [selection, shown]);

  const applyFilter = useCallback((key: FilterKey, value: string) => {
    setSearch((current) => setFilter(current, key, value));
  }, []);

  const onSearchChange = useCallback((value: string) => {
    setSearch(value);
  }, []);

  const pick = selection.pick;
  const showDetails = panes.showDetails;
  const openPaper = useCallback((id: string) => {
    const index = shown.rows.indexOf(id);
    if (index >= 0) pick(id, index, 'only');
    showDetails();
    // Let the pane render the paper, then move focus there.
    requestAnimationFrame(() => detailRef.current?.focus());
  }, [pick, shown, showDetails]);

  // Reads the (controlled) search box instead of `search`, so the callback, and the memoized list, stay put
  // while typing.
  const clearSelection = selection.clear;
  const onListEscape = useCallback(() => {
    if (searchRef.current?.value) setSearch('');
    else clearSelection();
  }, [clearSelection]);

  const focusListFromDetail = useCallback(() => listRef.current?.focus(), []);

  const selectScope = useCallback((next: Scope) => {
    // A profile shows in the detail pane: choosing one (again) puts it there instead of the open paper.
    if (next.kind === 'profile') clearSelection();
    startTransition(() => setScope(next));
  }, [clearSelection]);

  const showAllPapers = useCallback(() => selectScope({ kind: 'all' }), [selectScope]);

  const { openImport, takeFiles, isDraggingFiles, trySample } = useImportEntry();

  const showImported = useCallback((profileId: string | null) => {
    // A list without a person (a BibTeX file), or several imports: the whole library, with its papers.
    setScope(profileId === null ? { kind: 'all' } : { kind: 'profile', id: profileId });
    setSearch('');
  }, []);

  const openSelectionExport = useCallback(() => setExportOpen('selection'), []);
  const paperActions = usePaperActions({ selection, bulk, inTrash, tags: overview?.tags ?? NO_TAGS, detailRef, onExportSelection: openSelectionExport, showError });

  useAppCommands({
    focusSearch,
    openImport,
    takeFiles,
    toggleSidebar: panes.toggleSidebar,
    toggleDetails: panes.toggleDetails,
    selectAll: !empty && scope.kind !== 'duplicates' ? selection.selectAll : null,
    toggleTagByKey: paperActions.toggleTagByKey,
    trashSelected: !inTrash && selection.count > 0 ? bulk.trash : null,
    undo: undoApi.undo,
    redo: undoApi.redo,
  });

  const searching = snapshot.total === null;
  const total = shown.total;
  const scopeTitle = titleOf(scope, profileScope?.name, savedSearches);
  const trashCount = overview?.trashCount ?? 0;
  const problems = overview?.problems ?? NO_PROBLEMS;
  const tagNames = useMemo(() => overview?.tags.map((t) => t.name) ?? [], [overview]);
  const tagFix = useMemo(() => quotedTagFix(query, tagNames), [query, tagNames]);
  const canSave = !empty && scope.kind !== 'duplicates' && (listQuery.search.trim() !== '' || listQuery.scope !== undefined);

  return (
    <>
      <div id="app" className="app">
        <header className="toolbar">
          <PaneToggle label="sidebar" isShown={isSidebarShown} keys={`${MOD_KEY}+\\`} onToggle={panes.toggleSidebar} />
          <div className="brand" style={isSidebarShown ? { width: layout.sidebar - 44 } : undefined}>
            <FolioMark />
            Folio
          </div>
          <SearchBar ref={searchRef} value={search} onChange={onSearchChange} onLeave={focusList} errorsId={snapshot.queryErrors.length > 0 || tagFix !== null ? 'query-errors' : undefined} searching={searching} onSave={canSave ? () => setSaveOpen(true) : undefined} />
          <div className="toolbar-actions">
            <button type="button" className="button primary" onClick={() => openImport('')} title="Import a page or files (or paste, or drop files, anywhere)">
              Import
            </button>
            <button type="button" className="button" onClick={() => setAddPaperOpen(true)}>
              Add paper…
            </button>
            <button type="button" className="button" onClick={() => setExportOpen('library')} disabled={!overview || overview.paperCount === 0}>
              Export
            </button>
            <PaneToggle label="paper details" isShown={isDetailShown} keys={`${MOD_KEY}+Shift+\\`} onToggle={panes.toggleDetails} />
            <ThemeToggle />
          </div>
        </header>

        <SaveBanner />
        <ReparseBanner />
        <RepairedBanner problems={problems} />
        {overviewError ? (
          <div className="banner error" role="alert">
            Could not read the library: {overviewError}
          </div>
        ) : null}

        <div className="panes" style={{ gridTemplateColumns: layout.columns }}>
        {isSidebarShown ? (
          <Sidebar overview={overview} scope={scope} onScope={selectScope} duplicateCount={duplicateCount}>
            {sidebarHandle}
          </Sidebar>
        ) : (
          <span />
        )}

        <main className="list-pane" aria-label="Paper list">
          {empty ? <h1 className="visually-hidden">{scopeTitle}</h1> : null}
          {scope.kind === 'duplicates' ? (
            <DuplicatesView undo={undo} />
          ) : empty ? (
            <EmptyLibrary onTrySample={trySample} onImport={() => openImport('')} />
          ) : (
            <>
              <ListHeader
                title={scopeTitle}
                count={total === null ? '' : query.trim() ? `${plural(total, 'match', 'matches')}` : plural(total, 'paper')}
                sorting={sorting}
                hasFreeText={freeText}
                trash={inTrash ? { count: trashCount, onEmpty: () => setEmptyTrashOpen(true) } : null}
              />
              <QueryErrors id="query-errors" errors={snapshot.queryErrors} fix={tagFix} onFix={setSearch} />
              {snapshot.error ? (
                <p className="error-text list-error" role="alert">
                  Could not load papers: {snapshot.error}
                </p>
              ) : null}
              {total === 0 ? (
                <div className="list-empty">
                  <p>{query.trim() ? 'No papers match this search.' : 'No papers here yet.'}</p>
                  {query.trim() ? (
                    <button type="button" className="button" onClick={() => setSearch('')}>
                      Clear search
                    </button>
                  ) : null}
                </div>
              ) : null}
              <PaperList
                ref={listRef}
                store={store}
                snapshot={shown}
                busy={snapshot.total === null}
                queryKey={queryKey}
                selection={selection.state}
                tagColors={tagColors}
                onPick={selection.pick}
                onSelectAll={selection.selectAll}
                onContextMenu={paperActions.openContextMenu}
                onOpen={openPaper}
                onEscape={onListEscape}
                onFilter={applyFilter}
                label="Papers"
              />
            </>
          )}
          {isDetailShown ? <ResizeHandle label="Resize paper list" value={layout.list} min={PANE_MIN.list} max={layout.listMax} onChange={panes.resizeList} /> : null}
        </main>
        {isDetailShown ? (
          selection.count > 1 ? (
              <SelectionPane
                ref={detailRef}
                count={selection.count}
                inTrash={inTrash}
                allTags={overview?.tags ?? NO_TAGS}
                actions={bulk}
                onExport={() => setExportOpen('selection')}
                onEmptyTrash={() => setEmptyTrashOpen(true)}
                onClear={clearSelection}
              />
            ) : scope.kind === 'profile' && selectedId === null ? (
              <ProfileView profileId={scope.id} onRemoved={showAllPapers} />
            ) : (
              <DetailPane ref={detailRef} paperId={scope.kind === 'duplicates' ? null : selectedId} highlight={paneHighlight} allTags={overview?.tags ?? NO_TAGS} onFilter={applyFilter} onEscape={focusListFromDetail} isLibraryEmpty={empty} editRequest={paperActions.editRequest} undo={undo} />
            )
        ) : null}

        </div>
      </div>

      <ImportDialogHost onImported={showImported} />
      {isDraggingFiles ? <DropOverlay /> : null}
      {exportOpen === 'library' ? <ExportDialog onClose={() => setExportOpen(null)} /> : null}
      {exportOpen === 'selection' ? <ExportDialog onClose={() => setExportOpen(null)} selection={{ value: selection.toApi(), count: selection.count }} /> : null}
      {emptyTrashOpen ? <EmptyTrashDialog count={trashCount} onClose={() => setEmptyTrashOpen(false)} undo={undo} /> : null}
      {addPaperOpen ? <AddPaperDialog onClose={() => setAddPaperOpen(false)} /> : null}
      {paperActions.menuAt ? <ContextMenu label="Paper actions" items={paperActions.menuItems} at={paperActions.menuAt} onPick={paperActions.runAction} onClose={paperActions.closeMenu} /> : null}
      {saveOpen ? (
        <SaveSearchDialog
          search={listQuery.search}
          scope={listQuery.scope}
          scopeLabel={scope.kind === 'all' ? null : scopeTitle}
          existing={savedSearches}
          onClose={() => setSaveOpen(false)}
          onSaved={(saved) => {
            setSaveOpen(false);
            setScope({ kind: 'saved', id: saved.id });
            setSearch('');
          }}
        />
      ) : null}
      <Toasts />
    </>
  );
}

const NO_TAGS: readonly TagSummary[] = [];
const NO_PROBLEMS: readonly string[] = [];
const MOD_KEY = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
const NO_SAVED_SEARCHES: readonly SavedSearch[] = [];
const STATUS_TITLE = { unread: 'Unread', reading: 'Reading', read: 'Read' } as const;

function titleOf(scope: Scope, profileName: string | undefined, savedSearches: readonly SavedSearch[]): string {
  switch (scope.kind) {
    case 'all':
      return 'All papers';
    case 'status':
      return STATUS_TITLE[scope.status];
    case 'tag':
      return `Tag “${scope.name}”`;
    case 'profile':
      return profileName ?? 'Profile';
    case 'saved':
      return savedSearches.find((s) => s.id === scope.id)?.name ?? 'Saved search';
    case 'trash':
      return 'Trash';
    case 'duplicates':
      return 'Possible duplicates';
  }
}

