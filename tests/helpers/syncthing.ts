// Two real Syncthing instances on this machine, loopback only, for `npm run test:sync`: each with its own home in a
// temp folder, GUI/REST and sync listener on random 127.0.0.1 ports, every way of reaching the internet turned off,
// introduced to each other by device id and address, sharing one folder; "in sync" is asked of their REST APIs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** scripts/test-sync.mjs checks first and says how to install it; this is for running a file on its own. */
export const SYNCTHING_MISSING = 'Syncthing is not installed (`npm run test:sync` says how to install it).';

/** The installed Syncthing's version line, or null when there is none on the PATH. */
export function syncthingVersion(): string | null {
  const result = spawnSync('syncthing', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * What `generate` writes that would reach beyond this machine or wait on a person, and what each becomes. Each
 * element must be found exactly once: a Syncthing whose config lacks one is not one this harness knows how to fence in.
 */
function loopbackOptions(listenPort: number): Record<string, string> {
  return {
    listenAddress: `tcp://127.0.0.1:${listenPort}`,
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    // STUN is how NAT traversal finds its outside address; 0 turns its keepalive (and so STUN) off.
    stunKeepaliveStartS: '0',
    urAccepted: '-1',
    crashReportingEnabled: 'false',
    autoUpgradeIntervalH: '0',
    startBrowser: 'false',
    reconnectionIntervalS: '1',
    setLowPriority: 'false',
  };
}

function setOptions(configXml: string, options: Record<string, string>): string {
  let xml = configXml;
  for (const [name, value] of Object.entries(options)) {
    const element = new RegExp(`<${name}>[^<]*</${name}>`, 'g');
    const found = xml.match(element)?.length ?? 0;
    if (found !== 1) throw new Error(`Syncthing's generated config.xml has ${found} <${name}> elements, expected 1.`);
    xml = xml.replace(element, `<${name}>${value}</${name}>`);
  }
  return xml;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FolderStatus {
  state: string;
  needTotalItems: number;
  globalFiles: number;
  localFiles: number;
  errors: number;
  pullErrors: number;
  sequence: number;
}

export interface Completion {
  completion: number;
  needItems: number;
  needDeletes: number;
  remoteState?: string;
}

/** One running Syncthing: its REST API, its log (for failure messages) and a clean stop. */
export class SyncthingInstance {
  deviceId = '';
  private child: ChildProcess | null = null;
  private log = '';
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly name: string,
    readonly home: string,
    readonly guiPort: number,
    readonly listenPort: number,
    private readonly apiKey: string,
  ) {}

  static async start(name: string, home: string): Promise<SyncthingInstance> {
    const [guiPort, listenPort] = [await freePort(), await freePort()];
    const instance = new SyncthingInstance(name, home, guiPort, listenPort, randomBytes(16).toString('hex'));
    await instance.generate();
    instance.spawn();
    await instance.waitUntilUp();
    return instance;
  }

  /** The Syncthing process's id while it runs (undefined once stopped). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get address(): string {
    return `tcp://127.0.0.1:${this.listenPort}`;
  }

  /** The last lines Syncthing logged, for a failure message. */
  tail(lines = 30): string {
    return this.log.split('\n').slice(-lines).join('\n');
  }

  private async generate(): Promise<void> {
    await mkdir(this.home, { recursive: true });
    const generated = spawnSync('syncthing', ['generate', `--home=${this.home}`, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8', env: this.env() });
    if (generated.status !== 0) throw new Error(`syncthing generate failed for ${this.name}: ${generated.stderr || generated.stdout}`);
    const configFile = path.join(this.home, 'config.xml');
    await writeFile(configFile, setOptions(await readFile(configFile, 'utf8'), loopbackOptions(this.listenPort)));
  }

  private env(): NodeJS.ProcessEnv {
    // Its own HOME too, so nothing lands in the user's ~/.config or ~/.local.
    return { PATH: process.env.PATH, HOME: this.home, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1' };
  }

  private spawn(): void {
    const args = ['serve', `--home=${this.home}`, '--no-browser', '--no-restart', '--no-upgrade', `--gui-address=http://127.0.0.1:${this.guiPort}`, `--gui-apikey=${this.apiKey}`, '--logflags=2'];
    const child = spawn('syncthing', args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString('utf8')).slice(-64_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
    runningInstances.add(this);
  }

  private async waitUntilUp(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child?.exitCode !== null) throw new Error(`Syncthing ${this.name} exited while starting:\n${this.tail()}`);
      try {
        const status = (await this.rest('GET', '/rest/system/status')) as { myID: string };
        this.deviceId = status.myID;
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`Syncthing ${this.name} did not answer on 127.0.0.1:${this.guiPort} in ${timeoutMs} ms (${String(error)}):\n${this.tail()}`);
        await sleep(200);
      }
    }
  }

  async rest(method: 'GET' | 'POST' | 'PUT', route: string, body?: unknown, timeoutMs = 30_000): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${route}`, {
      method,
      headers: { 'X-API-Key': this.apiKey, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Syncthing ${this.name}: ${method} ${route} answered ${response.status}: ${text}`);
    return text === '' ? null : JSON.parse(text);
  }

  /** Knows `other` by id, at its loopback address only (no discovery to find it any other way). */
  async introduce(other: SyncthingInstance): Promise<void> {
    await this.rest('PUT', `/rest/config/devices/${other.deviceId}`, { deviceID: other.deviceId, name: other.name, addresses: [other.address], autoAcceptFolders: false });
  }

  /** Shares `dir` as `folderId` with the given devices; the watcher is on with a short delay, scans are also asked for. */
  async shareFolder(folderId: string, dir: string, withDevices: readonly SyncthingInstance[]): Promise<void> {
    await this.rest('PUT', `/rest/config/folders/${folderId}`, {
      id: folderId,
      label: folderId,
      path: dir,
      type: 'sendreceive',
      devices: [this, ...withDevices].map((d) => ({ deviceID: d.deviceId })),
      rescanIntervalS: 3600,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
    });
  }

  async folderStatus(folderId: string): Promise<FolderStatus> {
    return (await this.rest('GET', `/rest/db/status?folder=${folderId}`)) as FolderStatus;
  }

  async completionOf(folderId: string, device: SyncthingInstance): Promise<Completion> {
    return (await this.rest('GET', `/rest/db/completion?folder=${folderId}&device=${device.deviceId}`)) as Completion;
  }

  async isConnectedTo(other: SyncthingInstance): Promise<boolean> {
    const { connections } = (await this.rest('GET', '/rest/system/connections')) as { connections: Record<string, { connected: boolean }> };
    return connections[other.deviceId]?.connected === true;
  }

  /** The id of the latest event, and then every event after `since` (long-polls up to `timeoutS`). */
  async eventsSince(since: number, timeoutS: number): Promise<Array<{ id: number; type: string; data: unknown }>> {
    return (await this.rest('GET', `/rest/events?since=${since}&timeout=${timeoutS}`, undefined, (timeoutS + 10) * 1000)) as Array<{ id: number; type: string; data: unknown }>;
  }

  /** Asks Syncthing to shut down over REST, then SIGTERM, then SIGKILL: it never outlives the test run. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    runningInstances.delete(this);
    if (child.exitCode === null && child.signalCode === null) {
      await this.rest('POST', '/rest/system/shutdown', undefined, 5_000).catch(() => undefined);
      if (!(await settlesWithin(this.exited, timeoutMs))) {
        child.kill('SIGTERM');
        if (!(await settlesWithin(this.exited, 3_000))) child.kill('SIGKILL');
      }
    }
    await this.exited;
  }

  /** Stops talking to `other` (both keep working on their own folders): edits made now are concurrent. */
  async pause(other: SyncthingInstance): Promise<void> {
    await this.rest('POST', `/rest/system/pause?device=${other.deviceId}`);
  }

  async resume(other: SyncthingInstance): Promise<void> {
    await this.rest('POST', `/rest/system/resume?device=${other.deviceId}`);
  }

  killNow(): void {
    this.child?.kill('SIGKILL');
  }

  /** kill -9, as a power cut would stop it, and wait until it is gone. */
  async crash(): Promise<void> {
    this.killNow();
    await this.exited;
    this.child = null;
    runningInstances.delete(this);
  }

  /** Starts it again on the same home (keys, config and database as the crash left them). */
  async restart(): Promise<void> {
    this.spawn();
    await this.waitUntilUp();
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([promise.then(() => true as const), timedOut]);
  clearTimeout(timer);
  return result;
}

/** Instances still running when this process exits (a failed assertion, a timeout, Ctrl-C) are killed. */
const runningInstances = new Set<SyncthingInstance>();
process.once('exit', () => {
  for (const instance of runningInstances) instance.killNow();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const instance of runningInstances) instance.killNow();
    process.exit(130);
  });
}

export interface SyncthingPair {
  instances: [SyncthingInstance, SyncthingInstance];
  /** The shared folder as each instance sees it. */
  folders: [string, string];
  folderId: string;
  /** Scans both folders, then waits until each instance has everything the other has and both are idle. */
  waitInSync(timeoutMs?: number): Promise<SyncReport>;
  /** Cuts the connection both ways and waits until neither sees the other: what each writes now, the other does not see. */
  disconnect(): Promise<void>;
  /** Resumes both ways and waits until they are connected again (call waitInSync after). */
  reconnect(): Promise<void>;
  stop(): Promise<void>;
}

export interface SyncReport {
  ms: number;
  /** Event polls it took. */
  polls: number;
  globalFiles: number;
}

/**
 * Starts two instances with homes under `root`, introduces them to each other, shares `folders[i]` from instance i
 * and waits until they are connected. Stops both if any step fails.
 */
export async function startSyncthingPair(root: string, folders: [string, string], folderId = 'folio-library'): Promise<SyncthingPair> {
  if (syncthingVersion() === null) throw new Error(SYNCTHING_MISSING);
  const started: SyncthingInstance[] = [];
  try {
    for (const name of ['alpha', 'beta']) started.push(await SyncthingInstance.start(name, path.join(root, `syncthing-${name}`)));
    const [a, b] = started as [SyncthingInstance, SyncthingInstance];
    for (const dir of folders) await mkdir(dir, { recursive: true });
    await a.introduce(b);
    await b.introduce(a);
    await a.shareFolder(folderId, folders[0], [b]);
    await b.shareFolder(folderId, folders[1], [a]);
    const connected = () => waitFor(async () => (await a.isConnectedTo(b)) && (await b.isConnectedTo(a)), 60_000, () => `the two instances did not connect over 127.0.0.1:\n${a.tail()}\n${b.tail()}`);
    await connected();
    const pair: SyncthingPair = {
      instances: [a, b],
      folders,
      folderId,
      waitInSync: (timeoutMs) => waitInSync(a, b, folderId, timeoutMs),
      disconnect: async () => {
        await Promise.all([a.pause(b), b.pause(a)]);
        await waitFor(async () => !(await a.isConnectedTo(b)) && !(await b.isConnectedTo(a)), 30_000, () => 'the instances stayed connected after pausing each other');
      },
      reconnect: async () => {
        await Promise.all([a.resume(b), b.resume(a)]);
        await connected();
      },
      stop: async () => {
        await Promise.all([a.stop(), b.stop()]);
      },
    };
    return pair;
  } catch (error) {
    await Promise.all(started.map((instance) => instance.stop()));
    throw error;
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, failure: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${failure()}`);
    await sleep(250);
  }
}

/**
 * In sync: both folders scanned after the caller's edits, both idle with nothing needed and no errors, each sees the
 * other at 100 % with nothing to pull, and both agree on the global file count, twice in a row with an event poll
 * between (so an index update in flight between them is not mistaken for quiet).
 */
async function waitInSync(a: SyncthingInstance, b: SyncthingInstance, folderId: string, timeoutMs = 120_000): Promise<SyncReport> {
  const started = Date.now();
  await Promise.all([a.rest('POST', `/rest/db/scan?folder=${folderId}`), b.rest('POST', `/rest/db/scan?folder=${folderId}`)]);
  let since = (await a.eventsSince(0, 0)).at(-1)?.id ?? 0;
  let quietPolls = 0;
  let polls = 0;
  let last = '';
  while (Date.now() - started < timeoutMs) {
    polls += 1;
    const [sa, sb, ab, ba] = await Promise.all([a.folderStatus(folderId), b.folderStatus(folderId), a.completionOf(folderId, b), b.completionOf(folderId, a)]);
    const errors = sa.errors + sa.pullErrors + sb.errors + sb.pullErrors;
    last = JSON.stringify({ a: sa, b: sb, aSeesB: ab, bSeesA: ba });
    if (errors > 0) throw new Error(`Syncthing reports ${errors} folder errors: ${last}\n${a.tail()}\n${b.tail()}`);
    const isQuiet =
      sa.state === 'idle' &&
      sb.state === 'idle' &&
      sa.needTotalItems === 0 &&
      sb.needTotalItems === 0 &&
      ab.completion === 100 &&
      ba.completion === 100 &&
      ab.needItems + ab.needDeletes + ba.needItems + ba.needDeletes === 0 &&
      sa.globalFiles === sb.globalFiles;
    quietPolls = isQuiet ? quietPolls + 1 : 0;
    if (quietPolls >= 2) return { ms: Date.now() - started, polls, globalFiles: sa.globalFiles };
    const events = await a.eventsSince(since, 1);
    since = events.at(-1)?.id ?? since;
  }
  throw new Error(`Syncthing did not get in sync in ${timeoutMs} ms; last status ${last}\n${a.tail()}\n${b.tail()}`);
}
