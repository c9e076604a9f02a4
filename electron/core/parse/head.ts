// The part of the page above the first paper: site navigation, the researcher's name, an optional category code
// under it ("LG"), profile buttons, the metrics, tabs and sort controls.
import type { SourceMetrics } from './sources/types.js';
import { isNameLike } from './authors.js';
import { isChromeLine, isSiteBrandLine } from './chrome.js';
import { scanMetrics } from './metrics.js';
import { isCategoryCode, parsePaperHeader } from './paper-header.js';

/** The authors of the page's papers, to recognise the researcher's name among them. */
export interface PaperAuthors {
  readonly isEmpty: boolean;
  includes(name: string): boolean;
}

export interface Head {
  name: string | null;
  /** Why the name may be wrong; null when the page's structure and its papers agree on it. */
  nameDoubt: string | null;
  category: string | null;
  metrics: SourceMetrics;
  hasMetrics: boolean;
  /** Index of the last line of the metrics block (-1 without metrics): papers cannot start above it. */
  metricsEnd: number;
  warnings: string[];
}

const HAS_LETTER = /\p{L}/u;
const NOT_A_NAME = /[@:]|^\d|https?:/;
const MAX_QUOTED_LINES = 3;

function isNameCandidate(line: string): boolean {
  if (line.length > 100 || !HAS_LETTER.test(line) || NOT_A_NAME.test(line)) return false;
  return line.split(' ').length <= 10;
}

/** How a person's name looks on these pages: name-like words, at least two of them ("Sabela Ramos"). */
function looksLikePersonName(line: string): boolean {
  return isNameLike(line) && line.includes(' ');
}

/**
 * The metrics block: the longest run of metric lines, where chrome (buttons, tabs), category codes and blank lines
 * do not break a run. A lone metric-looking line elsewhere in the navigation does not become the anchor.
 */
function metricsBlock(lines: readonly string[], consumed: ReadonlySet<number>): { start: number; end: number } | null {
  let best: { start: number; end: number; size: number } | null = null;
  let run: { start: number; end: number; size: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (consumed.has(i)) {
      if (run === null) run = { start: i, end: i, size: 0 };
      run.end = i;
      run.size += 1;
      if (best === null || run.size > best.size) best = { ...run };
    } else if (line !== '' && !isChromeLine(line) && !isCategoryCode(line)) {
      run = null;
    }
  }
  return best === null ? null : { start: best.start, end: best.end };
}

const quoteLines = (lines: readonly string[]): string =>
  lines.slice(0, MAX_QUOTED_LINES).map((l) => `"${l}"`).join(', ') + (lines.length > MAX_QUOTED_LINES ? ', …' : '');

/**
 * Name: found by the page's structure, not by knowing every word of site chrome. The researcher's name stands
 * right above the category code and the metrics block, so the candidate is the nearest line above it that is not
 * known chrome, a metric, a category code or a site name. A candidate that is also one of the papers' authors wins
 * (an affiliation line between name and metrics loses to the name); otherwise the nearest one is taken, and the
 * name is marked doubtful, saying why (the preview shows it and lets the user correct the name).
 * Category: the first category-code line after the name and before the next metric line.
 */
export function parseHead(lines: readonly string[], authors: PaperAuthors): Head {
  const { metrics, consumed, warnings } = scanMetrics(lines);
  const hasMetrics = Object.values(metrics).some((v) => v !== null);
  const block = metricsBlock(lines, consumed);
  const metricsEnd = block ? block.end : -1;
  const anchor = block ? block.start : lines.length;
  const isSkipped = (i: number): boolean => {
    const line = lines[i] as string;
    return (
      line === '' ||
      consumed.has(i) ||
      isChromeLine(line) ||
      parsePaperHeader(line) !== null ||
      isCategoryCode(line) ||
      isSiteBrandLine(line)
    );
  };

  // Nearest first: the lines above the anchor, walking up.
  const candidates: number[] = [];
  for (let i = anchor - 1; i >= 0; i--) {
    if (!isSkipped(i) && isNameCandidate(lines[i] as string)) candidates.push(i);
  }
  // No name above the metrics (an unusual layout): fall back to the first candidate anywhere, in doubt.
  if (candidates.length === 0) {
    for (let i = anchor; i < lines.length; i++) {
      if (!isSkipped(i) && isNameCandidate(lines[i] as string)) {
        candidates.push(i);
        break;
      }
    }
  }
  const nameIndex = candidates.find((i) => authors.includes(lines[i] as string)) ?? candidates[0];
  if (nameIndex === undefined) return { name: null, nameDoubt: null, category: null, metrics, hasMetrics, metricsEnd, warnings };
  const name = lines[nameIndex] as string;
  const nameDoubt = doubtAbout(name, nameIndex, anchor, candidates, lines, authors);

  let category: string | null = null;
  for (let i = nameIndex + 1; i < lines.length; i++) {
    if (consumed.has(i)) break;
    const line = lines[i] as string;
    if (isCategoryCode(line)) {
      category = line;
      break;
    }
  }
  return { name, nameDoubt, category, metrics, hasMetrics, metricsEnd, warnings };
}

function doubtAbout(
  name: string,
  nameIndex: number,
  anchor: number,
  candidates: readonly number[],
  lines: readonly string[],
  authors: PaperAuthors,
): string | null {
  if (authors.includes(name)) return null;
  const reasons: string[] = [];
  if (nameIndex >= anchor) reasons.push('no name line stands above the metrics');
  else if (!looksLikePersonName(name)) reasons.push(`"${name}" does not look like a person's name`);
  const others = candidates.filter((i) => i !== nameIndex).map((i) => lines[i] as string).reverse();
  if (others.length > 0) reasons.push(`the page also has ${quoteLines(others)} above it, which Folio does not know as site text`);
  if (!authors.isEmpty) reasons.push('it is not among the authors of the papers');
  if (reasons.length === 0) return null;
  return `Folio took "${name}" for the name, but ${reasons.join('; ')}.`;
}
