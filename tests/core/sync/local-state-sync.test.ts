// Local-only state over real sync traffic (issue 11: "folio.lock travels with the folder, so one device's lock blocks
// the other"; "backups would be synced too"): with the app holding the library open on one computer, the other
// computer's CLI still writes once the files have arrived, and neither the simulated engine nor git ever carries a
// lock, a backup or an index.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FolioCore } from '../../../electron/core/folio.js';
import { FolioDevice } from '../../helpers/folio-devices.js';
import { PASTES } from '../../helpers/folio-sync-checks.js';
import { GitClones } from '../../helpers/git-clones.js';
import { waitingForLocalState } from '../../helpers/store-readiness.js';
import { SyncSim, folderContents } from '../../helpers/sync-sim.js';

const waiting = (await waitingForLocalState()) ?? false;

const LOCAL_ONLY = /(^|\/)(folio\.lock|backups\/|index)/;

test("the app holding the library open on desk does not lock out laptop's CLI after a sync; no lock or backup travels", { skip: waiting }, async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-local-state-sync-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const [desk, laptop] = ['desk', 'laptop'].map((name) => new FolioDevice(name, path.join(root, 'sync', name), path.join(root, 'local', name))) as [FolioDevice, FolioDevice];
  for (const device of [desk, laptop]) await mkdir(device.library, { recursive: true });
  const sim = new SyncSim([desk.library, laptop.library], { seed: 17, cutChance: 0 });
  await desk.ok(['import', PASTES[0] as string]);
  const app = await desk.withEnv(() => FolioCore.open(desk.library, { cacheDir: desk.env.FOLIO_CACHE_DIR }));
  t.after(() => app.close());
  await app.overview();
  await sim.settle();
  const [paper] = (await laptop.view()).papers as [{ id: string }];
  const tagged = await laptop.run(['tag', 'add', paper.id, 'from laptop']);
  assert.equal(tagged.code, 0, `laptop writes while desk's app is open: ${tagged.stderr}`);
  await sim.settle();
  for (const device of [desk, laptop]) {
    const files = [...(await folderContents(device.library)).keys()];
    assert.deepEqual(files.filter((file) => LOCAL_ONLY.test(file)), [], `${device.id}'s folder holds only library data`);
  }
});

test('git never commits local state: after imports and edits on both clones, only library data is tracked', { skip: waiting }, async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-local-state-git-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const repos = await GitClones.create(root, ['desk', 'laptop']);
  const [deskDir] = repos.clones as [string, string];
  const desk = new FolioDevice('desk', deskDir, path.join(root, 'desk-home'));
  await desk.ok(['import', PASTES[0] as string]);
  const [paper] = (await desk.view()).papers as [{ id: string }];
  await desk.ok(['tag', 'add', paper.id, 'ml']);
  await desk.ok(['note', 'set', paper.id, 'read §2']);
  await repos.sync(deskDir, 'desk');
  const tracked = await repos.trackedFiles(deskDir);
  assert.ok(tracked.includes('library.json'), tracked.join(', '));
  assert.deepEqual(tracked.filter((file) => LOCAL_ONLY.test(file)), []);
});
