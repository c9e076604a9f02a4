// The paper cards of a pasted Semantic Scholar author page. A card is a title, an author line ("A, B, +4 authors,
// Z"), then, in any order and each optional: fields of study, venue, date, a TLDR or an abstract snippet ending in
// "Expand", the citation count and the card's buttons (PDF, Cite, Save). A card is found at its author line: a
// name list with a title line above and, within the next few lines, something only cards have.
import { emptyPaper, parseLooseDate } from './fields.js';
import { readNameList, type NameList } from './author-lists.js';
import { readYear, titleStart, type PageLine } from './page-lines.js';
import { summaryText, type LineKind } from './semantic-scholar-lines.js';
import type { SourcePaper } from './types.js';

export interface CardReading {
  papers: SourcePaper[];
  tldrs: number;
  cutAbstracts: number;
  truncatedAuthorLists: number;
  /** Cards with the "+N authors" placeholder: a mark of this site. */
  placeholderCards: number;
  fieldsLines: number;
}

const CARD_LOOKAHEAD = 4;

function isCardPart(kind: LineKind | undefined): boolean {
  return kind === 'fields' || kind === 'date' || kind === 'tldr' || kind === 'snippet' || kind === 'button';
}

function authorLineAt(lines: PageLine[], kinds: LineKind[], k: number): NameList | null {
  if (kinds[k] !== 'text' || kinds[k - 1] !== 'text') return null;
  let hasCardPart = false;
  for (let j = k + 1; j <= k + CARD_LOOKAHEAD && j < lines.length && !hasCardPart; j++) hasCardPart = isCardPart(kinds[j]);
  return hasCardPart ? readNameList((lines[k] as PageLine).text) : null;
}

const isStrong = (names: NameList): boolean => names.names.length > 1 || names.truncated;

/**
 * The author lines of all cards. When a title-case title ("Sinkhorn Policy Iteration") also reads as a name,
 * two neighbours qualify: the lower one is the author line unless only the upper one is a real list.
 */
function findAuthorLines(lines: PageLine[], kinds: LineKind[]): Array<{ index: number; names: NameList }> {
  const found: Array<{ index: number; names: NameList }> = [];
  for (let k = 1; k < lines.length; k++) {
    const names = authorLineAt(lines, kinds, k);
    if (names === null) continue;
    const below = authorLineAt(lines, kinds, k + 1);
    if (below !== null && !(isStrong(names) && !isStrong(below))) {
      found.push({ index: k + 1, names: below });
      k++;
    } else {
      found.push({ index: k, names });
    }
    k++; // the line below an author line starts the card body, never another author line
  }
  return found;
}

export function readCards(lines: PageLine[], kinds: LineKind[]): CardReading {
  const reading: CardReading = {
    papers: [], tldrs: 0, cutAbstracts: 0, truncatedAuthorLists: 0, placeholderCards: 0, fieldsLines: 0,
  };
  const authorLines = findAuthorLines(lines, kinds);
  const isText = (i: number): boolean => kinds[i] === 'text';
  let previousEnd = 0;
  for (let c = 0; c < authorLines.length; c++) {
    const { index, names } = authorLines[c] as { index: number; names: NameList };
    const first = titleStart(lines, isText, index - 1, previousEnd - 1);
    const next = authorLines[c + 1];
    const nextTitle = next === undefined ? lines.length : titleStart(lines, isText, next.index - 1, index);
    const bodyEnd = cardEnd(kinds, index + 1, nextTitle);
    previousEnd = bodyEnd;
    const paper = emptyPaper(lines.slice(first, index).map((l) => l.text).join(' '));
    paper.authors = names.names;
    paper.authorsTruncated = names.truncated;
    if (names.truncated) reading.truncatedAuthorLists++;
    if (/\+\s?\d{1,5} authors?/i.test((lines[index] as PageLine).text)) reading.placeholderCards++;
    readBody(lines, kinds, index + 1, bodyEnd, paper, reading);
    reading.papers.push(paper);
  }
  return reading;
}

/** A card ends after its last button; without buttons, after its last card part (and the count below it). */
function cardEnd(kinds: LineKind[], from: number, limit: number): number {
  let lastButton = -1;
  let lastPart = -1;
  for (let j = from; j < limit; j++) {
    if (kinds[j] === 'button') lastButton = j;
    if (isCardPart(kinds[j])) lastPart = j;
  }
  if (lastButton !== -1) return lastButton + 1;
  if (lastPart === -1) return from;
  return kinds[lastPart + 1] === 'number' && lastPart + 1 < limit ? lastPart + 2 : lastPart + 1;
}

function readBody(
  lines: PageLine[], kinds: LineKind[], from: number, to: number, paper: SourcePaper, reading: CardReading,
): void {
  const firstButton = indexOfKind(kinds, 'button', from, to);
  // The citation count sits right above the buttons (perhaps with a chrome label such as "Semantic Reader" in
  // between), or last when a copy has no buttons.
  let countAbove = firstButton === -1 ? to - 1 : firstButton - 1;
  while (countAbove > from && kinds[countAbove] === 'chrome') countAbove--;
  const count = kinds[countAbove] === 'number' ? countAbove : -1;
  let summaryAt = -1;
  for (let j = from; j < to; j++) {
    const kind = kinds[j];
    const text = (lines[j] as PageLine).text;
    if (kind === 'fields') reading.fieldsLines++;
    else if (kind === 'date' || (kind === 'number' && j !== count && readYear(text) !== null)) {
      if (paper.date === null) setDate(paper, text);
    } else if ((kind === 'tldr' || kind === 'snippet') && summaryAt === -1) {
      summaryAt = j;
      let summary = summaryText(text);
      if (summary === '' && kinds[j + 1] === 'text' && j + 1 < to) summary = summaryText((lines[++j] as PageLine).text);
      if (kind === 'tldr') reading.tldrs++;
      else if (/(?:…|\.\.\.)$/.test(summary)) reading.cutAbstracts++;
      paper.abstract = summary === '' ? null : summary;
    } else if (kind === 'text' && summaryAt === -1) {
      if (text.length > 200 && paper.abstract === null) paper.abstract = text;
      else if (paper.venue === null) paper.venue = text;
    }
  }
}

function setDate(paper: SourcePaper, text: string): void {
  const date = parseLooseDate(text);
  if (date === null) return;
  paper.date = date.date;
  paper.year = date.year;
}

function indexOfKind(kinds: LineKind[], kind: LineKind, from: number, to: number): number {
  for (let j = from; j < to; j++) if (kinds[j] === kind) return j;
  return -1;
}
