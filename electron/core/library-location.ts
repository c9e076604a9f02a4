// Where a library lives when nobody says otherwise. Mirrors Electron's userData folder for an app named
// "Folio" (appData/Folio) so the CLI and the app open the same library by default.
import os from 'node:os';
import path from 'node:path';

export const LIBRARY_FOLDER_NAME = 'library';

export function appDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config');
}

/** $FOLIO_LIBRARY, else <appData>/Folio/library. */
export function defaultLibraryDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home = os.homedir()): string {
  if (env.FOLIO_LIBRARY) return env.FOLIO_LIBRARY;
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(platform, env, home), 'Folio', LIBRARY_FOLDER_NAME);
}
