// "Empty Trash": a confirmation naming how many papers go for good, then one undoable core call.
import { useToasts } from '../hooks/useToasts.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { plural } from '../lib/format.js';
import { ConfirmDialog } from './ConfirmDialog.js';

export function EmptyTrashDialog({ count, onClose, undo }: { count: number; onClose: () => void; undo: () => void }) {
  const toasts = useToasts();
  return (
    <ConfirmDialog
      title="Empty Trash"
      confirmLabel={`Delete ${plural(count, 'paper')}`}
      onClose={onClose}
      onConfirm={() =>
        getFolio()
          .emptyTrash({ confirm: true })
          .then(
            (result) => toasts.show(result.done, { action: { label: 'Undo', run: undo } }),
            (err: unknown) => toasts.show(`Could not empty the Trash: ${errorMessage(err)}`, { kind: 'error' }),
          )
      }
    >
      <p>
        Delete the {plural(count, 'paper')} in the Trash, with their tags and notes? Folio will not show them again; importing
        one later adds it as a new paper. You can undo this until Folio closes.
      </p>
    </ConfirmDialog>
  );
}
