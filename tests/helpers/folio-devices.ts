// Folio on several "computers" sharing one library through a sync engine: each device is the CLI with its own
// FOLIO_DEVICE_ID and its own local state and cache folders (never inside the synced folder), run in-process (fast)
// or as a child process. Also what the sync tests compare: a device's view of the library, and the stamped
// entries every device's journal holds.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { runCli, type CliIo } from '../../electron/cli.js';
import { recognizeConflictCopy } from '../../electron/core/sync/conflict-names.js';
import { stampedEntrySchema, type StampedEntry } from '../../electron/core/sync/ops.js';
import { spawnCli, type Run } from '../cli/helpers.js';

/** The variables that make one machine's CLI a distinct device (the store's contract, see library/README.md). */
export const DEVICE_ENV = { deviceId: 'FOLIO_DEVICE_ID', stateDir: 'FOLIO_STATE_DIR', cacheDir: 'FOLIO_CACHE_DIR' } as const;

export class FolioDevice {
  /**
   * `home`: this device's local folder; its state and index cache go under it, outside `library`. `asChild`: every
   * command a separate `node electron/cli.ts` process (slower; what a user on another computer runs).
   */
  constructor(
    readonly id: string,
    readonly library: string,
    readonly home: string,
    readonly asChild = false,
  ) {}

  get env(): Record<string, string> {
    return {
      [DEVICE_ENV.deviceId]: this.id,
      [DEVICE_ENV.stateDir]: path.join(this.home, 'state'),
      [DEVICE_ENV.cacheDir]: path.join(this.home, 'cache'),
    };
  }

  /** The CLI in this process, on this device's library. */
  async run(args: readonly string[], stdin = ''): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readStdin: async () => stdin,
      env: this.env,
    };
    const code = await this.withEnv(() => runCli([...args, '--library', this.library], io));
    return { code, stdout, stderr };
  }

  /**
   * Runs `work` with this device's variables in process.env: the store reads the state folder and device id from
   * there (the CLI passes it only the cache folder). Calls are awaited one at a time, never interleaved.
   */
  async withEnv<T>(work: () => Promise<T>): Promise<T> {
    const saved = Object.keys(this.env).map((name) => [name, process.env[name]] as const);
    Object.assign(process.env, this.env);
    try {
      return await work();
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  /** Like run, and throws with what the CLI said unless it exited 0. */
  async ok(args: readonly string[], stdin = ''): Promise<string> {
    const result = this.asChild ? await this.spawn(args, stdin) : await this.run(args, stdin);
    if (result.code !== 0) throw new Error(`folio ${args.join(' ')} on ${this.id} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
  }

  /** The CLI as a child process (a real separate program, as on another computer). */
  spawn(args: readonly string[], stdin = ''): ReturnType<typeof spawnCli> {
    return spawnCli([...args, '--library', this.library], { stdin, env: this.env });
  }

  async view(): Promise<LibraryView> {
    return libraryView((args) => this.ok(args));
  }
}

/** What a user sees of a library: papers (with tags, note, status), the Trash, and profiles. */
export interface LibraryView {
  papers: Array<Record<string, unknown> & { id: string }>;
  trashed: Array<Record<string, unknown> & { id: string }>;
  profiles: Array<Record<string, unknown> & { id: string }>;
}

const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * `list --json`, `list --json --trashed` and `profiles --json`, each sorted by id: two devices agree when these are
 * deeply equal (rows with equal sort keys may be listed in either order, which is not a difference in data).
 */
export async function libraryView(cli: (args: string[]) => Promise<string>): Promise<LibraryView> {
  return {
    papers: byId(JSON.parse(await cli(['list', '--json']))),
    trashed: byId(JSON.parse(await cli(['list', '--json', '--trashed']))),
    profiles: byId(JSON.parse(await cli(['profiles', '--json']))),
  };
}

const JOURNAL = /^journal-\d+\.jsonl$/;

/**
 * Every complete line of every device's journal under `library/devices/*` (conflict copies of journals included,
 * lines cut short by a sync left out), parsed as stamped entries, deduplicated by stamp.
 */
export async function journalEntries(library: string): Promise<StampedEntry[]> {
  const byStamp = new Map<string, StampedEntry>();
  let devices: string[];
  try {
    devices = await readdir(path.join(library, 'devices'));
  } catch {
    return [];
  }
  for (const device of devices) {
    let names: string[];
    try {
      names = await readdir(path.join(library, 'devices', device));
    } catch {
      continue;
    }
    for (const name of names) {
      const isJournal = JOURNAL.test(name) || JOURNAL.test(recognizeConflictCopy(name, (n) => JOURNAL.test(n))?.original ?? '');
      if (!isJournal) continue;
      const text = await readFile(path.join(library, 'devices', device, name), 'utf8');
      for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) {
        if (line.trim() === '') continue;
        const entry = stampedEntrySchema.parse(JSON.parse(line)) as StampedEntry;
        byStamp.set(entry.hlc, entry);
      }
    }
  }
  return [...byStamp.values()];
}
