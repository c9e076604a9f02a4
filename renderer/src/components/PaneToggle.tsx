// A toolbar button that shows or hides a pane; its tooltip names the key (View ▸ Show/Hide … in the menu).
export function PaneToggle({ label, isShown, keys, onToggle }: { label: string; isShown: boolean; keys: string; onToggle: () => void }) {
  const action = `${isShown ? 'Hide' : 'Show'} ${label}`;
  return (
    <button type="button" className={`icon-button pane-toggle pane-toggle-${label.replace(/\s+/g, '-')}`} aria-label={action} aria-keyshortcuts={keys.replace('⌘', 'Meta').replace('\\', 'Backslash')} title={`${action} (${keys})`} onClick={onToggle}>
      <span className={`pane-toggle-icon${isShown ? '' : ' collapsed'}`} aria-hidden="true" />
    </button>
  );
}
