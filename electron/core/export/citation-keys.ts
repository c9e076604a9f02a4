// Citation keys for BibTeX and CSL-JSON: "sessa2024bond", ASCII letters and digits only, unique in the library. A
// paper keeps the key it was given when it entered the library (PaperRecord.citeKey); papers stored before keys
// were kept have theirs computed in library order, which never changes for them (see library/cite-keys.ts).
import type { PaperRecord } from '../model.js';
import { foldDiacritics } from '../text.js';

const STOP_WORDS = new Set(['with', 'from', 'that', 'this', 'towards', 'toward', 'using', 'into', 'their']);

function asciiWord(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

function familyName(author: string): string {
  const parts = author.trim().split(/\s+/);
  return parts[parts.length - 1] ?? author;
}

type KeyedFields = Pick<PaperRecord, 'authors' | 'date' | 'title'>;

/** "sessa2024bond": first author's family name, year, first significant title word (before making it unique). */
export function citationKeyBase(paper: KeyedFields): string {
  const family = familyName(paper.authors[0] ?? 'anon');
  const word = paper.title.split(/\s+/).map(asciiWord).find((w) => w.length > 3 && !STOP_WORDS.has(w)) ?? 'paper';
  return `${asciiWord(family) || 'anon'}${paper.date.slice(0, 4)}${word}`;
}

/** The first of `base`, `basea` … `basez`, `basea27` … that is not taken. */
export function freeCitationKey(base: string, isTaken: (key: string) => boolean): string {
  for (let n = 0; ; n++) {
    const key = n === 0 ? base : `${base}${String.fromCharCode(97 + ((n - 1) % 26))}${n > 26 ? n : ''}`;
    if (!isTaken(key)) return key;
  }
}

/**
 * Each paper's key, in order: its stored `citeKey`, else the first free form of its base given the keys before it.
 * Over a whole library in library order, this is every paper's key (library/cite-keys.ts keeps it up to date).
 */
export function citationKeys(papers: ReadonlyArray<KeyedFields & { citeKey?: string }>): string[] {
  const taken = new Set<string>();
  return papers.map((paper) => {
    const key = paper.citeKey ?? freeCitationKey(citationKeyBase(paper), (k) => taken.has(k));
    taken.add(key);
    return key;
  });
}
