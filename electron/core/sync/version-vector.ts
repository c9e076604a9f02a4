// Version vectors: for each device, the latest of its stamps that a snapshot, a state or an edit has seen. Each
// device's operations are ordered by its own stamps and read as a prefix of its journal, so "seen" is one stamp
// per device: a snapshot says which operations it holds, and an edit says which ones it was made over.
import { deviceOf, isDeviceId, parseHlc } from './hlc.js';

/** Device id → the latest serialized stamp of that device seen. */
export type VersionVector = Readonly<Record<string, string>>;

export const EMPTY_VECTOR: VersionVector = Object.freeze({});

export function isVersionVector(value: unknown): value is VersionVector {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const [device, stamp] of Object.entries(value)) {
    if (!isDeviceId(device) || typeof stamp !== 'string' || parseHlc(stamp)?.device !== device) return false;
  }
  return true;
}

/** True when `stamp` (serialized) is at or before what `vector` has seen of its device. */
export function hasSeen(vector: VersionVector, stamp: string): boolean {
  const latest = vector[deviceOf(stamp)];
  return latest !== undefined && stamp <= latest;
}

/** The vector that has also seen `stamp` (the same object when it already had). */
export function withStamp(vector: VersionVector, stamp: string): VersionVector {
  return hasSeen(vector, stamp) ? vector : { ...vector, [deviceOf(stamp)]: stamp };
}

/** Everything either has seen. */
export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
  const merged: Record<string, string> = { ...a };
  for (const device in b) {
    const stamp = b[device] as string;
    const mine = merged[device];
    if (mine === undefined || stamp > mine) merged[device] = stamp;
  }
  return merged;
}

export const VECTOR_ORDERS = ['equal', 'before', 'after', 'concurrent'] as const;
export type VectorOrder = (typeof VECTOR_ORDERS)[number];

/** How `a` relates to `b`: 'before' when b has seen everything a has and more. */
export function compareVectors(a: VersionVector, b: VersionVector): VectorOrder {
  let aAhead = false;
  let bAhead = false;
  for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[device];
    const y = b[device];
    if (x === y) continue;
    if (y === undefined || (x !== undefined && x > y)) aAhead = true;
    else bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  return aAhead ? 'after' : bAhead ? 'before' : 'equal';
}
