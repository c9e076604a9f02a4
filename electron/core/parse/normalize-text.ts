// Clean-up of pasted text before any parsing. Browsers and OSes put all sorts of invisible or exotic characters on
// the clipboard (CRLF from Windows, lone CR from old Mac apps, NBSP between a number and its unit, zero-width
// spaces inserted by frameworks, a BOM from some editors). Parsing rules downstream are written for plain "\n" and
// plain " ", so everything is folded to those here, once, in linear passes.

// U+2028/U+2029 (line/paragraph separator) and U+0085 (NEL) are line ends too.
const LINE_ENDS = /\r\n?|[\u0085\u2028\u2029]/g;
// Tab, vertical tab, form feed, NBSP, Ogham space, U+2000–U+200A, narrow NBSP, medium math space, ideographic space.
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Zero-width space/non-joiner/joiner, word joiner, BOM (anywhere, not only at the start), soft hyphen, and every
// other format character (bidi marks, tag characters) and control character that is not a line end or a space:
// all invisible on the page, so they must not split or change words, nor reach a title, a name or an export.
// (Set subtraction needs the "v" flag; a lookahead in its place made this pass three times slower.)
// biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag needs a newer TypeScript target than ours (ES2023)
const INVISIBLES = new RegExp(String.raw`[[\p{Cc}\p{Cf}]--[\t\n\v\f\r\u0085]]`, 'gv');
const SPACE_RUNS = / {2,}/g;

/**
 * Returns the text as trimmed lines: "\n" line ends, Unicode spaces as " ", invisible characters removed, NFC
 * composition (so "é" typed as e + combining accent equals the precomposed "é"), runs of spaces collapsed.
 * Blank lines are kept as "" because they carry structure (paragraph breaks).
 */
export function normalizeLines(text: string): string[] {
  const cleaned = text
    .replace(INVISIBLES, '')
    .replace(LINE_ENDS, '\n')
    .replace(ODD_SPACES, ' ')
    .normalize('NFC');
  const lines = cleaned.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    lines[i] = (line.includes('  ') ? line.replace(SPACE_RUNS, ' ') : line).trim();
  }
  return lines;
}
