import { useEffect, useRef, useState } from 'react';
import type { ProfileDetail } from '../../../electron/core/api.js';
import { onLibraryChange } from '../lib/changes.js';
import { errorMessage, getFolio } from '../lib/folio.js';

export function useProfile(id: string | null): { profile: ProfileDetail | null; error: string | null } {
  const [profile, setProfile] = useState<ProfileDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    setProfile(null);
    setError(null);
    if (!id) return;
    const load = () => {
      const mine = ++seq.current;
      getFolio()
        .profile(id)
        .then(
          (detail) => {
            if (mine === seq.current) setProfile(detail);
          },
          (err: unknown) => {
            if (mine === seq.current) setError(errorMessage(err));
          },
        );
    };
    load();
    return onLibraryChange((change) => {
      if (change.kind === 'import') load();
    });
  }, [id]);

  return { profile, error };
}
