// Folio on two computers kept in step by two real Syncthing instances (npm run test:sync): each side runs the CLI as
// its own process with its own FOLIO_DEVICE_ID and local state; edits made while the instances are apart (imports,
// tags, notes, a tag removed against a re-add, random rounds) converge once they reconnect, to what one computer
// applying every entry in stamp order shows, with nothing confirmed lost and no conflict copy of a Folio file.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FolioDevice } from '../helpers/folio-devices.js';
import { waitingForPerDeviceStore } from '../helpers/store-readiness.js';
import { startSyncthingPair } from '../helpers/syncthing.js';
import { twoComputers } from '../helpers/two-computers.js';

test('two Folio devices over Syncthing: concurrent edits converge, nothing lost, no conflict copies', { skip: (await waitingForPerDeviceStore()) ?? false }, async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-syncthing-folio-'));
  const pair = await startSyncthingPair(root, [path.join(root, 'desk-library'), path.join(root, 'laptop-library')]);
  t.after(async () => {
    await pair.stop();
    await rm(root, { recursive: true, force: true });
  });
  const [deskDir, laptopDir] = pair.folders;
  const desk = new FolioDevice('desk', deskDir, path.join(root, 'desk-home'), true);
  const laptop = new FolioDevice('laptop', laptopDir, path.join(root, 'laptop-home'), true);
  let syncMs = 0;
  const engine = {
    apart: () => pair.disconnect(),
    sync: async () => {
      await pair.reconnect();
      syncMs += (await pair.waitInSync()).ms;
    },
  };
  const report = await twoComputers(engine, [desk, laptop], path.join(root, 'reference'), { seed: 43, rounds: 2, actionsPerRound: 6 });
  const files = (await readdir(deskDir, { recursive: true })).map(String);
  assert.deepEqual(files.filter((file) => file.includes('sync-conflict')), [], 'one writer per file: Syncthing never made a conflict copy');
  t.diagnostic(`syncthing: ${report.syncs} syncs (${syncMs} ms waiting in all), ${report.actions} confirmed actions, ${report.entries} journal entries, ${report.papers} papers`);
});
