import { createHash } from 'node:crypto';
import { normalizeKey } from '../text.js';

function sha12(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/** The id of the paper whose dedup key (normalizeKey(title)) is `key`: "p-" + 12 hex digits of sha256(key). */
export function paperIdForKey(key: string): string {
  return `p-${sha12(key)}`;
}

/** The id of a profile: "a-" + 12 hex digits of sha256(normalizeKey(name)), so re-imports find it again. */
export function profileIdForName(name: string): string {
  return `a-${sha12(normalizeKey(name))}`;
}
