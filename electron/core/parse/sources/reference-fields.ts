// Field readers shared by the reference-file sources (BibTeX, RIS, CSL-JSON): names, markup, arXiv hints.
import { normalizeArxivId } from './fields.js';

/** Trimmed, NFC, single-spaced text; null when nothing is left (or the value is not a string). */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Like cleanText, but keeps paragraph breaks (a blank line) for abstracts. */
export function cleanParagraphs(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const paragraphs = value
    .normalize('NFC')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  return paragraphs.length === 0 ? null : paragraphs.join('\n\n');
}

// The inline markup CSL rich text allows and that citation-js emits for \textit, \textbf, \textsc, ...
const MARKUP_TAG = /<\/?(?:i|b|em|strong|sup|sub|sc|span|a|p|br)(?:\s[^<>]{0,200})?\/?>/gi;

/** Drops rich-text tags ("<i>in vivo</i>" → "in vivo"); other angle brackets ("a < b") stay. */
export function stripMarkup(text: string): string {
  return text.includes('<') ? text.replace(MARKUP_TAG, '') : text;
}

export interface NameParts {
  given?: string | null;
  /** "von", "van der": printed before the family name. */
  particle?: string | null;
  family?: string | null;
  suffix?: string | null;
}

/** "Given particle Family Suffix", the order Folio prints names in ("Ludwig van Beethoven", "Martin Luther King Jr."). */
export function displayName(parts: NameParts): string | null {
  return cleanText([parts.given, parts.particle, parts.family, parts.suffix].filter(Boolean).join(' '));
}

/**
 * A name as reference files store it, in print order: "Duclos-Varga, Inès" → "Inès Duclos-Varga",
 * "King, Jr., Martin Luther" → "Martin Luther King Jr."; a name without a comma ("Gemma Team") stays as it is.
 */
export function invertedName(text: string): string | null {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 1) return cleanText(parts[0]);
  if (parts.length === 2) return displayName({ given: parts[1], family: parts[0] });
  return displayName({ given: parts.slice(2).join(' '), family: parts[0], suffix: parts[1] });
}

// arXiv category codes: "cs.LG", "stat.ML", "q-bio.NC", "astro-ph.CO", and the old whole archives ("hep-th").
const ARXIV_CATEGORY = /^(?:[a-z]{2,8}(?:-[a-z]{2,4})?\.[A-Z]{2}|(?:hep|astro|cond|gr|math|nucl|quant)-[a-z]{2,4})$/;

/** The keyword when it is an arXiv category code (Folio's own exports write the category as the first keyword). */
export function arxivCategory(keyword: string | null | undefined): string | null {
  const text = keyword?.trim() ?? '';
  return ARXIV_CATEGORY.test(text) ? text : null;
}

/**
 * The first arXiv id found in texts that say they are arXiv ("arXiv:2409.11873", an arxiv.org URL, a
 * 10.48550 DOI). Texts that do not mention arXiv are skipped: page ranges and DOIs look like new-style ids.
 */
export function arxivIdIn(texts: ReadonlyArray<string | null | undefined>): string | null {
  for (const text of texts) {
    if (!text || !/arxiv|10\.48550/i.test(text)) continue;
    const id = normalizeArxivId(text);
    if (id) return id;
  }
  return null;
}

const WARNING_LIMIT = 50;

/** The first 50 warnings and a count of the rest: a file with 10,000 broken records must not bury the preview. */
export function capWarnings(warnings: string[]): string[] {
  if (warnings.length <= WARNING_LIMIT) return warnings;
  return [...warnings.slice(0, WARNING_LIMIT), `…and ${warnings.length - WARNING_LIMIT} more warnings like these.`];
}
