// A SourceResult as the CLI contract prints it (tests/fixtures/sources/CONTRACT.md): exactly its fields, in its order,
// whatever else a result carries (a profile page's name doubt, a backup's restore payload).
import type { SourceMetrics, SourcePaper, SourceResult } from './types.js';

export const CONTRACT_PAPER_FIELDS = [
  'title', 'authors', 'authorsTruncated', 'date', 'year', 'category', 'orgs', 'abstract', 'venue', 'doi', 'arxivId', 'url',
] as const satisfies ReadonlyArray<keyof SourcePaper>;

/** The metrics every profile has, first; a source's own (Google Scholar's i10Index, …) follow in its order. */
export const CONTRACT_METRICS = ['hIndex', 'papers', 'citations', 'novelty', 'aiScore'] as const;

export interface ContractResult {
  source: SourceResult['source'];
  profile: { name: string; category: string | null; affiliation: string | null; metrics: SourceMetrics } | null;
  papers: SourcePaper[];
  warnings: string[];
}

function contractMetrics(metrics: SourceMetrics): SourceMetrics {
  const out: Record<string, number | null> = {};
  for (const key of CONTRACT_METRICS) out[key] = metrics[key] ?? null;
  for (const [key, value] of Object.entries(metrics)) if (!(key in out)) out[key] = value;
  return out as SourceMetrics;
}

function contractPaper(paper: SourcePaper): SourcePaper {
  const out: Record<string, unknown> = {};
  for (const field of CONTRACT_PAPER_FIELDS) out[field] = paper[field];
  return out as unknown as SourcePaper;
}

export function toContract(result: SourceResult): ContractResult {
  const { profile } = result;
  return {
    source: result.source,
    profile:
      profile === null
        ? null
        : { name: profile.name, category: profile.category, affiliation: profile.affiliation, metrics: contractMetrics(profile.metrics) },
    papers: result.papers.map(contractPaper),
    warnings: [...result.warnings],
  };
}
