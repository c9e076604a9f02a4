// Semantic Scholar author page, pasted after select-all + copy. An author card (name, affiliation, then metrics as
// label/value pairs: Publications, h-index, Citations, Highly Influential Citations) and one page of paper cards
// (title, authors with "+N authors", fields of study, venue, date, a TLDR or an abstract snippet, citation count,
// buttons). The card is found by its metric labels and the papers by their author lines, so it does not matter
// where a browser puts the author card, the filters or the co-author list.
import { emptyMetrics } from './fields.js';
import { confidence, DETECT_TEXT_LIMIT, pageLines, plural, type PageLine } from './page-lines.js';
import { readCards, type CardReading } from './semantic-scholar-cards.js';
import { lineKind, readAuthorCard, type AuthorCard } from './semantic-scholar-lines.js';
import {
  NotThisSourceError, type ImportSource, type SourceMetrics, type SourceProfile, type SourceResult,
} from './types.js';

interface Reading {
  lines: PageLine[];
  card: AuthorCard;
  cards: CardReading;
  siteMarks: number;
}

const SITE_MARK = /^(?:semantic scholar's logo|follow author|claim author page|view via publisher)$|semantic scholar/i;

function read(text: string): Reading {
  const lines = pageLines(text);
  const kinds = lines.map((line) => lineKind(line.text));
  const card = readAuthorCard(lines, kinds);
  const cards = readCards(lines, kinds);
  let siteMarks = 0;
  for (const line of lines) if (line.text.length < 80 && SITE_MARK.test(line.text)) siteMarks++;
  return { lines, card, cards, siteMarks };
}

function score({ card, cards, siteMarks }: Reading): number {
  const metricCount = Object.keys(card.metrics).length;
  const cardCount = cards.papers.length;
  return confidence(
    card.metrics.highlyInfluentialCitations !== undefined ? 0.35 : 0,
    metricCount >= 3 ? 0.15 : 0,
    metricCount === 4 ? 0.15 : 0,
    cards.tldrs > 0 ? 0.2 : 0,
    cards.placeholderCards > 0 ? 0.1 : 0,
    cardCount >= 2 ? 0.2 : cardCount === 1 ? 0.1 : 0,
    cards.fieldsLines >= 2 ? 0.15 : 0,
    siteMarks >= 2 ? 0.15 : 0,
  );
}

function metricsOf(card: AuthorCard): SourceMetrics {
  return {
    ...emptyMetrics(),
    papers: card.metrics.papers ?? null,
    hIndex: card.metrics.hIndex ?? null,
    citations: card.metrics.citations ?? null,
    highlyInfluentialCitations: card.metrics.highlyInfluentialCitations ?? null,
  };
}

function warningsOf({ card, cards }: Reading, profile: SourceProfile | null): string[] {
  const warnings: string[] = [];
  if (profile === null) warnings.push('Found no author name above the metrics, so only the papers are imported.');
  if (cards.tldrs > 0) {
    const papers = cards.tldrs === 1 ? '1 paper shows' : `${cards.tldrs} papers show`;
    warnings.push(`${papers} a TLDR summary instead of an abstract; it is kept as the abstract.`);
  }
  if (cards.cutAbstracts > 0) {
    const papers = plural(cards.cutAbstracts, 'paper');
    warnings.push(`Semantic Scholar cut the abstracts of ${papers} short ("…"); they are kept as printed.`);
  }
  if (cards.truncatedAuthorLists > 0) {
    const papers = plural(cards.truncatedAuthorLists, 'paper');
    warnings.push(`Semantic Scholar cut the author lists of ${papers} ("+N authors"); only the names shown are kept.`);
  }
  const declared = card.metrics.papers;
  if (declared !== undefined && declared !== cards.papers.length) {
    warnings.push(
      `The page declares ${plural(declared, 'publication')}; found ${cards.papers.length} ` +
        '(Semantic Scholar shows one page of papers at a time).',
    );
  }
  return warnings;
}

export const semanticScholarSource: ImportSource = {
  id: 'semantic-scholar',
  label: 'Semantic Scholar author page',
  version: 1,
  detect(text: string): number {
    if (typeof text !== 'string') return 0;
    return score(read(text.slice(0, DETECT_TEXT_LIMIT)));
  },
  parse(text: string): SourceResult {
    if (typeof text !== 'string') {
      throw new NotThisSourceError(`Expected the text of a Semantic Scholar author page, got ${typeof text}.`);
    }
    const reading = read(text);
    const { card, cards } = reading;
    const hasMetrics = Object.keys(card.metrics).length > 0;
    if (score(reading) < 0.3 || (cards.papers.length === 0 && !(hasMetrics && card.person !== null))) {
      throw new NotThisSourceError(
        'This is not a Semantic Scholar author page: expected an author with Publications / h-index / Citations ' +
          'figures, or paper cards (title, authors, fields of study, date, TLDR).',
      );
    }
    const profile: SourceProfile | null =
      card.person === null
        ? null
        : { name: card.person.name, category: null, affiliation: card.person.affiliation, metrics: metricsOf(card) };
    return { source: 'semantic-scholar', profile, papers: cards.papers, warnings: warningsOf(reading, profile) };
  },
};
