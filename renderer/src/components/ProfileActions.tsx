// The profile view's action buttons, beside its name in the detail pane: "Remove profile…" (asks first).
import { useState } from 'react';
import type { ProfileDetail } from '../../../electron/core/api.js';
import { RemoveProfileDialog } from './RemoveProfile.js';

export function ProfileActions({ profile, onRemoved }: { profile: ProfileDetail; onRemoved: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <div className="profile-actions">
      <button type="button" className="button danger small" onClick={() => setAsking(true)}>
        Remove profile…
      </button>
      {asking ? <RemoveProfileDialog profile={profile} onClose={() => setAsking(false)} onRemoved={onRemoved} /> : null}
    </div>
  );
}
