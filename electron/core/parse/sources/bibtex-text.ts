// What citation-js gets wrong or leaves undecoded in BibTeX values, fixed around it: before it, a few commands it
// does not know (\AA, \LaTeX) and math super/subscripts it misplaces ("$O(n^2)$" → "O(n²⁾"); after it, a dotless ı
// under an accent ({\'\i} gives "ı́", which NFC cannot compose), \par, leftover commands and stray braces.
import type { RawBibEntry } from './bibtex-read.js';

const KNOWN_COMMANDS: Record<string, string> = {
  aa: 'å', AA: 'Å', LaTeX: 'LaTeX', LaTeXe: 'LaTeX2ε', TeX: 'TeX', BibTeX: 'BibTeX', relax: '', ldots: '…',
  dots: '…', textellipsis: '…', noopsort: '', protect: '', mbox: '', hbox: '',
};

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
  return out.normalize('NFC');
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

/** The entry with the LaTeX citation-js mishandles already turned into Unicode (other fields untouched). */
export function predecode(raw: RawBibEntry): RawBibEntry {
  let properties: RawBibEntry['properties'] | null = null;
  for (const [field, value] of Object.entries(raw.properties)) {
    if (typeof value !== 'string' || VERBATIM_FIELDS.has(field) || !/\\|\$/.test(value)) continue;
    const fixed = value.replace(UNKNOWN_TO_CITATION_JS, (_m, name: string) => KNOWN_COMMANDS[name] ?? name).replace(MATH, scripts);
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
