// A simulated file-sync engine over 2-3 folders, seeded: it notices what changed in each folder when asked to scan,
// and delivers each new version of a file to the other folders later, in a random order (so an older version can
// arrive after a newer one, and is then ignored), sometimes first cut short and completed afterwards, sometimes
// twice. A file changed in two folders before they synced is resolved the way Syncthing or Dropbox does it: both
// folders keep the same winner and the same conflict copy of the loser, named as that engine names them. Deletions
// travel too (an edit wins over a concurrent delete). It writes with plain fs: it plays the role of the outside
// engine, not of Folio.
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rng } from './rng.js';

export const CONFLICT_STYLES = ['syncthing', 'dropbox'] as const;
export type ConflictStyle = (typeof CONFLICT_STYLES)[number];

/**
 * Where a delivery cut short shows: 'in-place' under the file's own name (what an engine writing in place, a FUSE
 * or network folder shows), or 'temp' under Syncthing's temporary name `.syncthing.<name>.tmp`, renamed into place
 * once complete (what the real Syncthing does: tests/sync/syncthing-files.test.ts). A temporary file is the
 * engine's own and never travels.
 */
export const PARTIAL_STYLES = ['in-place', 'temp'] as const;
export type PartialStyle = (typeof PARTIAL_STYLES)[number];

const TEMP_FILE = /(^|\/)\.syncthing\.[^/]+\.tmp$/;
const tempNameOf = (file: string): string => {
  const dir = path.posix.dirname(file);
  const name = `.syncthing.${path.posix.basename(file)}.tmp`;
  return dir === '.' ? name : `${dir}/${name}`;
};

export interface SyncSimOptions {
  seed: number;
  /** How conflict copies are named: one engine's way, or each conflict a random one of them. */
  conflictStyle?: ConflictStyle | 'mixed';
  /** A delivery becomes ready 0..maxDelay steps after the scan that found it. */
  maxDelay?: number;
  /** Chance that a delivery first writes a prefix of the file (completed by a later step). */
  cutChance?: number;
  /** Chance that a delivered version is delivered again later. */
  duplicateChance?: number;
  /** Which files travel (relative paths with '/'); by default all. Local-only files stay where they are. */
  isSynced?: (relativePath: string) => boolean;
  /** Where a delivery cut short shows (default 'in-place'); 'mixed': each cut one of them, at random. */
  partialStyle?: PartialStyle | 'mixed';
}

/** Per file, how many edits of each folder a version includes: what tells a newer version from a concurrent one. */
type FileVector = Record<string, number>;

interface Version {
  /** null: the file was deleted. */
  content: Buffer | null;
  vector: FileVector;
  /** The folder whose edit made it, and the simulated time it was found: the conflict copy's name and the winner. */
  origin: string;
  time: number;
}

interface Delivery {
  to: number;
  file: string;
  version: Version;
  readyAt: number;
  /** Bytes written so far when a cut delivery is completed later. */
  cutAt?: number;
  /** Where the cut part was written, when not under the file's own name. */
  tempName?: string;
}

export interface SyncSimStats {
  scans: number;
  versionsFound: number;
  delivered: number;
  ignoredAsOlder: number;
  cutShort: number;
  duplicated: number;
  conflicts: number;
}

interface Known extends Version {
  /** Of the content on disk. */
  hash: string;
  /** Set while the file on disk is a cut-short delivery: the hash of the content it is completed with. */
  partialOf?: string;
}

const hash = (content: Buffer | null): string => (content === null ? 'deleted' : createHash('sha1').update(content).digest('hex'));

function dominates(a: FileVector, b: FileVector): boolean {
  for (const k in b) if ((a[k] ?? 0) < (b[k] as number)) return false;
  return true;
}

function mergeVectors(a: FileVector, b: FileVector): FileVector {
  const out = { ...a };
  for (const k in b) out[k] = Math.max(out[k] ?? 0, b[k] as number);
  return out;
}

async function listFiles(root: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(root, under), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const rel = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

export class SyncSim {
  readonly stats: SyncSimStats = { scans: 0, versionsFound: 0, delivered: 0, ignoredAsOlder: 0, cutShort: 0, duplicated: 0, conflicts: 0 };
  private readonly random: () => number;
  private readonly names: string[];
  /** Per folder: the version each file is at, as far as this engine knows (what it wrote or last scanned). */
  private readonly known: Array<Map<string, Known>>;
  private queue: Delivery[] = [];
  private clock = 0;

  constructor(readonly folders: readonly string[], private readonly options: SyncSimOptions) {
    if (folders.length < 2) throw new Error('A sync needs two folders at least.');
    this.random = rng(options.seed);
    this.names = folders.map((_, i) => `DEV${String.fromCharCode(65 + i)}`);
    this.known = folders.map(() => new Map());
  }

  /** Whether nothing is waiting to be delivered. */
  get isIdle(): boolean {
    return this.queue.length === 0;
  }

  private isSynced(rel: string): boolean {
    return !TEMP_FILE.test(rel) && (this.options.isSynced?.(rel) ?? true);
  }

  /** Finds each folder's changes since the last scan and queues their delivery to the other folders. */
  async scan(): Promise<number> {
    this.stats.scans += 1;
    let found = 0;
    for (let f = 0; f < this.folders.length; f++) {
      const root = this.folders[f] as string;
      const known = this.known[f] as Map<string, Known>;
      const present = new Set((await listFiles(root)).filter((rel) => this.isSynced(rel)));
      const seenNames = new Set([...present, ...known.keys()]);
      for (const file of [...seenNames].sort()) {
        const content = present.has(file) ? await readFile(path.join(root, file)) : null;
        const current = known.get(file);
        const h = hash(content);
        if (current?.hash === h || (current === undefined && content === null)) continue;
        const name = this.names[f] as string;
        const vector = { ...(current?.vector ?? {}), [name]: (current?.vector[name] ?? 0) + 1 };
        const version: Version = { content, vector, origin: name, time: this.clock };
        known.set(file, { ...version, hash: h });
        this.enqueueEverywhereBut(f, file, version);
        found += 1;
      }
    }
    this.stats.versionsFound += found;
    return found;
  }

  private enqueueEverywhereBut(from: number, file: string, version: Version): void {
    const maxDelay = this.options.maxDelay ?? 5;
    for (let to = 0; to < this.folders.length; to++) {
      if (to !== from) this.queue.push({ to, file, version, readyAt: this.clock + Math.floor(this.random() * (maxDelay + 1)) });
    }
  }

  /** Delivers one ready transfer (a random one: deliveries overtake each other). False when nothing is queued. */
  async step(): Promise<boolean> {
    this.clock += 1;
    if (this.queue.length === 0) return false;
    const ready = this.queue.filter((d) => d.readyAt <= this.clock);
    if (ready.length === 0) return true;
    const delivery = ready[Math.floor(this.random() * ready.length)] as Delivery;
    this.queue.splice(this.queue.indexOf(delivery), 1);
    await this.deliver(delivery);
    return true;
  }

  /** Steps and scans until every folder has every version and nothing changes any more. */
  async settle(maxSteps = 100_000): Promise<void> {
    for (let i = 0; i < maxSteps; i++) {
      if (!(await this.step()) && (await this.scan()) === 0 && this.queue.length === 0) return;
    }
    throw new Error(`The simulated sync did not settle in ${maxSteps} steps.`);
  }

  private async write(to: number, file: string, content: Buffer | null): Promise<void> {
    const target = path.join(this.folders[to] as string, file);
    if (content === null) {
      await rm(target, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }

  private async deliver(d: Delivery): Promise<void> {
    const known = this.known[d.to] as Map<string, Known>;
    const current = known.get(d.file);
    const incoming = d.version;
    const isCompletion = d.cutAt !== undefined;
    if (isCompletion) {
      if (d.tempName !== undefined) await rm(path.join(this.folders[d.to] as string, d.tempName), { force: true });
      if (current?.partialOf === hash(incoming.content)) {
        await this.accept(d.to, d.file, incoming, current.vector);
        return;
      }
      // Another version was written over the cut one meanwhile (an older one too): this one is then delivered
      // whole, like any delivery, and ignored only if what is there now includes it.
    }
    if (current && dominates(current.vector, incoming.vector)) {
      this.stats.ignoredAsOlder += 1;
      return;
    }
    if (current && !dominates(incoming.vector, current.vector) && current.hash !== hash(incoming.content)) {
      await this.resolveConflict(d.to, d.file, current, incoming);
      return;
    }
    if (!isCompletion && incoming.content !== null && incoming.content.length > 1 && this.random() < (this.options.cutChance ?? 0.2)) {
      const cutAt = 1 + Math.floor(this.random() * (incoming.content.length - 1));
      const partial = incoming.content.subarray(0, cutAt);
      const style = this.options.partialStyle ?? 'in-place';
      const inTemp = style === 'temp' || (style === 'mixed' && this.random() < 0.5);
      const tempName = inTemp ? tempNameOf(d.file) : undefined;
      await this.write(d.to, tempName ?? d.file, partial);
      // The engine knows this is its own partial write (not a local edit), still at the version it had; in a
      // temporary file, what is under the file's own name has not changed at all.
      const before = current ?? { content: null, vector: {}, origin: incoming.origin, time: incoming.time, hash: hash(null) };
      known.set(d.file, { ...before, hash: inTemp ? before.hash : hash(partial), partialOf: hash(incoming.content) });
      this.stats.cutShort += 1;
      this.queue.push({ ...d, cutAt, tempName, readyAt: this.clock + 1 + Math.floor(this.random() * 3) });
      return;
    }
    await this.accept(d.to, d.file, incoming, current?.vector);
    if (this.random() < (this.options.duplicateChance ?? 0.1)) {
      this.stats.duplicated += 1;
      this.queue.push({ ...d, cutAt: undefined, tempName: undefined, readyAt: this.clock + 1 + Math.floor(this.random() * 5) });
    }
  }

  private async accept(to: number, file: string, version: Version, alsoSeen: FileVector = {}): Promise<void> {
    await this.write(to, file, version.content);
    (this.known[to] as Map<string, Known>).set(file, { ...version, vector: mergeVectors(version.vector, alsoSeen), hash: hash(version.content) });
    this.stats.delivered += 1;
  }

  /**
   * Both folders changed the file: each side keeps the same winner (an edit over a deletion, else the later
   * change, ties by folder) under the file's name, and writes the loser as the same conflict copy; the copy then
   * travels like any new file (it arrives where it already is, identical, and changes nothing).
   */
  private async resolveConflict(to: number, file: string, current: Version, incoming: Version): Promise<void> {
    this.stats.conflicts += 1;
    const later = (a: Version, b: Version): boolean => (a.time !== b.time ? a.time > b.time : a.origin > b.origin);
    const incomingWins = current.content === null || (incoming.content !== null && later(incoming, current));
    const [winner, loser] = incomingWins ? [incoming, current] : [current, incoming];
    const vector = mergeVectors(current.vector, incoming.vector);
    await this.accept(to, file, { ...winner, vector });
    if (loser.content !== null) {
      const copy = this.conflictCopyName(file, loser);
      await this.write(to, copy, loser.content);
    }
  }

  private conflictCopyName(file: string, loser: Version): string {
    const dir = path.posix.dirname(file);
    const base = path.posix.basename(file);
    const dot = base.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
    const at = new Date(Date.UTC(2026, 11, 5, 10, 0, 0) + loser.time * 1000).toISOString();
    const style = this.options.conflictStyle ?? 'syncthing';
    // The style of a 'mixed' run follows from the loser, so both folders name the copy alike.
    const styleHere = style === 'mixed' ? CONFLICT_STYLES[(loser.time + loser.origin.charCodeAt(3)) % 2] : style;
    const name =
      styleHere === 'syncthing'
        ? `${stem}.sync-conflict-${at.slice(0, 10).replaceAll('-', '')}-${at.slice(11, 19).replaceAll(':', '')}-${loser.origin}XXXX${ext}`
        : `${stem} (Host ${loser.origin}'s conflicted copy ${at.slice(0, 10)})${ext}`;
    return dir === '.' ? name : `${dir}/${name}`;
  }
}

/** Every synced file of a folder with its content, for comparing folders. */
export async function folderContents(root: string, isSynced: (rel: string) => boolean = () => true): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of (await listFiles(root)).filter(isSynced).sort()) out.set(rel, (await readFile(path.join(root, rel))).toString('utf8'));
  return out;
}
