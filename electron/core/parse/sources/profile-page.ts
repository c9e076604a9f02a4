// The scholar-aggregator profile page Folio first read (the seed's format; parse/index.ts is its parser): a name,
// an optional field code ("LG"), metrics such as "h-index117" or "Novelty45%", then paper entries opened by a
// category glued to a date ("CLJul 31, 2024"), each with a title, an authors line and an abstract. Detected by the
// two shapes no other site prints: category + date header lines, and the novelty / AI-score metrics (entries under a
// bare date count only beside those metrics: other sites print dates too).
import { parseProfilePage, PARSER_VERSION } from '../index.js';
import { scanMetrics } from '../metrics.js';
import { normalizeLines } from '../normalize-text.js';
import { entryShape } from '../paper-entry.js';
import { parsePaperHeader } from '../paper-header.js';
import { confidence, DETECT_TEXT_LIMIT } from './page-lines.js';
import type { ImportSource } from './types.js';

/** A metric printed as the aggregator does, label and value on one line: "h-index117", "12papers", "Novelty 45%". */
const SITE_METRIC_LINE = /^(?:h-?index|novelty|ai ?score)\s?\d|^\d[\d,.]*\s?(?:papers|citations)$/i;

/** How far below a date-only header its title and authors line must be for it to count as an entry. */
const ENTRY_LOOKAHEAD = 8;

function detect(text: string): number {
  if (typeof text !== 'string') return 0;
  const sample = text.slice(0, DETECT_TEXT_LIMIT);
  const lines = normalizeLines(sample);
  let glued = 0;
  let spaced = 0;
  let datedEntries = 0;
  let firstHeader = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const header = parsePaperHeader(lines[i] as string);
    if (header === null) continue;
    firstHeader = Math.min(firstHeader, i);
    if (header.category === null) {
      if (entryShape(lines, i + 1, Math.min(lines.length, i + 1 + ENTRY_LOOKAHEAD)).fit === 'strict') datedEntries++;
    } else if ((lines[i] as string).startsWith(`${header.category} `)) spaced++;
    else glued++;
  }
  const head = lines.slice(0, firstHeader);
  const { metrics } = scanMetrics(head);
  let siteMetricLines = 0;
  for (const line of head) if (line.length <= 40 && SITE_METRIC_LINE.test(line)) siteMetricLines++;
  const hasAggregatorMetrics = metrics.novelty !== null || metrics.aiScore !== null;
  return confidence(
    glued >= 2 ? 0.6 : glued === 1 ? 0.4 : 0,
    spaced >= 2 ? 0.4 : spaced === 1 ? 0.25 : 0,
    hasAggregatorMetrics ? 0.35 : 0,
    siteMetricLines >= 2 ? 0.2 : 0,
    // Other sites (Semantic Scholar) print entries under bare dates too: they count only beside the site's own metrics.
    hasAggregatorMetrics && datedEntries >= 2 ? 0.3 : 0,
    metrics.hIndex !== null ? 0.1 : 0,
    metrics.papers !== null || metrics.citations !== null ? 0.05 : 0,
  );
}

export const profilePageSource: ImportSource = {
  id: 'profile-page',
  label: 'Profile page',
  version: PARSER_VERSION,
  detect,
  parse: (text) => parseProfilePage(text),
};
