// The line under a paper's title: "Gemma Team, Morgane Riviere, Shreya Pathak et al. · deepmind, mit".
// Authors are comma-separated; " · " (or " • ") starts the organisation list; a trailing "et al." / "and others" /
// "…" means the site cut the author list short.

export interface AuthorsLine {
  authors: string[];
  truncated: boolean;
  orgs: string[];
}

// Spaces on at least one side, so a Catalan "l·l" inside a name ("Cal·lís") is not taken for the separator.
const ORG_SEPARATOR = / [·•] ?|[·•] /;
const TRUNCATION = /(?:^|[\s,])(?:et\.? al\.?|and others|…|\.\.\.)$/i;
const AUTHOR_SPLIT = / ?[,;，、] ?/;
const AND_PREFIX = /^(?:and|&) /i;
const AND_INFIX = / (?:and|&) /;
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'phd', 'ph.d.']);
// Suffix checks look only at the end of a possibly very long line, so they stay O(1) per line.
const TAIL = 40;

function splitOrgs(line: string): { people: string; orgs: string[] } {
  const m = ORG_SEPARATOR.exec(line);
  if (!m) return { people: line, orgs: [] };
  const orgs = line
    .slice(m.index + m[0].length)
    .split(AUTHOR_SPLIT)
    .map((o) => o.trim())
    .filter((o) => o !== '');
  return { people: line.slice(0, m.index).trim(), orgs };
}

function stripTruncation(people: string): { rest: string; truncated: boolean } {
  const start = Math.max(0, people.length - TAIL);
  const m = TRUNCATION.exec(people.slice(start));
  if (!m) return { rest: people, truncated: false };
  let rest = people.slice(0, start + m.index);
  // Drop the comma/space left before "et al." ("A, B, et al.").
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === ',' || rest[end - 1] === ' ')) end--;
  rest = rest.slice(0, end);
  return { rest, truncated: true };
}

function splitPeople(people: string): string[] {
  const out: string[] = [];
  const pieces = people.split(AUTHOR_SPLIT);
  const inList = pieces.length > 1;
  for (const raw of pieces) {
    const piece = raw.trim().replace(AND_PREFIX, '');
    if (piece === '') continue;
    if (SUFFIXES.has(piece.toLowerCase()) && out.length > 0) {
      out[out.length - 1] += `, ${piece}`; // "John Smith, Jr." is one person
      continue;
    }
    for (const part of splitJoinedPeople(piece, inList)) out.push(part);
  }
  return out;
}

// Words that make "X and Y" the name of one organisation, not two people: "Research and Development Team".
const ORGANISATION_WORDS = new Set([
  'team', 'group', 'lab', 'labs', 'laboratory', 'laboratories', 'institute', 'institution', 'center', 'centre',
  'consortium', 'collaboration', 'department', 'dept', 'university', 'college', 'school', 'faculty', 'research',
  'development', 'foundation', 'society', 'association', 'committee', 'project', 'initiative', 'network', 'council',
  'corporation', 'corp', 'company', 'co', 'inc', 'ltd', 'llc', 'gmbh', 'partners', 'alliance', 'organisation',
  'organization', 'agency', 'office', 'ministry', 'program', 'programme', 'board', 'unit', 'division', 'authors',
  'contributors', 'staff', 'members', 'editors', 'engineering', 'science', 'sciences', 'technology', 'technologies',
  'services', 'systems', 'solutions', 'industries', 'health', 'medicine', 'hospital', 'clinic', 'trust', 'fund',
  'bank', 'press', 'media', 'studio', 'studios', 'works', 'sons', 'brothers',
]);

function isOrganisationLike(text: string): boolean {
  return text.split(' ').some((word) => ORGANISATION_WORDS.has(word.toLowerCase().replace(/[.,]$/, '')));
}

/**
 * "Alice Smith and Bob Jones" is two people; "Research and Development Team", "Procter & Gamble" and "Tom and
 * Jerry" stay one author. A piece is split at " and "/" & " only when no side is organisation-like and every side
 * is a person's name: two or more name words, or (inside a comma list joined by "and": "Ana, Bo and Cy") one
 * capitalised word. A single word on each side of "&" is a company ("Johnson & Johnson"), even in a list.
 */
function splitJoinedPeople(piece: string, inList: boolean): string[] {
  const parts = piece.split(AND_INFIX);
  if (parts.length === 1 || isOrganisationLike(piece)) return [piece];
  const singleWordsAllowed = inList && !piece.includes(' & ');
  const isPerson = (part: string): boolean => isNameLike(part) && (singleWordsAllowed || part.includes(' '));
  return parts.every(isPerson) ? parts : [piece];
}

/** Splits an authors line into authors, the truncation flag and organisations. */
export function parseAuthorsLine(line: string): AuthorsLine {
  const { people, orgs } = splitOrgs(line);
  const { rest, truncated } = stripTruncation(people);
  return { authors: splitPeople(rest), truncated, orgs };
}

const PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'des', 'la', 'le', 'bin', 'binti', 'ibn',
  'al', 'el', 'y', 'e', 'dos', 'das', 'do', 'ten', 'ter', 'zu', 'af', 'av',
]);
const CAPITALISED = /^[\p{Lu}\p{Lt}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ELIDED = /^\p{Ll}[’']\p{Lu}/u; // d’Angelo, d'Alembert
const DIGIT = /\d/;

/** One author as sites print them: 1–6 capitalised words (particles like "van", "de" allowed), no digits. */
export function isNameLike(piece: string): boolean {
  if (piece.length === 0 || piece.length > 60 || DIGIT.test(piece)) return false;
  const words = piece.split(' ');
  if (words.length > 6) return false;
  let capitalised = 0;
  for (const w of words) {
    if (CAPITALISED.test(w) || ELIDED.test(w)) capitalised++;
    else if (!PARTICLES.has(w.toLowerCase())) return false;
  }
  return capitalised > 0;
}

const SENTENCE_END = /[.!?]$/;
const INITIAL_END = /(?:^|[\s.-])\p{Lu}\.$/u;

/**
 * How much a line looks like an authors line:
 * - "strong": has an organisation separator or "et al.", or is a list of two or more name-like pieces;
 * - "weak": a single name-like piece ("Jane Doe"), or a short list that is at least not prose (no piece longer
 *   than 8 words, no sentence ending);
 * - "none": prose.
 */
export function authorsLineLikeness(line: string): 'strong' | 'weak' | 'none' {
  if (line === '') return 'none';
  const { people, orgs } = splitOrgs(line);
  const { rest, truncated } = stripTruncation(people);
  if ((orgs.length > 0 || truncated) && rest !== '') return 'strong';
  const pieces = splitPeople(rest);
  if (pieces.length === 0) return 'none';
  if (pieces.every(isNameLike)) return pieces.length > 1 ? 'strong' : 'weak';
  for (const p of pieces) {
    if (p.split(' ').length > 8) return 'none';
    if (SENTENCE_END.test(p) && !INITIAL_END.test(p)) return 'none';
  }
  return 'weak';
}
