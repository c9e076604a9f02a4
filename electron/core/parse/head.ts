// The part of the page above the first paper: site navigation, the researcher's name, an optional category code
// under it ("LG"), profile buttons, the metrics, tabs and sort controls.
import type { ProfileMetrics } from '../model.js';
import { isChromeLine, isSiteBrandLine } from './chrome.js';
import { scanMetrics } from './metrics.js';
import { isCategoryCode, parsePaperHeader } from './paper-header.js';

export interface Head {
  name: string | null;
  category: string | null;
  metrics: ProfileMetrics;
  hasMetrics: boolean;
  warnings: string[];
}

const HAS_LETTER = /\p{L}/u;
const NOT_A_NAME = /[@:]|^\d|https?:/;

function isNameCandidate(line: string): boolean {
  if (line.length > 100 || !HAS_LETTER.test(line) || NOT_A_NAME.test(line)) return false;
  return line.split(' ').length <= 10;
}

/**
 * Name: the first line that is not chrome, not a metric, not a site name/URL and not a bare category code.
 * Category: the first category-code line after the name and before the next metric line.
 * Anything else (affiliation, bio, unknown widgets) is ignored rather than guessed at.
 */
export function parseHead(lines: readonly string[]): Head {
  const { metrics, consumed, warnings } = scanMetrics(lines);
  const hasMetrics = Object.values(metrics).some((v) => v !== null);
  const skip = (i: number): boolean => {
    const line = lines[i] as string;
    return line === '' || consumed.has(i) || isChromeLine(line) || parsePaperHeader(line) !== null;
  };

  let nameIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (skip(i) || isCategoryCode(line) || isSiteBrandLine(line)) continue;
    if (isNameCandidate(line)) {
      nameIndex = i;
      break;
    }
  }
  if (nameIndex < 0) return { name: null, category: null, metrics, hasMetrics, warnings };

  let category: string | null = null;
  for (let i = nameIndex + 1; i < lines.length; i++) {
    if (consumed.has(i)) break;
    if (skip(i)) continue;
    const line = lines[i] as string;
    if (isCategoryCode(line)) {
      category = line;
      break;
    }
  }
  return { name: lines[nameIndex] as string, category, metrics, hasMetrics, warnings };
}
