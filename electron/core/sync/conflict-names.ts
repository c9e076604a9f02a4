// The names file-sync engines give the copies they make when a file changed on two sides (and their temporary and
// placeholder files), and which of Folio's own files each copy belongs to. A conflict copy of an operations file
// is read as one more operations file, never ignored or deleted before it is folded in.

export const CONFLICT_FAMILIES = ['syncthing', 'conflicted-copy', 'owncloud', 'seafile', 'numbered', 'icloud', 'onedrive', 'git'] as const;
export type ConflictFamily = (typeof CONFLICT_FAMILIES)[number];

export interface ConflictCopy {
  /** The name of the Folio file it is a copy of (a copy of a copy resolves to the first original). */
  original: string;
  /** Who names copies this way (the outermost copy's, when copies nest). */
  family: ConflictFamily;
}

/** Each family's marker; `stem` + `ext` is the original's name. Markers sit before the last extension or at the end. */
const MARKERS: ReadonlyArray<{ family: ConflictFamily; pattern: RegExp }> = [
  // Syncthing: "user.sync-conflict-20241205-101112-ABCDEFG.journal"
  { family: 'syncthing', pattern: /^(?<stem>.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+(?<ext>\.[^.]*)?$/ },
  // Dropbox: "x (Ann's conflicted copy 2024-12-05).json", "x (conflicted copy).json", "x (… conflicted copy 2024-12-05 (1)).json";
  // Nextcloud and ownCloud's desktop clients: "x (conflicted copy 2024-12-05 101112).json"
  { family: 'conflicted-copy', pattern: /^(?<stem>.+) \((?:[^()]|\(\d+\))*conflicted copy(?:[^()]|\(\d+\))*\)(?<ext>\.[^.]*)?$/i },
  // older ownCloud: "x_conflict-20241205-101112.json"
  { family: 'owncloud', pattern: /^(?<stem>.+)_conflict-\d{8}-\d{6}(?<ext>\.[^.]*)?$/ },
  // Seafile: "x (SFConflict ann@example.org 2024-12-05-10-11-12).json"
  { family: 'seafile', pattern: /^(?<stem>.+) \(SFConflict [^()]*\)(?<ext>\.[^.]*)?$/ },
  // Google Drive, OneDrive on some setups, browsers, Windows: "x (1).json", "x - Copy.json", "x - Copy (2).json"
  { family: 'numbered', pattern: /^(?<stem>.+?)(?: \(\d+\)| - Copy(?: \(\d+\))?)(?<ext>\.[^.]*)?$/ },
  // iCloud Drive: "x 2.json"
  { family: 'icloud', pattern: /^(?<stem>.+) \d+(?<ext>\.[^.]*)?$/ },
  // git: mergetool's backups "x.json.orig", "x.BACKUP.1234.json" (and BASE, LOCAL, REMOTE); a file/folder clash "x~HEAD"
  { family: 'git', pattern: /^(?<stem>.+)\.orig$/ },
  { family: 'git', pattern: /^(?<stem>.+)\.(?:BACKUP|BASE|LOCAL|REMOTE)\.\d+(?<ext>\.[^.]*)?$/ },
  { family: 'git', pattern: /^(?<stem>.+)~[^~/\\]+$/ },
];

/** OneDrive keeps both sides by adding the computer's name: "x-DESKTOP-4F2K9.json" (the name may hold dashes). */
function oneDriveCandidates(name: string): string[] {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  const candidates: string[] = [];
  for (let i = base.indexOf('-'); i > 0; i = base.indexOf('-', i + 1)) {
    if (/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(base.slice(i + 1))) candidates.push(base.slice(0, i) + ext);
  }
  return candidates;
}

/**
 * The Folio file `name` is a conflict copy of, or null when it is none. `isOwnName` says which names Folio writes
 * (only those can have copies), which also keeps Folio's own dashed or numbered names from reading as copies.
 */
export function recognizeConflictCopy(name: string, isOwnName: (name: string) => boolean, depth = 0): ConflictCopy | null {
  if (depth > 8 || isOwnName(name)) return null;
  const resolve = (candidate: string, family: ConflictFamily): ConflictCopy | null => {
    if (candidate === name || candidate === '') return null;
    if (isOwnName(candidate)) return { original: candidate, family };
    const inner = recognizeConflictCopy(candidate, isOwnName, depth + 1);
    return inner ? { original: inner.original, family } : null;
  };
  for (const { family, pattern } of MARKERS) {
    const groups = pattern.exec(name)?.groups;
    if (!groups) continue;
    const found = resolve(`${groups.stem}${groups.ext ?? ''}`, family);
    if (found) return found;
  }
  for (const candidate of oneDriveCandidates(name)) {
    const found = resolve(candidate, 'onedrive');
    if (found) return found;
  }
  return null;
}

/** What a sync engine's in-progress or placeholder file stands for: a Folio file that is still arriving. */
export interface ArrivingFile {
  original: string;
  engine: 'syncthing' | 'icloud' | 'nextcloud';
}

const ARRIVING: ReadonlyArray<{ engine: ArrivingFile['engine']; pattern: RegExp }> = [
  { engine: 'syncthing', pattern: /^(?:\.syncthing\.|~syncthing~)(?<original>.+)\.tmp$/ },
  // iCloud's placeholder of a file not yet downloaded
  { engine: 'icloud', pattern: /^\.(?<original>.+)\.icloud$/ },
  { engine: 'nextcloud', pattern: /^\.(?<original>.+)\.~[0-9a-f]+$/ },
];

/** The Folio file a sync engine is still writing or has not downloaded yet, or null. */
export function recognizeArrivingFile(name: string, isOwnName: (name: string) => boolean): ArrivingFile | null {
  for (const { engine, pattern } of ARRIVING) {
    const original = pattern.exec(name)?.groups?.original;
    if (original !== undefined && isOwnName(original)) return { original, engine };
  }
  return null;
}
