// Toast notifications (import results, undo after removals, errors), shown in an aria-live region.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: ToastAction;
  /** Milliseconds before it goes away by itself. */
  duration: number;
}

interface ToastApi {
  show: (message: string, options?: { kind?: Toast['kind']; action?: ToastAction; duration?: number }) => number;
  dismiss: (id: number) => void;
  toasts: Toast[];
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  const show = useCallback<ToastApi['show']>((message, options = {}) => {
    const id = nextId.current++;
    const toast: Toast = {
      id,
      message,
      kind: options.kind ?? 'info',
      duration: options.duration ?? (options.action ? 6000 : options.kind === 'error' ? 8000 : 4000),
      ...(options.action ? { action: options.action } : {}),
    };
    // At most four at once: the oldest goes first.
    setToasts((all) => [...all.slice(-3), toast]);
    return id;
  }, []);

  const value = useMemo(() => ({ show, dismiss, toasts }), [show, dismiss, toasts]);
  return <ToastContext value={value}>{children}</ToastContext>;
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}
