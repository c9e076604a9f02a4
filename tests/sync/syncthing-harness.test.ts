// The Syncthing harness itself (tests/helpers/syncthing.ts): what it fences off is really off in the running
// instances, waiting for a sync that cannot happen fails with a clear message instead of hanging, and stopping
// leaves no Syncthing process behind.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startSyncthingPair } from '../helpers/syncthing.js';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('the instances listen on 127.0.0.1 only, with discovery, relays, NAT, usage and crash reports and upgrades off; a sync that cannot happen times out clearly; stop leaves no process', async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-syncthing-harness-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const pair = await startSyncthingPair(root, [path.join(root, 'a'), path.join(root, 'b')]);
  const pids = pair.instances.map((instance) => instance.pid as number);
  try {
    for (const instance of pair.instances) {
      const { options } = (await instance.rest('GET', '/rest/config')) as { options: Record<string, unknown> };
      assert.deepEqual(
        {
          listenAddresses: options.listenAddresses,
          globalAnnounceEnabled: options.globalAnnounceEnabled,
          localAnnounceEnabled: options.localAnnounceEnabled,
          relaysEnabled: options.relaysEnabled,
          natEnabled: options.natEnabled,
          urAccepted: options.urAccepted,
          crashReportingEnabled: options.crashReportingEnabled,
          autoUpgradeIntervalH: options.autoUpgradeIntervalH,
        },
        {
          listenAddresses: [instance.address],
          globalAnnounceEnabled: false,
          localAnnounceEnabled: false,
          relaysEnabled: false,
          natEnabled: false,
          urAccepted: -1,
          crashReportingEnabled: false,
          autoUpgradeIntervalH: 0,
        },
      );
      const { connections } = (await instance.rest('GET', '/rest/system/connections')) as { connections: Record<string, { address: string }> };
      for (const connection of Object.values(connections)) assert.match(connection.address, /^127\.0\.0\.1:\d+$|^$/);
    }
    await pair.disconnect();
    await writeFile(path.join(pair.folders[0], 'never-arrives.txt'), 'x');
    await assert.rejects(pair.waitInSync(4_000), /did not get in sync in 4000 ms/);
  } finally {
    await pair.stop();
  }
  assert.deepEqual(pids.filter(isRunning), [], 'both Syncthing processes ended');
});
