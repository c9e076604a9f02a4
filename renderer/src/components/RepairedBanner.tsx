// What Folio repaired in the library when opening it, until the user dismisses it.
import { useState } from 'react';

export function RepairedBanner({ problems }: { problems: readonly string[] }) {
  const [isDismissed, setDismissed] = useState(false);
  if (problems.length === 0 || isDismissed) return null;
  return (
    <div className="banner" role="alert">
      <div>
        <strong>Folio repaired the library when opening it.</strong>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(true)}>
        ×
      </button>
    </div>
  );
}
