// Where Folio keeps caches: today only the persisted search index (search/index-file.ts). A cache folder,
// not the library folder, because the library is the user's data (synced, backed up, compared byte for
// byte by our own tests) and the index is ~100 MB at 100k papers that can always be rebuilt from it.
import path from 'node:path';
import { libraryLocalDir } from './library/local-state.js';

export interface CacheEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

/**
 * The per-user cache folder for Folio, by platform convention: FOLIO_CACHE_DIR if set; macOS
 * ~/Library/Caches/Folio; Windows %LOCALAPPDATA%\Folio\Cache; elsewhere $XDG_CACHE_HOME/folio or
 * ~/.cache/folio. The CLI and the app use the same one, so either can reuse the index the other wrote.
 */
export function defaultCacheDir({ platform, env, home }: CacheEnvironment): string {
  const override = env.FOLIO_CACHE_DIR;
  if (override !== undefined && override !== '') return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'Folio');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local !== undefined && local !== '' ? path.win32.join(local, 'Folio', 'Cache') : path.win32.join(home, 'AppData', 'Local', 'Folio', 'Cache');
  }
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg !== undefined && xdg !== '' && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'folio');
}

/**
 * The index file of one library: in the cache folder's subfolder for that library, named like its local state
 * folder (`Library.local.key`: its library id, so a moved folder keeps its index).
 */
export function indexFileFor(cacheDir: string, libraryKey: string): string {
  return path.join(libraryLocalDir(cacheDir, libraryKey), 'search-index.bin');
}
