// The scholar-aggregator profile page Folio first read (the seed's format; parse/index.ts is its parser): a name,
// an optional field code ("LG"), metrics such as "h-index117" or "Novelty45%", then paper entries opened by a
// category glued to a date ("CLJul 31, 2024"), each with a title, an authors line and an abstract. Detected by the
// two shapes no other site prints: category + date header lines, and the novelty / AI-score metrics.
import { parseProfilePage, PARSER_VERSION } from '../index.js';
import { scanMetrics } from '../metrics.js';
import { normalizeLines } from '../normalize-text.js';
import { parsePaperHeader } from '../paper-header.js';
import { confidence, DETECT_TEXT_LIMIT } from './page-lines.js';
import type { ImportSource } from './types.js';

function detect(text: string): number {
  if (typeof text !== 'string') return 0;
  const sample = text.slice(0, DETECT_TEXT_LIMIT);
  const lines = normalizeLines(sample);
  let glued = 0;
  let spaced = 0;
  let firstHeader = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const header = parsePaperHeader(lines[i] as string);
    if (header === null || header.category === null) continue;
    if ((lines[i] as string).startsWith(`${header.category} `)) spaced++;
    else glued++;
    firstHeader = Math.min(firstHeader, i);
  }
  const { metrics } = scanMetrics(lines.slice(0, firstHeader));
  return confidence(
    glued >= 2 ? 0.6 : glued === 1 ? 0.4 : 0,
    spaced >= 2 ? 0.4 : spaced === 1 ? 0.25 : 0,
    metrics.novelty !== null || metrics.aiScore !== null ? 0.35 : 0,
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
