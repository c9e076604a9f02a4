// BibTeX export. Every value is escaped so that its braces stay balanced whatever the text holds: BibTeX counts
// braces even after a backslash ("\{" too), so a lone brace is written as \textbraceleft{} / \textbraceright{},
// never as a brace. One unbalanced value would make a reader lose every entry after it.
import { arxivCategory } from '../parse/sources/reference-fields.js';
import { singleLine } from '../text.js';
import type { ExportEntry } from './types.js';
import { venueKind, type VenueKind } from './venue.js';

const TEXT_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default (OT1) encoding "<" and ">" print as "¡" and "¿".
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};
// "--", "``", "''", ",,", "?`" and "!`" are TeX ligatures (dashes, curly quotes, inverted marks): "{}" between
// the two characters keeps them apart.
const LIGATURE_PAIR = /([-`',?!])(?=[-`',])/g;
const FORMAT_CHARACTERS = /\p{Cf}/gu;
// biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag needs a newer TypeScript target than ours (ES2023)
const CONTROLS_BUT_NEWLINE = new RegExp(String.raw`[\p{Cc}--\n]`, 'gv');

/**
 * Escapes TeX specials; Unicode stays as is (biber and modern BibTeX read UTF-8). Line breaks are kept, other
 * control characters become spaces (as singleLine makes them) and format characters go.
 */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(FORMAT_CHARACTERS, '')
    .replace(CONTROLS_BUT_NEWLINE, ' ')
    .replace(/[\\{}$&%#_~^<>]/g, (ch) => TEXT_SPECIALS[ch] ?? ch)
    .replace(LIGATURE_PAIR, '$1{}');
}

// The name list is split at " and " (any case); a name with a comma is read as "Last, First"; "others" means
// "et al."; a hyphen that does not join two parts of a name is dropped by readers that split names at hyphens
// ("Jean-Paul"). A name that would be misread is wrapped in braces, which makes it one literal name.
const MISREAD_NAME = /(?:^|\s)and(?:\s|$)|,|^others$|(?:^|\s)-|-(?:\s|$)/i;

/** One name of an author or institution list (both are split at " and "). */
function bibtexName(author: string): string {
  const name = escapeBibtex(singleLine(author));
  return MISREAD_NAME.test(author) ? `{${name}}` : name;
}

// Keyword lists are read verbatim (no TeX decoding) and split at "," and ";", so TeX escapes would come back as
// written and a separator would split a tag: these characters are replaced by the nearest harmless ones.
const KEYWORD_REPLACEMENTS: Record<string, string> = { '{': '(', '}': ')', '\\': '/', ',': ' ', ';': ' ' };

/** How a tag or category reads in the keywords field: one line, without braces, backslashes or separators. */
export function bibtexKeyword(text: string): string {
  return singleLine(text.replace(/[{}\\,;]/g, (ch) => KEYWORD_REPLACEMENTS[ch] ?? ch));
}

// Verbatim fields (doi, url, eprint) are not TeX: only what would unbalance the entry or end the value is
// percent-encoded, as it would be in a URL (a DOI reads back decoded).
const VERBATIM_UNSAFE = /[{}\\\s\p{Cc}]/gu;

function verbatim(text: string): string {
  return text.replace(VERBATIM_UNSAFE, (ch) => encodeURIComponent(ch));
}

const ENTRY_TYPE: Record<VenueKind, string> = { proceedings: 'inproceedings', journal: 'article', none: 'misc' };

export function exportBibtex(entries: readonly ExportEntry[]): string {
  return entries
    .map(({ paper, user, citeKey }) => {
      const authors = [...paper.authors.map(bibtexName), ...(paper.authorsTruncated ? ['others'] : [])];
      const keywords = [paper.category ?? '', ...user.tags].map(bibtexKeyword).filter((k) => k !== '');
      const kind = venueKind(paper);
      const venue = paper.venue === null ? '' : `{${escapeBibtex(singleLine(paper.venue))}}`;
      const fields: Array<[string, string]> = [
        // Double braces keep the title's capitalisation (acronyms such as RLHF) as written.
        ['title', `{${escapeBibtex(singleLine(paper.title))}}`],
        ['author', authors.join(' and ')],
        [kind === 'proceedings' ? 'booktitle' : 'journal', venue],
        // A date is known to the year or the month only, or not at all (""): no month is invented. biblatex's `date`
        // carries the day as well.
        ['year', paper.date.slice(0, 4)],
        ['month', paper.date.length >= 7 ? String(Number(paper.date.slice(5, 7))) : ''],
        ['date', paper.date],
        ['doi', paper.doi === null ? '' : verbatim(paper.doi)],
        ['eprint', paper.arxivId === null ? '' : verbatim(paper.arxivId)],
        ['archivePrefix', paper.arxivId === null ? '' : 'arXiv'],
        ['primaryClass', paper.arxivId !== null && arxivCategory(paper.category) !== null ? verbatim(paper.category ?? '') : ''],
        ['url', paper.url === null ? '' : verbatim(paper.url)],
        ['abstract', escapeBibtex(paper.abstract)],
        ['keywords', keywords.join(', ')],
        ['institution', paper.orgs.map(bibtexName).join(' and ')],
        ['note', escapeBibtex(user.note.trim())],
      ];
      const body = fields
        .filter(([, value]) => value !== '' && value !== '{}')
        .map(([name, value]) => `  ${name} = {${value}}`)
        .join(',\n');
      return `@${ENTRY_TYPE[kind]}{${citeKey},\n${body}\n}\n`;
    })
    .join('\n');
}
