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
