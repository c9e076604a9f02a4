// What every menu the page draws at a point does (the tag menu, a saved search's, the papers' context menu): stay
// inside the window, focus its first item, close on a click outside it. Each menu keeps its own keys.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** `itemSelector` picks the menu's focusable items; `onOutside` runs on a pointer press outside the menu. */
export function useFloatingMenu(at: { x: number; y: number }, itemSelector: string, onOutside: () => void) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);
  const outside = useRef(onOutside);
  outside.current = onOutside;

  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const rect = menu.getBoundingClientRect();
    setPos({ x: Math.max(4, Math.min(at.x, window.innerWidth - rect.width - 4)), y: Math.max(4, Math.min(at.y, window.innerHeight - rect.height - 4)) });
    menu.querySelector<HTMLElement>(itemSelector)?.focus();
  }, [at, itemSelector]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) outside.current();
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, []);

  /** The menu's items now, in document order. */
  const items = (): HTMLElement[] => [...(menuRef.current?.querySelectorAll<HTMLElement>(itemSelector) ?? [])];
  return { menuRef, pos, items };
}
