// Seeded histories of several devices editing one library's user data and reading each other's journals now and
// then: every entry is stamped as a device would (its HLC, what it had seen), so the histories are causally sound.
// Used by the fold's property tests and by bench/sync-crdt.ts.
import { initialClock, now, parseHlc, receive, serializeHlc, type Hlc } from '../../electron/core/sync/hlc.js';
import type { StampedEntry, SyncedOp } from '../../electron/core/sync/ops.js';
import { READING_STATUSES } from '../../electron/core/model.js';
import { rng } from './rng.js';

export interface HistoryOptions {
  seed: number;
  devices: readonly string[];
  /** Actions in total, over all devices. */
  actions: number;
  papers: number;
  tags: number;
  /** Chance that a step is one device reading a prefix of another's journal instead of an action. */
  syncChance: number;
  /** Largest number of papers one bulk action names. */
  maxBulk: number;
  /** Length of the notes written (characters, roughly). */
  noteLength?: number;
}

export interface History {
  /** Each device's journal, in the order it wrote it. */
  journals: Map<string, StampedEntry[]>;
  /** Every entry, in the order they were written (one device at a time). */
  written: StampedEntry[];
}

const WORDS = ['graph', 'neural', 'proof', 'survey', 'quantum', 'kernel', 'bound', 'sparse', 'robust', 'causal', 'ébauche', '模型', '🧪'];

export function paperIdOf(n: number): string {
  return `p-${n.toString(16).padStart(12, '0')}`;
}

type Pick = <T>(items: readonly T[]) => T;

function actionOp(random: () => number, pick: Pick, o: HistoryOptions, device: string, step: number): SyncedOp {
  const paper = (): string => paperIdOf(Math.floor(random() * o.papers));
  const ids = (): string[] => {
    const roll = random();
    const count = roll < 0.85 ? 1 : roll < 0.99 ? 2 + Math.floor(random() * 19) : 50 + Math.floor(random() * Math.max(1, o.maxBulk - 50));
    const n = Math.min(count, o.maxBulk, o.papers);
    const start = Math.floor(random() * o.papers);
    return [...new Set(Array.from({ length: n }, (_, i) => paperIdOf((start + i * 7) % o.papers)))];
  };
  const tag = (): string => {
    const n = Math.floor(random() * o.tags);
    return random() < 0.1 ? `Tag-${n}` : `tag-${n}`;
  };
  const roll = random();
  if (roll < 0.3) return { o: 'tags-add', ids: ids(), tag: tag() };
  if (roll < 0.42) return { o: 'tags-remove', ids: ids(), tag: tag() };
  if (roll < 0.62) return { o: 'status', ids: ids(), status: pick(READING_STATUSES) };
  if (roll < 0.74) {
    const words = Math.max(1, Math.floor(((o.noteLength ?? 40) / 7) * (0.5 + random())));
    return { o: 'note', id: paper(), text: `${device} ${step}: ${Array.from({ length: words }, () => pick(WORDS)).join(' ')}` };
  }
  if (roll < 0.82) {
    return random() < 0.8
      ? { o: 'edit', id: paper(), set: { title: `Title ${step} ${pick(WORDS)}` }, unset: [] }
      : { o: 'edit', id: paper(), set: { doi: `10.1000/${step}` }, unset: ['title'] };
  }
  if (roll < 0.87) return { o: 'trash', ids: ids(), at: `2026-12-0${1 + (step % 9)}T10:00:00.000Z` };
  if (roll < 0.9) return { o: 'untrash', ids: ids() };
  if (roll < 0.92) return { o: 'merge', keep: paper(), other: paper() };
  if (roll < 0.93) return { o: 'unmerge', other: paper() };
  if (roll < 0.95) return { o: 'not-duplicate', a: paper(), b: paper(), value: random() < 0.8 };
  if (roll < 0.97) return { o: 'saved-searches', list: [{ id: `s${step}`, name: `Search ${step}`, search: pick(WORDS), scope: {} }] };
  return { o: 'tags', tags: [{ name: tag(), color: '#e5484d' }] };
}

/** Runs the devices: each step one device either acts or reads a prefix of another device's journal. */
export function simulateHistory(o: HistoryOptions): History {
  const random = rng(o.seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)] as (typeof items)[number];
  const journals = new Map(o.devices.map((d) => [d, [] as StampedEntry[]]));
  const clocks = new Map<string, Hlc>(o.devices.map((d) => [d, initialClock(d)]));
  /** How many entries of each other device each device has read, and the last stamp of each. */
  const read = new Map(o.devices.map((d) => [d, new Map<string, number>()]));
  const seen = new Map(o.devices.map((d) => [d, {} as Record<string, string>]));
  // Each device's clock is off by up to a minute, and sometimes jumps back.
  const skew = new Map(o.devices.map((d) => [d, Math.floor((random() - 0.5) * 120_000)]));
  let physical = 1_765_000_000_000;
  const written: StampedEntry[] = [];
  for (let step = 0; written.length < o.actions; step++) {
    physical += Math.floor(random() * 2000);
    const device = pick(o.devices);
    const clock = clocks.get(device) as Hlc;
    const local = physical + (skew.get(device) as number) - (random() < 0.05 ? 30_000 : 0);
    if (o.devices.length > 1 && random() < o.syncChance) {
      const other = pick(o.devices.filter((d) => d !== device));
      const theirs = journals.get(other) as StampedEntry[];
      const had = read.get(device)?.get(other) ?? 0;
      const upTo = had + Math.floor(random() * (theirs.length - had + 1));
      if (upTo > had) {
        const last = theirs[upTo - 1] as StampedEntry;
        read.get(device)?.set(other, upTo);
        (seen.get(device) as Record<string, string>)[other] = last.hlc;
        clocks.set(device, receive(clock, parseHlc(last.hlc) as Hlc, local).clock);
      }
      continue;
    }
    const stamp = now(clock, local);
    clocks.set(device, stamp);
    const ops = [actionOp(random, pick, o, device, step)];
    if (random() < 0.1) ops.push(actionOp(random, pick, o, device, step));
    const mine = seen.get(device) as Record<string, string>;
    const entry: StampedEntry = Object.keys(mine).length > 0 ? { hlc: serializeHlc(stamp), seen: { ...mine }, ops } : { hlc: serializeHlc(stamp), ops };
    journals.get(device)?.push(entry);
    written.push(entry);
  }
  return { journals, written };
}

/** The entries in stamp order (the order one device would have applied them in). */
export function inStampOrder(entries: readonly StampedEntry[]): StampedEntry[] {
  return [...entries].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}
