// Hybrid logical clocks: the stamp every synced operation carries. Stamps are totally ordered (wall, counter, then
// device id), never go backwards on one device even when its clock does, and order an edit after every edit its
// device had seen, whatever the other devices' clocks say.

/** One device's id: a folder name under devices/ (no dots, so no name can be a conflict copy or a temp file). */
export const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface Hlc {
  /** Milliseconds since the epoch: the largest physical time this clock has seen. */
  wall: number;
  /** Orders stamps with the same wall time. */
  counter: number;
  device: string;
}

/** Beyond this a counter no longer fits its 8 hex digits: the clock refuses to tick rather than mis-order. */
export const MAX_COUNTER = 0xffffffff;
const MAX_WALL = 0xffffffffffff;
/** A remote stamp this far ahead of our physical clock says that device's clock is wrong (reported, not refused). */
export const DEFAULT_MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID.test(value);
}

function checkDevice(device: string): void {
  if (!isDeviceId(device)) throw new RangeError(`Not a device id: ${JSON.stringify(device)} (1-64 letters, digits, - or _).`);
}

function checkWall(wall: number): number {
  if (!Number.isSafeInteger(wall) || wall < 0 || wall > MAX_WALL) throw new RangeError(`Not a clock time: ${wall}.`);
  return wall;
}

/** A clock that has issued nothing yet. */
export function initialClock(device: string): Hlc {
  checkDevice(device);
  return { wall: 0, counter: 0, device };
}

function tick(device: string, wall: number, previous: readonly Hlc[]): Hlc {
  let counter = -1;
  for (const stamp of previous) if (stamp.wall === wall && stamp.counter > counter) counter = stamp.counter;
  if (counter + 1 > MAX_COUNTER) throw new RangeError('The clock counter overflowed: the physical clock has not moved for 4 billion stamps.');
  return { wall, counter: counter + 1, device };
}

/** The stamp of a local event at physical time `physicalNow`: later than `clock` even if the physical clock went back. */
export function now(clock: Hlc, physicalNow: number): Hlc {
  const wall = Math.max(clock.wall, checkWall(Math.floor(physicalNow)));
  return tick(clock.device, wall, [clock]);
}

export interface Received {
  clock: Hlc;
  /** How far the remote stamp was ahead of our physical clock (0 when behind). */
  aheadMs: number;
  /** True when that is more than the allowed drift: the other device's clock is wrong, and the user is told. */
  isSkewed: boolean;
}

/**
 * Our clock after seeing `remote`: later than both. A stamp from a device whose clock runs ahead is still
 * accepted and our clock follows it (refusing it would lose that device's edits, and not following it would let
 * an edit made after seeing it lose to it); the skew is reported instead.
 */
export function receive(clock: Hlc, remote: Hlc, physicalNow: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): Received {
  const physical = checkWall(Math.floor(physicalNow));
  const wall = Math.max(clock.wall, checkWall(remote.wall), physical);
  const aheadMs = Math.max(0, remote.wall - physical);
  return { clock: tick(clock.device, wall, [clock, remote]), aheadMs, isSkewed: aheadMs > maxDriftMs };
}

/** Total order: wall time, then counter, then device id (so two devices' stamps never tie). */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/**
 * "0190f3a1b2c3-00000000-laptop": fixed-width hex, so comparing two serialized stamps as strings gives the same
 * order as compareHlc (the fold compares strings).
 */
export function serializeHlc(stamp: Hlc): string {
  checkDevice(stamp.device);
  checkWall(stamp.wall);
  if (!Number.isInteger(stamp.counter) || stamp.counter < 0 || stamp.counter > MAX_COUNTER) throw new RangeError(`Not a clock counter: ${stamp.counter}.`);
  return `${stamp.wall.toString(16).padStart(12, '0')}-${stamp.counter.toString(16).padStart(8, '0')}-${stamp.device}`;
}

const SERIALIZED = /^([0-9a-f]{12})-([0-9a-f]{8})-([A-Za-z0-9_-]{1,64})$/;

/** The stamp a string holds, or null when it is not one serializeHlc writes. */
export function parseHlc(text: string): Hlc | null {
  const match = SERIALIZED.exec(text);
  if (!match) return null;
  return { wall: parseInt(match[1] as string, 16), counter: parseInt(match[2] as string, 16), device: match[3] as string };
}

/** The device of a serialized stamp (what follows the second dash), without parsing the rest. */
export function deviceOf(serialized: string): string {
  return serialized.slice(22);
}
