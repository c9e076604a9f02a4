// Citation keys for BibTeX and CSL-JSON: "Sessa2024bond", ASCII letters and digits only, unique within one export.
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

/** "Sessa2024bond": first author's family name, year, first significant title word; made unique. */
export function citationKeys(papers: readonly PaperRecord[]): string[] {
  const seen = new Map<string, number>();
  return papers.map((paper) => {
    const family = familyName(paper.authors[0] ?? 'anon');
    const word = paper.title.split(/\s+/).map(asciiWord).find((w) => w.length > 3 && !STOP_WORDS.has(w)) ?? 'paper';
    const base = `${asciiWord(family) || 'anon'}${paper.date.slice(0, 4)}${word}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}${String.fromCharCode(97 + ((count - 1) % 26))}${count > 26 ? count : ''}`;
  });
}
