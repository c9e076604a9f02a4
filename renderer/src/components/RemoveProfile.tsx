// "Remove profile…": a confirmation saying which of its papers go to the Trash and which stay, then one undoable call
// whose toast gives the exact counts. Opened from the profile view's actions and from the profile's sidebar menu.
import type { ProfileSummary } from '../../../electron/core/api.js';
import { useUndoButton } from '../hooks/useUndo.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { formatNumber, plural } from '../lib/format.js';
import { ConfirmDialog } from './ConfirmDialog.js';

export function RemoveProfileDialog({ profile, onClose, onRemoved }: { profile: ProfileSummary; onClose: () => void; onRemoved: () => void }) {
  const toasts = useToasts();
  const undoButton = useUndoButton();
  const remove = () =>
    getFolio()
      .removeProfile(profile.id)
      .then(
        (result) => {
          onRemoved();
          toasts.show(`Removed ${profile.name}: ${formatNumber(result.trashed)} to the Trash, ${formatNumber(result.kept)} kept`, { action: undoButton });
        },
        (err: unknown) => toasts.show(`Could not remove ${profile.name}: ${errorMessage(err)}`, { kind: 'error' }),
      );
  return (
    <ConfirmDialog title={`Remove ${profile.name}`} confirmLabel="Remove profile" onClose={onClose} onConfirm={remove}>
      <p>
        Remove {profile.name} and the {plural(profile.paperCount, 'paper')} listed on it? A paper another profile lists, or one you tagged,
        annotated, gave a status or edited, stays in your library; the others go to the Trash, where you can restore them.
      </p>
    </ConfirmDialog>
  );
}
