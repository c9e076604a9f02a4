// What citation-js gets wrong or leaves undecoded in BibTeX values, fixed around it: before it, a few commands it
// does not know (\AA, \LaTeX) and math super/subscripts it misplaces ("$O(n^2)$" → "O(n²⁾"); after it, a dotless ı
// under an accent ({\'\i} gives "ı́", which NFC cannot compose), \par, leftover commands and stray braces.
import type { RawBibEntry } from './bibtex-read.js';

const KNOWN_COMMANDS: Record<string, string> = {
  aa: 'å', AA: 'Å', LaTeX: 'LaTeX', LaTeXe: 'LaTeX2ε', TeX: 'TeX', BibTeX: 'BibTeX', relax: '', ldots: '…',
  dots: '…', textellipsis: '…', noopsort: '', protect: '', mbox: '', hbox: '',
};

// Characters that are TeX syntax, written literally: the text symbols Folio's export uses (\textbraceleft{}, …) and the
// escapes \{ \} \% \& \# \_ \$; and the empty group {} that keeps a ligature apart ("-{}-" is two hyphens, "--" an
// en dash). citation-js drops or mangles them (a name ending in \% swallows the " and " after it), and braces left after
// it are stripped as grouping. predecode puts a placeholder (a Unicode noncharacter, which no text exchanges) in their
// place, and decodeLeftovers turns it into the character (the empty group into nothing) last.
const TEXT_SYMBOLS: Record<string, string> = {
  textbraceleft: '{', textbraceright: '}', textbackslash: '\\', textless: '<', textgreater: '>', textasciitilde: '~',
  textasciicircum: '^', textunderscore: '_', textdollar: '$', textbar: '|',
};
const LITERALS = [...new Set([...Object.values(TEXT_SYMBOLS), '%', '&', '#']), ''];
const placeholderOf = (char: string): string => String.fromCharCode(0xfdd0 + LITERALS.indexOf(char));
const TEXT_SYMBOL = new RegExp(String.raw`\\(${Object.keys(TEXT_SYMBOLS).join('|')})(?![A-Za-z])(?:\{\}| )?|\\([{}%&#_$])|\\\\|(?<=[-\`',?!])\{\}(?=[-\`',])`, 'g');
const PLACEHOLDER = /[\ufdd0-\ufdef]/g;

function withPlaceholders(value: string): string {
  return value.replace(PLACEHOLDER, '').replace(TEXT_SYMBOL, (match, name: string | undefined, escaped: string | undefined) => {
    if (name !== undefined) return placeholderOf(TEXT_SYMBOLS[name] as string);
    if (escaped !== undefined) return placeholderOf(escaped);
    return match === '{}' ? placeholderOf('') : match; // a TeX line break (two backslashes) stays as it is
  });
}

export function decodeLeftovers(text: string, keepParagraphs: boolean): string {
  let out = text;
  if (out.includes('\\')) {
    out = out
      .replace(/\s*\\par\b\s*/g, keepParagraphs ? '\n\n' : ' ')
      // An unknown command loses its backslash but keeps its letters, so no word of the text disappears.
      .replace(/\\([A-Za-z]+)/g, (_match, name: string) => KNOWN_COMMANDS[name] ?? name)
      .replace(/\\(?=[^A-Za-z\s])/g, '');
  }
  if (out.includes('{') || out.includes('}')) out = out.replace(/[{}]/g, '');
  if (out.includes('ı') || out.includes('ȷ')) out = out.replace(/ı(?=\p{M})/gu, 'i').replace(/ȷ(?=\p{M})/gu, 'j');
  // Angle brackets come back last (restoreAngles): the CSL reading strips rich-text tags, and a literal "<b>" is none.
  out = out.replace(PLACEHOLDER, (ch) => (ANGLES.has(ch) ? ch : (LITERALS[ch.charCodeAt(0) - 0xfdd0] ?? '')));
  return out.normalize('NFC');
}

const ANGLES = new Set([placeholderOf('<'), placeholderOf('>')]);
const ANGLE_PLACEHOLDER = new RegExp(`[${[...ANGLES].join('')}]`, 'g');

/** The literal angle brackets decodeLeftovers left as placeholders, once rich-text tags are stripped. */
export function restoreAngles(text: string): string {
  return text.replace(ANGLE_PLACEHOLDER, (ch) => (ch === placeholderOf('<') ? '<' : '>'));
}

// Fields citation-js reads verbatim (no LaTeX), which must stay byte for byte.
const VERBATIM_FIELDS = new Set(['url', 'doi', 'eprint', 'file', 'pdf', 'urlraw', 'verba', 'verbb', 'verbc']);
const UNKNOWN_TO_CITATION_JS = /\\(AA|aa|LaTeXe|LaTeX|TeX|BibTeX)(?![A-Za-z])(?:\{\}| )?/g;
const MATH = /\$([^$]{1,400})\$/g;
const SCRIPT = /(?<!\\)([_^])(?:\{([0-9a-z+\-=()]{1,12})\}|([0-9a-z+\-=()]))/g;
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻',
  '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPTS: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋',
  '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', n: 'ₙ', t: 'ₜ', x: 'ₓ',
};

/**
 * The entry with the LaTeX citation-js mishandles already turned into Unicode or placeholders (other fields
 * untouched), and an abstract's blank lines turned into \par (a paragraph break in TeX, which citation-js would fold).
 */
export function predecode(raw: RawBibEntry): RawBibEntry {
  let properties: RawBibEntry['properties'] | null = null;
  for (const [field, value] of Object.entries(raw.properties)) {
    if (typeof value !== 'string' || VERBATIM_FIELDS.has(field)) continue;
    const paragraphs = field === 'abstract' && /\n[ \t]*\n/.test(value);
    if (!paragraphs && !/\\|\$|\{\}/.test(value)) continue;
    const fixed = withPlaceholders(paragraphs ? value.replace(/[ \t]*\n[ \t]*\n\s*/g, ' \\par ') : value)
      .replace(UNKNOWN_TO_CITATION_JS, (_m, name: string) => KNOWN_COMMANDS[name] ?? name)
      .replace(MATH, scripts);
    if (fixed !== value) (properties ??= { ...raw.properties })[field] = fixed;
  }
  return properties ? { ...raw, properties } : raw;
}

/** "$O(n^2)$" → "$O(n²)$": each ^x / ^{xy} / _x whose characters all have a Unicode script form. */
function scripts(math: string): string {
  return math.replace(SCRIPT, (match, mark: string, braced: string | undefined, single: string | undefined) => {
    const table = mark === '^' ? SUPERSCRIPTS : SUBSCRIPTS;
    const chars = [...(braced ?? single ?? '')];
    return chars.every((ch) => ch in table) ? chars.map((ch) => table[ch]).join('') : match;
  });
}
