import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLI_COMMANDS, USAGE } from '../../electron/cli.js';
import { cliArgumentsOf } from '../../electron/main/cli-mode.js';

const PACKAGED = ['/opt/Folio/folio'];
const CHECKOUT = ['/usr/bin/electron', '--inspect=0', 'dist/electron/main.cjs'];

describe('cliArgumentsOf: is this launch the command line?', () => {
  const rows: Array<{ name: string; argv: string[]; defaultApp?: boolean; expected: string[] | null }> = [
    { name: 'no arguments: the app', argv: PACKAGED, expected: null },
    { name: 'a command', argv: [...PACKAGED, 'list', '--json'], expected: ['list', '--json'] },
    { name: '--library before the command', argv: [...PACKAGED, '--library', '/tmp/lib', 'search', 'rl'], expected: ['--library', '/tmp/lib', 'search', 'rl'] },
    { name: '--library=DIR before the command', argv: [...PACKAGED, '--library=/tmp/lib', 'profiles'], expected: ['--library=/tmp/lib', 'profiles'] },
    { name: '--library alone opens the app on that library', argv: [...PACKAGED, '--library', '/tmp/lib'], expected: null },
    { name: 'a library folder named like a command is not one', argv: [...PACKAGED, '--library', 'list'], expected: null },
    { name: 'a file the desktop passed: the app', argv: [...PACKAGED, '/home/ada/paper.bib'], expected: null },
    { name: 'an unknown word: the app', argv: [...PACKAGED, 'lsit'], expected: null },
    { name: '--help', argv: [...PACKAGED, '--help'], expected: ['--help'] },
    { name: '-h after a command', argv: [...PACKAGED, 'import', '-h'], expected: ['import', '-h'] },
    { name: 'Chromium switches are dropped from the CLI arguments', argv: [...PACKAGED, '--no-sandbox', 'list'], expected: ['list'] },
    { name: 'macOS Finder process serial number: the app', argv: [...PACKAGED, '-psn_0_12345'], expected: null },
    { name: 'after -- nothing is ours', argv: [...PACKAGED, '--', 'list'], expected: null },
    { name: 'checkout: the app path is not a command', argv: [...CHECKOUT, '--library', '/tmp/l'], defaultApp: true, expected: null },
    { name: 'checkout: a command after the app path', argv: [...CHECKOUT, 'export', '--format', 'ris'], defaultApp: true, expected: ['export', '--format', 'ris'] },
    { name: 'checkout: an option value that looks like a command', argv: [...CHECKOUT, '--format', 'list', 'export'], defaultApp: true, expected: ['--format', 'list', 'export'] },
    { name: 'checkout without an app path: the default app', argv: ['/usr/bin/electron'], defaultApp: true, expected: null },
  ];
  for (const { name, argv, defaultApp = false, expected } of rows) {
    it(name, () => assert.deepEqual(cliArgumentsOf(argv, CLI_COMMANDS, defaultApp), expected));
  }
});

describe('CLI_COMMANDS', () => {
  it('names exactly the commands the usage text lists, so the packaged app dispatches every one of them', () => {
    const commandsSection = USAGE.slice(USAGE.indexOf('Commands:'), USAGE.indexOf('Options:'));
    const listed = new Set([...commandsSection.matchAll(/^ {2}([a-z-]+)/gm)].map((match) => match[1]));
    assert.deepEqual([...listed].sort(), [...CLI_COMMANDS].sort());
  });
});
