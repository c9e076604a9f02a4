// "Remove profile…": a confirmation saying which of its papers go to the Trash and which stay, then one undoable call
// whose toast gives the exact counts. (Rendered beside the profile header until the header's own actions slot has it.)
import { useState } from 'react';
import type { ProfileSummary } from '../../../electron/core/api.js';
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { formatNumber, plural } from '../lib/format.js';
import { ConfirmDialog } from './ConfirmDialog.js';

export function RemoveProfile({ profile, undo, onRemoved }: { profile: ProfileSummary; undo: () => void; onRemoved: () => void }) {
  const [asking, setAsking] = useState(false);
  const toasts = useToasts();
  const remove = () =>
    getFolio()
      .removeProfile(profile.id)
      .then(
        (result) => {
          onRemoved();
          toasts.show(`Removed ${profile.name}: ${formatNumber(result.trashed)} to the Trash, ${formatNumber(result.kept)} kept`, { action: { label: 'Undo', run: undo } });
        },
        (err: unknown) => toasts.show(`Could not remove ${profile.name}: ${errorMessage(err)}`, { kind: 'error' }),
      );
  return (
    <>
      <button type="button" className="button danger small remove-profile" onClick={() => setAsking(true)}>
        Remove profile…
      </button>
      {asking ? (
        <ConfirmDialog title={`Remove ${profile.name}`} confirmLabel="Remove profile" onClose={() => setAsking(false)} onConfirm={remove}>
          <p>
            Remove {profile.name} and the {plural(profile.paperCount, 'paper')} listed on it? A paper another profile lists, or one you
            tagged, annotated, gave a status or edited, stays in your library; the others go to the Trash, where you can restore them.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
