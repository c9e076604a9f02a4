// Conflict copies and in-progress files of sync engines, recognised by name and traced to the Folio file they copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recognizeArrivingFile, recognizeConflictCopy } from '../../../electron/core/sync/conflict-names.js';

// The names Folio's synced files would have (docs/sync-design.md): journals, segments, abstracts, snapshots.
const OWN = /^(?:journal-\d{6}\.jsonl|segment-\d{6}\.json|segment-\d{6}\.abstracts\.json|snapshot-[0-9a-f-]+\.json|user\.journal|library\.json)$/;
const isOwn = (name: string): boolean => OWN.test(name);

test('conflict copies of each engine resolve to the file they copy', () => {
  const rows: Array<[name: string, original: string | null, family?: string]> = [
    ['journal-000003.sync-conflict-20241205-101112-ABCDEFG.jsonl', 'journal-000003.jsonl', 'syncthing'],
    ['segment-000012.abstracts.sync-conflict-20241205-101112-7QXK2ZA.json', 'segment-000012.abstracts.json', 'syncthing'],
    ['user.sync-conflict-20241205-101112-ABCDEFG.journal', 'user.journal', 'syncthing'],
    ["journal-000003 (Ann's conflicted copy).jsonl", 'journal-000003.jsonl', 'conflicted-copy'],
    ["journal-000003 (Ann Lee's conflicted copy 2024-12-05).jsonl", 'journal-000003.jsonl', 'conflicted-copy'],
    ["journal-000003 (Ann's conflicted copy 2024-12-05 (1)).jsonl", 'journal-000003.jsonl', 'conflicted-copy'],
    ['library (conflicted copy 2024-12-05 101112).json', 'library.json', 'conflicted-copy'],
    ['library (Conflicted Copy).json', 'library.json', 'conflicted-copy'],
    ['library_conflict-20241205-101112.json', 'library.json', 'owncloud'],
    ['library (SFConflict ann@example.org 2024-12-05-10-11-12).json', 'library.json', 'seafile'],
    ['journal-000003 (1).jsonl', 'journal-000003.jsonl', 'numbered'],
    ['journal-000003 (12).jsonl', 'journal-000003.jsonl', 'numbered'],
    ['library - Copy.json', 'library.json', 'numbered'],
    ['library - Copy (2).json', 'library.json', 'numbered'],
    ['journal-000003 2.jsonl', 'journal-000003.jsonl', 'icloud'],
    ['journal-000003-DESKTOP-4F2K9.jsonl', 'journal-000003.jsonl', 'onedrive'],
    ['library-LAPTOP.json', 'library.json', 'onedrive'],
    ['library.json.orig', 'library.json', 'git'],
    ['library.BACKUP.4711.json', 'library.json', 'git'],
    ['library.REMOTE.4711.json', 'library.json', 'git'],
    ['library.json~HEAD', 'library.json', 'git'],
    // a copy of a copy: the outer engine, the first original
    ['journal-000003 (1).sync-conflict-20241205-101112-ABCDEFG.jsonl', 'journal-000003.jsonl', 'syncthing'],
    ["journal-000003.sync-conflict-20241205-101112-ABCDEFG (Ann's conflicted copy).jsonl", 'journal-000003.jsonl', 'conflicted-copy'],
    // Folio's own names, and names that only look like copies, are none
    ['journal-000003.jsonl', null],
    ['segment-000012.json', null],
    ['snapshot-0190f3a1b2c3-00000005.json', null],
    ['notes (1).txt', null],
    ['journal-000003.sync-conflict-2024-ABC.jsonl', null],
    ['journal (1).jsonl', null],
    ['(1).json', null],
    ['', null],
    ['.sync-conflict-20241205-101112-ABCDEFG', null],
    ['library.json.orig.orig.orig.orig.orig.orig.orig.orig.orig.orig', null],
  ];
  for (const [name, original, family] of rows) {
    const found = recognizeConflictCopy(name, isOwn);
    assert.deepEqual(found, original === null ? null : { original, family }, JSON.stringify(name));
  }
});

test('files a sync engine is still writing or has not downloaded yet name the file that is arriving', () => {
  const rows: Array<[name: string, expected: { original: string; engine: string } | null]> = [
    ['.syncthing.journal-000003.jsonl.tmp', { original: 'journal-000003.jsonl', engine: 'syncthing' }],
    ['~syncthing~segment-000012.json.tmp', { original: 'segment-000012.json', engine: 'syncthing' }],
    ['.segment-000012.abstracts.json.icloud', { original: 'segment-000012.abstracts.json', engine: 'icloud' }],
    ['.library.json.~1f2e', { original: 'library.json', engine: 'nextcloud' }],
    ['.syncthing.notes.txt.tmp', null],
    ['journal-000003.jsonl', null],
    ['.journal-000003.jsonl', null],
  ];
  for (const [name, expected] of rows) assert.deepEqual(recognizeArrivingFile(name, isOwn), expected, name);
});
