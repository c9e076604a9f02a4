import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveLibraryDir } from '../../electron/main/library-dir.js';

const USER_DATA = '/home/ada/.config/Folio';
const CWD = '/work';
const ELECTRON = ['/opt/Folio/folio'];

describe('resolveLibraryDir', () => {
  const rows: Array<{ name: string; argv: string[]; env: Record<string, string | undefined>; expected: string }> = [
    { name: 'default: userData/library', argv: ELECTRON, env: {}, expected: '/home/ada/.config/Folio/library' },
    { name: 'env', argv: ELECTRON, env: { FOLIO_LIBRARY: '/data/lib' }, expected: '/data/lib' },
    { name: 'env relative to cwd', argv: ELECTRON, env: { FOLIO_LIBRARY: 'lib' }, expected: '/work/lib' },
    { name: 'empty env is unset', argv: ELECTRON, env: { FOLIO_LIBRARY: '' }, expected: '/home/ada/.config/Folio/library' },
    { name: 'blank env is unset', argv: ELECTRON, env: { FOLIO_LIBRARY: '   ' }, expected: '/home/ada/.config/Folio/library' },
    { name: '--library DIR', argv: [...ELECTRON, '--library', '/tmp/l'], env: {}, expected: '/tmp/l' },
    { name: '--library=DIR', argv: [...ELECTRON, '--library=/tmp/l'], env: {}, expected: '/tmp/l' },
    { name: 'flag beats env', argv: [...ELECTRON, '--library', '/tmp/l'], env: { FOLIO_LIBRARY: '/data/lib' }, expected: '/tmp/l' },
    { name: 'relative flag', argv: [...ELECTRON, '--library', './mine'], env: {}, expected: '/work/mine' },
    {
      name: 'dev launch with Chromium switches around it',
      argv: ['/usr/bin/electron', '--inspect=0', 'dist/electron/main.cjs', '--library', '/tmp/x y', '--remote-debugging-port=0'],
      env: {},
      expected: '/tmp/x y',
    },
    { name: 'last flag wins', argv: [...ELECTRON, '--library', '/a', '--library=/b'], env: {}, expected: '/b' },
    { name: 'a look-alike flag is not the flag', argv: [...ELECTRON, '--library-dir', '/a'], env: {}, expected: '/home/ada/.config/Folio/library' },
    { name: 'after -- is not ours', argv: [...ELECTRON, '--', '--library', '/a'], env: {}, expected: '/home/ada/.config/Folio/library' },
  ];
  for (const { name, argv, env, expected } of rows) {
    it(name, () => assert.equal(resolveLibraryDir(argv, env, USER_DATA, CWD), expected));
  }

  const bad: Array<{ name: string; argv: string[] }> = [
    { name: '--library at the end', argv: [...ELECTRON, '--library'] },
    { name: '--library followed by a flag', argv: [...ELECTRON, '--library', '--inspect'] },
    { name: '--library with an empty value', argv: [...ELECTRON, '--library', ''] },
    { name: '--library= empty', argv: [...ELECTRON, '--library='] },
  ];
  for (const { name, argv } of bad) {
    it(`throws for ${name}`, () => assert.throws(() => resolveLibraryDir(argv, {}, USER_DATA, CWD), /--library=? needs a folder/));
  }
});
