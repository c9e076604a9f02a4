// A modal dialog: the rest of the app is made inert (no focus, no clicks, hidden from assistive tech)
// while it is open, Tab cycles inside, Esc closes (wherever focus is), and focus goes back where it was.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Element to focus first (else the first focusable one); the dialog itself when it is disabled. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  /** Esc / backdrop do nothing while true (e.g. an import is being written). */
  busy?: boolean;
  dialogRef?: RefObject<HTMLDivElement | null>;
}

const FOCUSABLE = 'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Modal({ title, onClose, children, initialFocus, className, busy = false, dialogRef: externalRef }: Props) {
  const ownRef = useRef<HTMLDivElement>(null);
  const dialogRef = externalRef ?? ownRef;
  const state = useRef({ onClose, busy });
  state.current = { onClose, busy };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening (focus in, trap Tab, focus back on close)
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const app = document.getElementById('app');
    app?.setAttribute('inert', '');
    app?.setAttribute('aria-hidden', 'true');
    const dialog = dialogRef.current;
    const wanted = initialFocus?.current;
    const target = wanted && !(wanted as HTMLButtonElement).disabled ? wanted : initialFocus ? dialog : (dialog?.querySelector<HTMLElement>(FOCUSABLE) ?? dialog);
    target?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        if (!state.current.busy) state.current.onClose();
        return;
      }
      if (event.key !== 'Tab' || !dialog) return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const inside = dialog.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      app?.removeAttribute('inert');
      app?.removeAttribute('aria-hidden');
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !busy) onClose();
      }}
    >
      <div ref={dialogRef} className={`modal${className ? ` ${className}` : ''}`} role="dialog" aria-modal="true" aria-label={title} tabIndex={-1}>
        {children}
      </div>
    </div>,
    document.body,
  );
}
