// Long-lived child for the lock race tests: reads one JSON command per stdin line, waits until its start time `at`
// (the same wall-clock moment for every racer: the barrier), runs it, and answers one JSON line on stdout.
//   {"cmd":"lock","dir":...,"at":...,"noHardLinks"?:true}  acquireLock; while holding, create `inside` with O_EXCL (an overlap with
//                                      another holder fails it), read-modify-write `counter`, then release.
//   {"cmd":"tag","dir":...,"at":...,"paper":...,"tag":...}  Library.open, add `tag` to the paper's tags, close.
// It says {"result":"ready"} once loaded. Answers: {"result":"held","overlap":bool,"tookOver":bool} / {"result":"saved"} / {"result":"locked","message"} / {"result":"error","message"}.
import { open, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { Library, LibraryLockedError } from '../../../electron/core/library/index.js';
import { faults } from '../../../electron/core/library/disk.js';
import { acquireLock } from '../../../electron/core/library/lock.js';
import { errorCode, errorMessage } from '../../../electron/core/library/errors.js';

interface Command {
  cmd: 'lock' | 'tag';
  dir: string;
  at: number;
  /** As on a filesystem without hard links (FAT, some network shares): every link() fails with EPERM. */
  noHardLinks?: boolean;
  paper?: string;
  tag?: string;
}

async function untilBarrier(at: number): Promise<void> {
  if (at - Date.now() > 3) await sleep(at - Date.now() - 3);
  while (Date.now() < at) {
    // spin the last milliseconds so that every racer leaves the barrier within a fraction of one
  }
}

async function holdAndCount(dir: string): Promise<boolean> {
  let overlap = false;
  let inside = null;
  try {
    inside = await open(path.join(dir, 'inside'), 'wx');
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    overlap = true;
  }
  const counterFile = path.join(dir, 'counter');
  const count = Number(await readFile(counterFile, 'utf8').catch(() => '0'));
  await sleep(2); // long enough for a second holder, if there were one, to interleave
  await writeFile(counterFile, String(count + 1));
  if (inside) {
    await inside.close();
    await unlink(path.join(dir, 'inside'));
  }
  return overlap;
}

async function run(command: Command): Promise<Record<string, unknown>> {
  const removeRule = command.noHardLinks ? faults.inject({ site: 'lock', op: 'link', kind: 'EPERM' }) : () => undefined;
  await untilBarrier(command.at);
  try {
    if (command.cmd === 'lock') {
      const { lock, problem } = await acquireLock(command.dir, { now: new Date() });
      try {
        return { result: 'held', overlap: await holdAndCount(command.dir), tookOver: problem !== null };
      } finally {
        lock.release();
      }
    }
    const library = await Library.open(command.dir);
    try {
      const paper = command.paper ?? '';
      await library.setTags(paper, [...library.userData(paper).tags, command.tag ?? '']);
    } finally {
      await library.close();
    }
    return { result: 'saved' };
  } catch (error) {
    return { result: error instanceof LibraryLockedError ? 'locked' : 'error', message: errorMessage(error) };
  } finally {
    removeRule();
  }
}

process.stdout.write(`${JSON.stringify({ result: 'ready' })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  process.stdout.write(`${JSON.stringify(await run(JSON.parse(line) as Command))}\n`);
}
