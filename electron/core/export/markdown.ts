// Markdown reading notes: one "## title" section per paper with a note, tags or a reading status. Text that
// comes from a paste or an older library is escaped so it stays text (one heading, no injected lines or links);
// the user's own note is Markdown and is kept as such, inside a blockquote so that its headings and blocks stay
// inside its paper's section.
import { singleLine } from '../text.js';
import type { ExportEntry } from './types.js';
import { arxivUrl, doiUrl } from './venue.js';

// The characters that can start inline syntax (code, emphasis, links, HTML, entities, GFM strikethrough and
// tables, a heading's closing #s). Escaped text is only ever placed after a line's own prefix ("## ", "- Tags: "),
// so characters that matter only at the start of a line cannot take effect.
const INLINE_SYNTAX = /[\\`*_[\]<>&~|#]/g;

// GFM turns bare URLs into links and takes the characters after them verbatim, escapes included: "http\://" and
// "www\." are not recognised as URLs.
const URL_START = /\b(https?|ftp|mailto)(:)|\b(www)(\.)/gi;

/** One line of literal text: the inline syntax characters backslash-escaped, bare URLs kept as text. */
export function escapeMarkdown(text: string): string {
  return singleLine(text)
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(URL_START, (_match, scheme?: string, colon?: string, www?: string, dot?: string) => `${scheme ?? www}\\${colon ?? dot}`);
}

function quoted(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

// In a link destination written in angle brackets only these end it or are read as escapes; percent-encoded, the
// address stays the same URL.
const DESTINATION_UNSAFE = /[<>\\\s\p{Cc}]/gu;

/** A Markdown link whose text is `label` (escaped) and whose destination is `url`. */
function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](<${url.replace(DESTINATION_UNSAFE, (ch) => encodeURIComponent(ch))}>)`;
}

/** "- DOI: [10.1/x](<https://doi.org/10.1/x>)", "- arXiv: …", "- URL: …": the paper's identifiers, each as a link. */
function identifierLines(paper: ExportEntry['paper']): string[] {
  const lines: string[] = [];
  if (paper.venue !== null && singleLine(paper.venue)) lines.push(`- Venue: ${escapeMarkdown(paper.venue)}`);
  if (paper.doi !== null) lines.push(`- DOI: ${link(paper.doi, doiUrl(paper.doi))}`);
  if (paper.arxivId !== null) lines.push(`- arXiv: ${link(paper.arxivId, arxivUrl(paper.arxivId))}`);
  if (paper.url !== null && singleLine(paper.url)) lines.push(`- URL: ${link(singleLine(paper.url), singleLine(paper.url))}`);
  return lines;
}

export function exportMarkdown(entries: readonly ExportEntry[]): string {
  const withNotes = entries.filter(({ user }) => user.note.trim() || user.tags.length || user.status !== 'unread');
  const sections = withNotes.map(({ paper, user, profiles }) => {
    const authors = paper.authors.map(escapeMarkdown).join(', ');
    const meta = [`${authors}${paper.authorsTruncated ? ' et al\\.' : ''}`, paper.date, escapeMarkdown(paper.category ?? '')].filter(Boolean);
    const lines = [`## ${escapeMarkdown(paper.title) || '\\(untitled\\)'}`, '', `*${meta.join(' · ')}*`, ''];
    lines.push(...identifierLines(paper), `- Status: ${user.status}`);
    if (user.tags.length) lines.push(`- Tags: ${user.tags.map(escapeMarkdown).join(', ')}`);
    if (profiles.length) lines.push(`- Profiles: ${profiles.map(escapeMarkdown).join(', ')}`);
    if (user.note.trim()) lines.push('', quoted(user.note.trim()));
    return lines.join('\n');
  });
  return `# Folio reading notes\n\n${sections.join('\n\n---\n\n')}\n`;
}
