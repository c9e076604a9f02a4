// Child process for the crash and lock tests. Usage:
//   child-library.ts note <dir> <paperId> <text>   open, setNote, print "saved" once durable, then wait forever
//   child-library.ts hold <dir>                    open (taking the lock), print "open", then wait forever
//   child-library.ts try-open <dir>                try to open; print "locked: <message>" or "opened"
//   child-library.ts edits <dir> <paperId>         open with a 3-entry journal threshold (a rotation + background
//                                                  user.json snapshot every 3 edits), then setNote "edit <n>" for
//                                                  n = 1, 2, … forever, printing "saved <n>" as each is durable
//   child-library.ts exit <dir>                    open, print "open", then process.exit(0) without close()
//   child-library.ts bulk <dir>                    like edits, but each step n tags every paper "s<n>" in one bulk
//                                                  action and undoes/redoes it once (three journal lines per step)
import { Library, LibraryLockedError } from '../../../electron/core/library/index.js';

const [mode, dir, ...rest] = process.argv.slice(2);
if (!mode || !dir) throw new Error('usage: child-library.ts <mode> <dir> ...');

const waitForever = (): void => {
  setInterval(() => undefined, 1 << 30);
};

if (mode === 'note') {
  const [id, text] = rest;
  const library = await Library.open(dir);
  await library.setNote(id ?? '', text ?? '');
  process.stdout.write('saved\n');
  waitForever();
} else if (mode === 'edits') {
  const [id] = rest;
  const library = await Library.open(dir, { journalThresholds: { maxEntries: 3 } });
  process.stdout.write('open\n');
  for (let n = 1; ; n++) {
    await library.setNote(id ?? '', `edit ${n}`);
    process.stdout.write(`saved ${n}\n`);
  }
} else if (mode === 'bulk') {
  const library = await Library.open(dir, { journalThresholds: { maxEntries: 3 } });
  const ids = library.papers().map((paper) => paper.id);
  process.stdout.write('open\n');
  for (let n = 1; ; n++) {
    await library.tagPapers(ids, { add: [`s${n}`] });
    await library.undo();
    await library.redo();
    process.stdout.write(`saved ${n}\n`);
  }
} else if (mode === 'hold') {
  await Library.open(dir);
  process.stdout.write('open\n');
  waitForever();
} else if (mode === 'try-open') {
  try {
    const library = await Library.open(dir);
    process.stdout.write('opened\n');
    await library.close();
  } catch (error) {
    if (!(error instanceof LibraryLockedError)) throw error;
    process.stdout.write(`locked: ${error.message}\n`);
  }
} else if (mode === 'exit') {
  await Library.open(dir);
  process.stdout.write('open\n');
  process.exit(0);
} else {
  throw new Error(`unknown mode ${mode}`);
}
