// Shown over the whole window while files are dragged over it: where they go and what Folio reads.
export function DropOverlay() {
  return (
    <div className="drop-overlay">
      <div className="drop-overlay-label">
        <p className="drop-overlay-title">Drop files to import</p>
        <p className="drop-overlay-hint">.bib, .ris, .json or .txt · several at once · each gets its own preview</p>
      </div>
    </div>
  );
}
