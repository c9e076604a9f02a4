// The write seam: every byte checked before a rename, and faults injected by site and operation.
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import {
  FAULT_KINDS,
  SimulatedCrash,
  appendDurably,
  copyFileAtomic,
  faults,
  isTempName,
  openForAppend,
  writeFileAtomic,
} from '../../../electron/core/library/disk.js';
import type { DiskOp, FaultKind } from '../../../electron/core/library/disk.js';
import { tempDir } from './helpers.js';

afterEach(() => faults.clear());

const OLD = 'old contents\n';
const NEW = `${'new contents '.repeat(5000)}\n`;

const atomicCases: Array<{ op: DiskOp; kind: FaultKind }> = (['open', 'write', 'fsync', 'rename'] as const).flatMap((op) =>
  FAULT_KINDS.filter((kind) => kind !== 'crash' && (kind !== 'short' || op === 'write')).map((kind) => ({ op, kind })),
);

for (const { op, kind } of atomicCases) {
  test(`writeFileAtomic: ${kind} at ${op} leaves the previous file and no temp file`, async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'user.json');
    await writeFile(file, OLD);
    faults.inject({ site: 'user.json', op, kind });
    await assert.rejects(writeFileAtomic(file, NEW, 'user.json'), (error: NodeJS.ErrnoException) => {
      assert.equal(error.code, kind === 'short' ? 'ENOSPC' : kind);
      return true;
    });
    assert.equal(await readFile(file, 'utf8'), OLD);
    assert.deepEqual(await readdir(dir), ['user.json']);
  });
}

test('writeFileAtomic: a fault at another site does not fire', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'user.json');
  faults.inject({ site: 'library.json', op: 'write', kind: 'ENOSPC' });
  await writeFileAtomic(file, NEW, 'user.json');
  assert.equal(await readFile(file, 'utf8'), NEW);
});

test('skip and times: the first call passes, the second fails, the third passes', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'x.json');
  faults.inject({ op: 'rename', kind: 'EIO', skip: 1, times: 1 });
  await writeFileAtomic(file, 'a', 'x');
  await assert.rejects(writeFileAtomic(file, 'b', 'x'), /EIO/);
  await writeFileAtomic(file, 'c', 'x');
  assert.equal(await readFile(file, 'utf8'), 'c');
});

test('a crash stops every later write until cleared, and leaves its temp file as a dead process would', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'library.json');
  await writeFile(file, OLD);
  faults.inject({ site: 'library.json', op: 'fsync', kind: 'crash' });
  await assert.rejects(writeFileAtomic(file, NEW, 'library.json'), SimulatedCrash);
  await assert.rejects(writeFileAtomic(path.join(dir, 'other'), 'x', 'other'), SimulatedCrash);
  assert.equal(faults.crashed, true);
  const names = await readdir(dir);
  assert.equal(names.filter(isTempName).length, 1, `temp file left: ${names.join(', ')}`);
  assert.equal(await readFile(file, 'utf8'), OLD);
  faults.clear();
  await writeFileAtomic(path.join(dir, 'other'), 'x', 'other');
});

test('copyFileAtomic: ENOSPC at copy leaves the target absent and no temp file', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'a'), NEW);
  faults.inject({ op: 'copy', kind: 'ENOSPC' });
  await assert.rejects(copyFileAtomic(path.join(dir, 'a'), path.join(dir, 'b'), 'backup'), /ENOSPC/);
  assert.deepEqual(await readdir(dir), ['a']);
});

test('appendDurably writes at the given offset, over a torn tail', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'user.journal');
  await writeFile(file, 'line 1\nTORN');
  const handle = await openForAppend(file, 'user.journal');
  try {
    await appendDurably(handle, file, 7, Buffer.from('line 2\n'), 'user.journal');
  } finally {
    await handle.close();
  }
  assert.equal(await readFile(file, 'utf8'), 'line 1\nline 2\n');
});

test('every write op is recorded with its site', async (t) => {
  const dir = await tempDir(t);
  const seen: string[] = [];
  const stop = faults.record((site, op) => seen.push(`${site}:${op}`));
  await writeFileAtomic(path.join(dir, 'f'), 'x', 'segment');
  stop();
  for (const op of ['open', 'write', 'fsync', 'close', 'rename']) assert.ok(seen.includes(`segment:${op}`), `${op} in ${seen.join(' ')}`);
});
