// Which library folder this run opens: `--library DIR`, else $FOLIO_LIBRARY, else <userData>/library.
import path from 'node:path';

export class LibraryDirArgumentError extends Error {
  override name = 'LibraryDirArgumentError';
}

/**
 * Accepts `--library DIR` and `--library=DIR` anywhere in argv (Electron and Chromium put their own
 * switches around it). Relative folders resolve against `cwd`. A flag without a folder throws rather than
 * silently opening a different library.
 */
export function resolveLibraryDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
  cwd: string = process.cwd(),
): string {
  const fromArgs = libraryArgument(argv);
  if (fromArgs !== undefined) return path.resolve(cwd, fromArgs);
  const fromEnv = env.FOLIO_LIBRARY?.trim();
  if (fromEnv) return path.resolve(cwd, fromEnv);
  return path.join(userDataDir, 'library');
}

function libraryArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--library') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new LibraryDirArgumentError('--library needs a folder, e.g. --library ~/Documents/Folio.');
      }
      found = next;
      i++;
    } else if (arg.startsWith('--library=')) {
      const value = arg.slice('--library='.length);
      if (value === '') throw new LibraryDirArgumentError('--library= needs a folder, e.g. --library=~/Documents/Folio.');
      found = value;
    }
  }
  return found;
}
