// Google Scholar profile page, pasted after select-all + copy. The page holds a person block (name, affiliation,
// "Verified email at …" or "No verified email", interests), the "Cited by" table (Citations / h-index / i10-index
// rows with an All and a Since-YEAR column), a citation histogram, the public-access and co-author boxes, and the
// article table (title, abbreviated authors, then venue + Cited-by + Year cells). Each block is recognised by what
// it contains, never by where it sits: Chrome's copy puts the sidebar before the name, other copies after it.
import { emptyMetrics } from './fields.js';
import { readArticles, type ArticleReading } from './google-scholar-articles.js';
import { classifyLines, type ScholarLines } from './google-scholar-lines.js';
import { confidence, DETECT_TEXT_LIMIT, pageLines, plural } from './page-lines.js';
import {
  NotThisSourceError, type ImportSource, type SourceMetrics, type SourceProfile, type SourceResult,
} from './types.js';

interface Reading {
  scholar: ScholarLines;
  articles: ArticleReading;
}

function read(text: string): Reading {
  const scholar = classifyLines(pageLines(text));
  return { scholar, articles: readArticles(scholar) };
}

function score({ scholar, articles }: Reading): number {
  const twoColumn = (key: string): boolean => scholar.metrics.some((m) => m.key === key && m.since !== null);
  const rows = articles.papers.length;
  return confidence(
    twoColumn('i10Index') ? 0.35 : 0,
    twoColumn('citations') ? 0.1 : 0,
    twoColumn('hIndex') ? 0.1 : 0,
    scholar.sinceYear !== null ? 0.1 : 0,
    scholar.hasArticlesHeader ? 0.25 : 0,
    scholar.hasEmailLine && scholar.person !== null ? 0.2 : 0,
    scholar.articlesShown !== null ? 0.1 : 0,
    articles.abbreviatedRows >= 3 ? 0.35 : articles.abbreviatedRows > 0 ? 0.2 : 0,
    rows >= 3 ? 0.15 : 0,
  );
}

function metricsOf(scholar: ScholarLines): SourceMetrics {
  const metrics: SourceMetrics = {
    ...emptyMetrics(),
    i10Index: null,
    citationsSince: null,
    hIndexSince: null,
    i10IndexSince: null,
    sinceYear: scholar.sinceYear,
  };
  for (const row of scholar.metrics) {
    metrics[row.key] = row.all;
    metrics[`${row.key}Since`] = row.since;
  }
  return metrics;
}

function warningsOf({ scholar, articles }: Reading, profile: SourceProfile | null): string[] {
  const warnings: string[] = [];
  if (profile === null) {
    warnings.push(
      'Found no researcher name (it comes just before the "Verified email at …" line), so only the articles are imported.',
    );
  }
  for (const title of articles.cutTitles) {
    warnings.push(`Google Scholar cut the title "${title}" short; it is kept as printed.`);
  }
  if (articles.truncatedAuthorLists > 0) {
    warnings.push(
      `Google Scholar cut the author lists of ${plural(articles.truncatedAuthorLists, 'article')} ("..."); ` +
        'only the names shown are kept.',
    );
  }
  for (const venue of articles.skippedRows) warnings.push(`Skipped a table row with no title (venue "${venue}").`);
  const shown = scholar.articlesShown;
  if (shown !== null && shown !== articles.papers.length) {
    warnings.push(`The page says it shows ${plural(shown, 'article')}; found ${articles.papers.length}.`);
  }
  return warnings;
}

export const googleScholarSource: ImportSource = {
  id: 'google-scholar',
  label: 'Google Scholar profile',
  version: 1,
  detect(text: string): number {
    if (typeof text !== 'string') return 0;
    return score(read(text.slice(0, DETECT_TEXT_LIMIT)));
  },
  parse(text: string): SourceResult {
    if (typeof text !== 'string') {
      throw new NotThisSourceError(`Expected the text of a Google Scholar profile, got ${typeof text}.`);
    }
    const reading = read(text);
    const { scholar, articles } = reading;
    if (score(reading) < 0.3 || (scholar.person === null && articles.papers.length === 0)) {
      throw new NotThisSourceError(
        'This is not a Google Scholar profile: expected a name with a "Verified email at …" line, the "Cited by" ' +
          'table (Citations, h-index, i10-index) or article rows (title, authors, venue with cited-by and year).',
      );
    }
    const person = scholar.person;
    const profile: SourceProfile | null =
      person === null
        ? null
        : { name: person.name, category: null, affiliation: person.affiliation, metrics: metricsOf(scholar) };
    return { source: 'google-scholar', profile, papers: articles.papers, warnings: warningsOf(reading, profile) };
  },
};
