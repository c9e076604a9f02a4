// What is done to the selected papers from the rows' context menu and the number keys: where the menu opens (a
// native menu built by main from the same list in Electron; in a browser and the e2e suite, the page's own), each
// action run, and keys 1–9 toggling the tag that holds the key.
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { TagSummary } from '../../../electron/core/api.js';
import { paperMenu, STATUS_OF_ACTION, type PaperActionId } from '../lib/actions.js';
import { errorMessage } from '../lib/folio.js';
import { hasNativeMenu, showNativeMenu } from '../lib/native-menu.js';
import { tagForKey } from '../lib/shortcuts.js';
import type { BulkActions } from './useBulkActions.js';
import type { SelectionApi } from './useSelection.js';

export interface PaperActionDeps {
  selection: SelectionApi;
  bulk: BulkActions;
  inTrash: boolean;
  tags: readonly TagSummary[];
  /** The detail pane, whose "Add tag" combobox the "Add tag…" action focuses. */
  detailRef: RefObject<HTMLElement | null>;
  onExportSelection(): void;
  showError(message: string): void;
}

export function usePaperActions({ selection, bulk, inTrash, tags, detailRef, onExportSelection, showError }: PaperActionDeps) {
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  /** Bumped to ask the detail pane to open its edit form (the context menu's "Edit…"). */
  const [editRequest, setEditRequest] = useState(0);

  const runAction = useCallback(
    (id: PaperActionId) => {
      const status = STATUS_OF_ACTION[id];
      if (status) return bulk.setStatus(status);
      switch (id) {
        case 'edit':
          setEditRequest((n) => n + 1);
          break;
        case 'add-tag':
          // The pane's "Add tag" combobox (the paper's, or the selection's).
          requestAnimationFrame(() => detailRef.current?.querySelector<HTMLElement>('[role="combobox"][aria-label="Add tag"]')?.focus());
          break;
        case 'export':
          onExportSelection();
          break;
        case 'select-all':
          selection.selectAll();
          break;
        case 'trash':
          bulk.trash();
          break;
        case 'restore':
          bulk.restore();
          break;
      }
    },
    [bulk, selection, detailRef, onExportSelection],
  );
  // The native menu answers after a round trip to main: it runs the action of the render it returns to.
  const runActionRef = useRef(runAction);
  runActionRef.current = runAction;

  const selectionCount = selection.count;
  const openContextMenu = useCallback(
    (at: { x: number; y: number }) => {
      if (!hasNativeMenu()) return setMenuAt(at);
      showNativeMenu(paperMenu({ count: selectionCount, inTrash }))
        .then((id) => id && runActionRef.current(id))
        .catch((err: unknown) => showError(`Could not open the menu: ${errorMessage(err)}`));
    },
    [selectionCount, inTrash, showError],
  );

  const toggleTagByKey = useCallback(
    (key: number) => {
      const tag = tagForKey(tags, key);
      if (!tag || selectionCount === 0 || inTrash) return;
      bulk.toggleTag(tag);
    },
    [tags, selectionCount, inTrash, bulk],
  );

  return {
    /** Where the page's own menu is open, or null. */
    menuAt,
    menuItems: paperMenu({ count: selectionCount, inTrash }),
    closeMenu: useCallback(() => setMenuAt(null), []),
    openContextMenu,
    runAction,
    toggleTagByKey,
    editRequest,
  };
}
