// Keyboard shortcuts read as data: which key undoes or redoes, which tag a digit key toggles, and which way a toggle
// goes on many papers at once.
import type { TagSummary } from '../../../electron/core/api.js';

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Which of undo / redo a key press asks for, or null: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, and Ctrl+Y (Windows, Linux). */
export function undoKey(event: Keys): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.metaKey && !event.shiftKey) return 'redo';
  return null;
}

/** Whether a key press is the context menu's: the Menu key or Shift+F10. */
export function isContextMenuKey(event: Keys): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey);
}

/** The tag a digit key 1–9 toggles: the one assigned that key (tag menu ▸ Assign to key), never the nth tag. */
export function tagForKey(tags: readonly TagSummary[], key: number): TagSummary | undefined {
  return tags.find((tag) => tag.key === key);
}

/** A toggle on many papers removes the tag when every one of them has it, and adds it otherwise. */
export function toggleAdds(selected: number, withTag: number): boolean {
  return selected === 0 || withTag < selected;
}
