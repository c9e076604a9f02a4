const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function EmptyLibrary({ onTrySample, onImport }: { onTrySample: () => void; onImport: () => void }) {
  const mod = isMac ? '⌘' : 'Ctrl';
  return (
    <div className="empty-library">
      <div className="empty-card">
        <h2>Your library is empty</h2>
        <p>
          Open a researcher’s profile page, select all (<kbd>{mod}</kbd>+<kbd>A</kbd>) and copy.
          <br />
          Then paste here (<kbd>{mod}</kbd>+<kbd>V</kbd>).
        </p>
        <div className="empty-actions">
          <button type="button" className="button primary" onClick={onTrySample}>
            Try the sample profile
          </button>
          <button type="button" className="button" onClick={onImport}>
            Paste a profile…
          </button>
        </div>
      </div>
    </div>
  );
}
