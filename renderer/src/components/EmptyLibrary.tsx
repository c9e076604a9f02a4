// The first-run screen: how to bring papers in, and a sample to try.
export function EmptyLibrary({ onTrySample, onImport }: { onTrySample: () => void; onImport: () => void }) {
  return (
    <div className="empty-library">
      <div className="empty-card">
        <h2>Your library is empty</h2>
        <p>Open a researcher's profile page, select all (Ctrl/Cmd+A) and copy.</p>
        <p>Then paste here (Ctrl/Cmd+V).</p>
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
