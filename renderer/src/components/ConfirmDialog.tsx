// A yes/no question before something that cannot simply be taken back (emptying the Trash, removing a profile).
import { useRef, type ReactNode } from 'react';
import { Modal } from './Modal.js';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: Props) {
  // Focus starts on Cancel: Enter right after opening must not destroy anything.
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal title={title} onClose={onClose} className="confirm-dialog" initialFocus={cancelRef}>
      <header className="modal-header">
        <h2 className="modal-title">{title}</h2>
      </header>
      <div className="confirm-body">{children}</div>
      <footer className="modal-footer">
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            onClose();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
      </footer>
    </Modal>
  );
}
