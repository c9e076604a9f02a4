// Text normalisation shared by the parser, the store's dedup keys and the search index, so that all three
// agree on what "the same word" means.

const COMBINING_MARKS = /\p{M}+/gu;
// Letters that NFKD does not decompose but that users type without the accent.
const LATIN_EXTRAS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ı: 'i', þ: 'th', Þ: 'TH',
};
const LATIN_EXTRAS_PATTERN = /[ßæÆœŒøØđĐłŁıþÞ]/g;

/** "Léonard Straße" → "Leonard Strasse". Keeps case; one output char per input char is NOT guaranteed. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(LATIN_EXTRAS_PATTERN, (ch) => LATIN_EXTRAS[ch] ?? ch);
}

/**
 * The dedup key of a title or name: case, diacritics, punctuation and spacing do not matter.
 * "Gemma 2: Improving Open Language Models" and "gemma 2 — improving open language models" share a key.
 */
export function normalizeKey(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]+/gu;
const WHITESPACE_RUNS = /\s+/gu;

/**
 * The dedup key of a paper title: normalizeKey, or for a title with no letters or digits ("🚀🚀🚀", "<", "，")
 * the title itself folded (NFKC, lower case, spacing collapsed), so such a paper is kept rather than refused.
 * The two kinds cannot collide: a folded key always holds a symbol, a normalizeKey never does. "" only for a
 * title with nothing visible at all.
 */
export function titleKey(title: string): string {
  const key = normalizeKey(title);
  if (key !== '') return key;
  return title.normalize('NFKC').replace(CONTROL_OR_FORMAT, '').replace(WHITESPACE_RUNS, ' ').trim().toLowerCase();
}

const FORMAT_CHARACTERS = /\p{Cf}+/gu;
const SPACES_AND_CONTROLS = /[\s\p{Cc}]+/gu;

/**
 * `text` as one line of plain text: format characters (zero-width, bidi) removed, every run of whitespace and
 * control characters (line breaks, tabs, NUL) one space, trimmed, NFC. For short labels (tags, names) shown in
 * line-oriented output.
 */
export function singleLine(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '').replace(SPACES_AND_CONTROLS, ' ').trim().normalize('NFC');
}
