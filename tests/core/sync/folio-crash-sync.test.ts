// kill -9 of a writing CLI while sync traffic arrives in its folder: the simulated engine delivers the other device's
// files (late, cut short, duplicated) and picks up the writer's half-written ones while the writer runs and dies at
// an injected crash point (FOLIO_TEST_FAULTS). The next command on that device must succeed, and once the engine
// settles both devices show the same library, equal to the stamp-order replay, with every confirmed action kept.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FaultRule } from '../../../electron/core/library/disk.js';
import { FolioDevice } from '../../helpers/folio-devices.js';
import { PASTES, allEntries, assertConverged, assertMatchesStampOrder, assertNothingLost, randomAction, type ConfirmedAction } from '../../helpers/folio-sync-checks.js';
import { waitingForPerDeviceStore } from '../../helpers/store-readiness.js';
import { rng } from '../../helpers/rng.js';
import { SyncSim } from '../../helpers/sync-sim.js';
import { spawnCli } from '../../cli/helpers.js';

interface Trial {
  name: string;
  rule: FaultRule;
  /** The command that dies, given a paper id the device shows. */
  command: (paperId: string) => string[];
}

const TRIALS: Trial[] = [
  { name: 'a tag add, at its first fsync', rule: { op: 'fsync', kind: 'crash' }, command: (id) => ['tag', 'add', id, 'crashed'] },
  { name: 'a note, at its first write', rule: { op: 'write', kind: 'crash' }, command: (id) => ['note', 'set', id, 'written while dying'] },
  { name: 'a status, at its second fsync', rule: { op: 'fsync', kind: 'crash', skip: 1 }, command: (id) => ['status', id, 'read'] },
  { name: 'an import, at its first rename', rule: { op: 'rename', kind: 'crash' }, command: () => ['import', PASTES[1] as string] },
  { name: 'an import, at its third write', rule: { op: 'write', kind: 'crash', skip: 2 }, command: () => ['import', PASTES[2] as string] },
];

const waiting = (await waitingForPerDeviceStore()) ?? false;
for (const [n, trial] of TRIALS.entries()) {
  test(`kill -9 of ${trial.name} while the other device's files arrive: the next command works, both converge, nothing confirmed lost`, { skip: waiting }, async (t) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'folio-crash-sync-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const [desk, laptop] = ['desk', 'laptop'].map((name) => new FolioDevice(name, path.join(root, 'sync', name), path.join(root, 'local', name))) as [FolioDevice, FolioDevice];
    for (const device of [desk, laptop]) await mkdir(device.library, { recursive: true });
    const sim = new SyncSim([desk.library, laptop.library], { seed: 300 + n, cutChance: 0.4, duplicateChance: 0.2, maxDelay: 3 });
    const random = rng(700 + n);
    const actions: ConfirmedAction[] = [];
    await desk.ok(['import', PASTES[0] as string]);
    await sim.settle();
    for (let i = 0; i < 6; i++) actions.push(await randomAction(laptop, random, i, 0));
    await sim.scan();

    const [paper] = (await desk.view()).papers as [{ id: string }];
    const child = spawnCli([...trial.command(paper.id), '--library', desk.library], { env: { ...desk.env, FOLIO_TEST_FAULTS: JSON.stringify([trial.rule]) } });
    let running = true;
    void child.finally(() => (running = false));
    let deliveredMeanwhile = 0;
    while (running) {
      if (await sim.step()) deliveredMeanwhile += 1;
      if (random() < 0.3) await sim.scan();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const died = await child;
    assert.equal(died.signal, 'SIGKILL', `the crash rule fired (exit ${died.code}: ${died.stderr})`);

    for (let i = 0; i < 4; i++) actions.push(await randomAction(desk, random, 10 + i, 0));
    await sim.settle();
    const view = await assertConverged([desk, laptop], `after ${trial.name}`);
    const entries = await allEntries([desk.library, laptop.library]);
    assertMatchesStampOrder(view, entries);
    assertNothingLost(actions, entries);
    t.diagnostic(`${deliveredMeanwhile} engine steps while the writer ran; ${sim.stats.cutShort} cut short, ${sim.stats.conflicts} conflicts`);
  });
}
