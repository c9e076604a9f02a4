// When Folio's parser for a source has improved since some stored imports were read, a calm banner offers to read
// them again; its button opens the plan (ReparseDialog). Not an alert: nothing is wrong, and nothing is lost meanwhile.
import { useState } from 'react';
import { useLibrary } from '../hooks/useLibrary.js';
import { plural } from '../lib/format.js';
import { ReparseDialog } from './ReparseDialog.js';

export function ReparseBanner() {
  const { overview, reload } = useLibrary();
  const [isOpen, setOpen] = useState(false);
  const [isDismissed, setDismissed] = useState(false);
  const stale = overview?.staleImports ?? 0;
  if (stale === 0 && !isOpen) return null;
  return (
    <>
      {stale > 0 && !isDismissed ? (
        <section className="banner calm reparse-banner" aria-label="Improved parser">
          <p>Folio reads some of your stored pages and files better now. Your tags, notes and reading status are not touched.</p>
          <div className="banner-actions">
            <button type="button" className="button" onClick={() => setOpen(true)}>
              Re-read {plural(stale, 'stored import')} with the improved parser
            </button>
            <button type="button" className="icon-button" aria-label="Not now" title="Not now" onClick={() => setDismissed(true)}>
              ×
            </button>
          </div>
        </section>
      ) : null}
      {isOpen ? (
        <ReparseDialog
          onClose={() => {
            setOpen(false);
            // A re-read that changed no paper sends no library change; its imports are current all the same.
            reload();
          }}
        />
      ) : null}
    </>
  );
}
