// The profile view's action buttons (the slot where "Remove profile…" goes). Empty until an action lands here.
import type { ProfileDetail } from '../../../electron/core/api.js';

export function ProfileActions(_: { profile: ProfileDetail }) {
  return null;
}
