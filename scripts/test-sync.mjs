// `npm run test:sync` (opt-in, not part of `npm test`): the tests under tests/sync/, which start two real Syncthing
// instances on 127.0.0.1 and sync library folders between them. Says how to install Syncthing and exits 1 when it is
// missing; ends with one summary line.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const version = spawnSync('syncthing', ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error(
    'test:sync: Syncthing is not installed. Install it with `sudo apt-get install -y syncthing` (Debian/Ubuntu), ' +
      '`brew install syncthing` (macOS) or from https://syncthing.net, then run `npm run test:sync` again.',
  );
  process.exit(1);
}
const syncthing = version.stdout.trim().split(' ').slice(0, 2).join(' ');
const dir = path.join(root, 'tests', 'sync');
const files = readdirSync(dir).filter((file) => file.endsWith('.test.ts')).sort().map((file) => path.join(dir, file));
// One file at a time: each starts its own pair of instances, and the machine has few cores.
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: root,
  env: { ...process.env, FORCE_COLOR: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
process.stdout.write(run.stdout ?? '');
const count = (label) => Number((run.stdout ?? '').match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
const failed = count('fail') + count('cancelled') + (run.status !== 0 && count('fail') + count('cancelled') === 0 ? 1 : 0);
console.log(`\ntest:sync: ${count('pass')} passed, ${failed} failed, ${count('skipped')} skipped (${syncthing}, two instances on 127.0.0.1, ${files.length} files)`);
process.exit(failed > 0 ? 1 : 0);
