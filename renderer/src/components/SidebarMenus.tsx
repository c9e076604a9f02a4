// The menus of a profile and of the Trash in the sidebar, from their action lists (lib/sidebar-actions.ts): the page's
// own menu, or main's native one in Electron; then what the chosen action needs (its confirmation dialog).
import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../../../electron/core/api.js';
import { useUndo } from '../hooks/useUndo.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage } from '../lib/folio.js';
import { hasNativeMenu, showNativeMenu } from '../lib/native-menu.js';
import type { Scope } from '../lib/scope.js';
import { sidebarMenu } from '../lib/sidebar-actions.js';
import { ContextMenu } from './ContextMenu.js';
import { EmptyTrashDialog } from './EmptyTrashDialog.js';
import { RemoveProfileDialog } from './RemoveProfile.js';

export type EntryMenuRequest = ({ kind: 'profile'; profile: ProfileSummary } | { kind: 'trash' }) & { at: { x: number; y: number } };

interface Props {
  request: EntryMenuRequest;
  trashCount: number;
  scope: Scope;
  onScope: (scope: Scope) => void;
  /** The menu and any dialog it opened are done. */
  onClose: () => void;
}

export function EntryMenu({ request, trashCount, scope, onScope, onClose }: Props) {
  const [asking, setAsking] = useState(false);
  const [isMenuShown, setMenuShown] = useState(true);
  const { undo } = useUndo();
  const toasts = useToasts();
  const items = sidebarMenu(request.kind, { trashCount });
  const native = hasNativeMenu();

  const run = (id: (typeof items)[number]['id']) => {
    if (id === 'open') onScope(request.kind === 'profile' ? { kind: 'profile', id: request.profile.id } : { kind: 'trash' });
    else setAsking(true);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: each request asks main once; the menu's items and actions are read as they are then
  useEffect(() => {
    if (!native) return;
    showNativeMenu(items).then(
      (id) => {
        if (id) run(id);
        setMenuShown(false);
      },
      (err: unknown) => {
        toasts.show(`Could not open the menu: ${errorMessage(err)}`, { kind: 'error' });
        setMenuShown(false);
      },
    );
  }, [request]);

  // The page's menu closes before its pick runs (both in one event, so one render): done unless the pick asks something.
  useEffect(() => {
    if (!isMenuShown && !asking) onClose();
  }, [isMenuShown, asking, onClose]);

  if (asking) {
    if (request.kind === 'trash') return <EmptyTrashDialog count={trashCount} onClose={onClose} undo={undo} />;
    const { profile } = request;
    return (
      <RemoveProfileDialog
        profile={profile}
        onClose={onClose}
        onRemoved={() => {
          if (scope.kind === 'profile' && scope.id === profile.id) onScope({ kind: 'all' });
        }}
      />
    );
  }
  if (native) return null;
  const label = request.kind === 'profile' ? `Profile ${request.profile.name}` : 'Trash';
  if (!isMenuShown) return null;
  return <ContextMenu label={label} items={items} at={request.at} onPick={run} onClose={() => setMenuShown(false)} />;
}
