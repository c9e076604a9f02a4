// Folio on two computers syncing through git (a bare repository and two clones, each clone's working tree a library
// folder): both import, tag and edit notes through the CLI, commit, pull (merge) and push, round after round. The
// per-device files never conflict, and both converge to what one computer applying everything in stamp order shows.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FolioDevice } from '../../helpers/folio-devices.js';
import { GitClones } from '../../helpers/git-clones.js';
import { waitingForPerDeviceStore } from '../../helpers/store-readiness.js';
import { twoComputers } from '../../helpers/two-computers.js';

test('two clones edit through the CLI and sync by commit, pull, push: no git conflict, both converge, nothing lost', { skip: (await waitingForPerDeviceStore()) ?? false }, async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-git-sync-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const repos = await GitClones.create(root, ['desk', 'laptop']);
  const [deskDir, laptopDir] = repos.clones as [string, string];
  const desk = new FolioDevice('desk', deskDir, path.join(root, 'desk-home'));
  const laptop = new FolioDevice('laptop', laptopDir, path.join(root, 'laptop-home'));
  const engine = {
    apart: async () => undefined,
    // A conflict throws GitConflictError (the test fails naming the files).
    sync: async () => {
      await repos.sync(deskDir, 'desk');
      await repos.sync(laptopDir, 'laptop');
      await repos.sync(deskDir, 'desk');
    },
  };
  const report = await twoComputers(engine, [desk, laptop], path.join(root, 'reference'), { seed: 41, rounds: 3, actionsPerRound: 8 });
  const tracked = await repos.trackedFiles(deskDir);
  assert.deepEqual(tracked.filter((file) => /folio\.lock|^backups\/|index/.test(file)), [], 'no local-only state is committed');
  assert.ok(tracked.some((file) => file.startsWith('devices/desk/')) && tracked.some((file) => file.startsWith('devices/laptop/')), 'each device wrote under devices/<id>/');
  t.diagnostic(`git: ${report.syncs} syncs, ${report.actions} confirmed actions, ${report.entries} journal entries, ${report.papers} papers`);
});
