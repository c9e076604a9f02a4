// One tokenizer for the index, the query and the highlighter, so that "the same word" means the same thing
// in all three. Terms are folded with the store's foldDiacritics and lower-cased; every token also knows where
// it sits in the ORIGINAL text, because folding can change lengths ("ß" → "ss", "ﬁ" → "fi", decomposed
// accents vanish) and highlight ranges must point at what the user sees.
import { foldDiacritics } from '../text.js';

export interface Token {
  /** Folded, lower-cased term. */
  term: string;
  /** [start, end) of the token in the original text, UTF-16 units. */
  start: number;
  end: number;
  /**
   * ends[i] = original offset just after the code point that produced folded char i of `term`. Lets the
   * highlighter turn "the first k folded chars" (a prefix match) into an original range. null when the
   * token is ASCII, where folded char i is original char start + i.
   */
  ends: number[] | null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
// Scripts written without spaces between words: each character is its own term, so a query for part of a
// Chinese or Japanese name still finds it (a word segmenter would be better; this is honest and cheap).
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

// Folding one code point at a time is the slow part; the alphabet of a library is small, so cache it.
const foldCache = new Map<string, string>();
function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = foldDiacritics(ch).toLowerCase();
    foldCache.set(ch, folded);
  }
  return folded;
}

/** Folded lower-cased form of a whole string, as the tokenizer sees it (for substring filters). */
export function foldText(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

/** Tokens with original offsets. Used by the highlighter (the ~50 rows of a page per query). */
export function tokenizeWithOffsets(text: string): Token[] {
  // ASCII text (most abstracts): lower-casing keeps offsets, so scan char codes without any folding.
  const ascii: Token[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c > 127) return tokenizeExact(text);
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      ascii.push({ term: text.slice(start, i).toLowerCase(), start, end: i, ends: null });
      start = -1;
    }
  }
  return ascii;
}

function tokenizeExact(text: string): Token[] {
  const tokens: Token[] = [];
  let term = '';
  let start = -1;
  let ends: number[] = [];
  let lastEnd = 0;
  const flush = (): void => {
    if (term !== '') tokens.push({ term, start, end: lastEnd, ends });
    term = '';
    start = -1;
    ends = [];
  };
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (MARK.test(ch)) {
      // A combining accent belongs to the letter before it; it folds to nothing but widens the token.
      if (term !== '') lastEnd = next;
      i = next;
      continue;
    }
    if (UNSPACED_SCRIPT.test(ch)) {
      flush();
      tokens.push({ term: foldChar(ch), start: i, end: next, ends: Array.from(foldChar(ch), () => next) });
      i = next;
      continue;
    }
    const folded = foldChar(ch);
    for (const f of folded) {
      if (WORD_CHAR.test(f)) {
        if (term === '') start = i;
        term += f;
        ends.push(next);
        lastEnd = next;
      } else {
        flush();
      }
    }
    if (folded === '') flush();
    i = next;
  }
  flush();
  return tokens;
}

/** Just the terms; the index calls this for every field of every paper, so ASCII text takes a fast path. */
export function tokenizeTerms(text: string): string[] {
  if (ASCII_ONLY.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  // Folding the whole string gives the same terms as folding char by char (combining marks are dropped
  // either way, and LATIN_EXTRAS map single chars), so accented Latin text that folds to ASCII — most
  // names — can still take the regex path; anything else (CJK, Greek, Cyrillic) takes the exact one.
  const folded = foldText(text);
  if (ASCII_ONLY.test(folded)) return folded.match(ASCII_WORD) ?? [];
  return tokenizeWithOffsets(text).map((t) => t.term);
}

/** Original [start, end) covering the first `foldedLength` folded chars of a token. */
export function originalPrefixEnd(token: Token, foldedLength: number): number {
  if (foldedLength >= token.term.length) return token.end;
  if (token.ends === null) return token.start + Math.max(1, foldedLength);
  return token.ends[Math.max(0, foldedLength - 1)] ?? token.end;
}

/** True for a Han/kana character term, which is a word of its own even though it is one character. */
export function isUnspacedScriptTerm(term: string): boolean {
  return UNSPACED_SCRIPT.test(term);
}
