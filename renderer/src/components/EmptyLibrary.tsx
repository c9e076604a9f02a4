// The first-run screen: how to bring papers in, and a sample to try.

// Name the keys the reader will actually press: ⌘ on a Mac, Ctrl elsewhere.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const key = (letter: string) => (isMac ? `⌘${letter}` : `Ctrl+${letter}`);

export function EmptyLibrary({ onTrySample, onImport }: { onTrySample: () => void; onImport: () => void }) {
  return (
    <div className="empty-library">
      <div className="empty-card">
        <h2>Your library is empty</h2>
        <p>Open a researcher’s profile page, select all ({key('A')}) and copy.</p>
        <p>Then paste here ({key('V')}).</p>
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
