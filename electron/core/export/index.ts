// Exports the library as a full JSON backup or as citations (BibTeX, CSL-JSON, RIS) and Markdown notes.
// The citation formats are simple enough that a library (citation-js pulls in ~40 packages) would not buy
// correctness we cannot check ourselves; escaping is the hard part and is tested row by row.
import type { ExportFormat } from '../api.js';
import type { PaperRecord, ProfileRecord, TagDefinition, UserPaperData } from '../model.js';
import { foldDiacritics } from '../text.js';

export interface ExportEntry {
  paper: PaperRecord;
  user: UserPaperData;
  /** Names of the profiles listing the paper. */
  profiles: string[];
}

export interface ExportData {
  papers: ExportEntry[];
  profiles: readonly ProfileRecord[];
  tags: readonly TagDefinition[];
}

export const EXPORT_FORMAT_VERSION = 1;
/** The backup's "format" value, by which the folio-json import source recognises it. */
export const BACKUP_FORMAT = 'folio-library';

export function exportLibrary(format: ExportFormat, data: ExportData): string {
  switch (format) {
    case 'json':
      return exportJson(data);
    case 'bibtex':
      return exportBibtex(data.papers);
    case 'csl-json':
      return exportCslJson(data.papers);
    case 'ris':
      return exportRis(data.papers);
    case 'markdown':
      return exportMarkdown(data.papers);
  }
}

/** Everything, user data included: a restorable backup that a person can also read. */
function exportJson(data: ExportData): string {
  const backup = {
    format: BACKUP_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    profiles: data.profiles,
    tags: data.tags,
    papers: data.papers.map(({ paper, user, profiles }) => ({ ...paper, ...user, profiles })),
  };
  return JSON.stringify(backup, null, 2) + '\n';
}

/** "Sessa2024bond": first author's family name, year, first significant title word; made unique. */
export function citationKeys(papers: readonly PaperRecord[]): string[] {
  const seen = new Map<string, number>();
  return papers.map((paper) => {
    const family = familyName(paper.authors[0] ?? 'anon');
    const word = paper.title.split(/\s+/).map(asciiWord).find((w) => w.length > 3 && !STOP_WORDS.has(w)) ?? 'paper';
    const base = `${asciiWord(family) || 'anon'}${paper.date.slice(0, 4)}${word}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}${String.fromCharCode(97 + ((count - 1) % 26))}${count > 26 ? count : ''}`;
  });
}

const STOP_WORDS = new Set(['with', 'from', 'that', 'this', 'towards', 'toward', 'using', 'into', 'their']);

function asciiWord(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

function familyName(author: string): string {
  const parts = author.trim().split(/\s+/);
  return parts[parts.length - 1] ?? author;
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes TeX specials; Unicode stays as is (biber and modern BibTeX read UTF-8). */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (ch) => BIBTEX_SPECIALS[ch] ?? ch);
}

function exportBibtex(entries: readonly ExportEntry[]): string {
  const keys = citationKeys(entries.map((entry) => entry.paper));
  return entries
    .map(({ paper, user }, index) => {
      const authors = [...paper.authors, ...(paper.authorsTruncated ? ['others'] : [])];
      const fields: Array<[string, string]> = [
        // Double braces keep the title's capitalisation (acronyms such as RLHF) as written.
        ['title', `{${escapeBibtex(paper.title)}}`],
        ['author', authors.map(escapeBibtex).join(' and ')],
        ['year', paper.date.slice(0, 4)],
        ['month', String(Number(paper.date.slice(5, 7)))],
        ['abstract', escapeBibtex(paper.abstract)],
      ];
      if (paper.category) fields.push(['keywords', escapeBibtex([paper.category, ...user.tags].join(', '))]);
      else if (user.tags.length) fields.push(['keywords', escapeBibtex(user.tags.join(', '))]);
      if (paper.orgs.length) fields.push(['institution', escapeBibtex(paper.orgs.join(' and '))]);
      const body = fields
        .filter(([, value]) => value !== '' && value !== '{}')
        .map(([name, value]) => `  ${name} = {${value}}`)
        .join(',\n');
      return `@misc{${keys[index]},\n${body}\n}\n`;
    })
    .join('\n');
}

function exportCslJson(entries: readonly ExportEntry[]): string {
  const keys = citationKeys(entries.map((entry) => entry.paper));
  const items = entries.map(({ paper, user }, index) => {
    const [year, month, day] = paper.date.split('-').map(Number);
    return {
      id: keys[index],
      type: 'article',
      title: paper.title,
      author: paper.authors.map(cslName),
      issued: { 'date-parts': [[year, month, day]] },
      abstract: paper.abstract || undefined,
      keyword: [paper.category, ...user.tags].filter(Boolean).join(', ') || undefined,
      note: user.note || undefined,
    };
  });
  return JSON.stringify(items, null, 2) + '\n';
}

function cslName(author: string): { family: string; given?: string } | { literal: string } {
  const parts = author.trim().split(/\s+/);
  // Single-word names, teams ("Gemini Team") and CJK names without spaces are kept whole.
  if (parts.length < 2 || /\bteam\b/i.test(author)) return { literal: author };
  const family = parts.pop() as string;
  return { family, given: parts.join(' ') };
}

function exportRis(entries: readonly ExportEntry[]): string {
  return entries
    .map(({ paper, user }) => {
      const lines = ['TY  - GEN', `TI  - ${oneLine(paper.title)}`];
      for (const author of paper.authors) lines.push(`AU  - ${oneLine(author)}`);
      lines.push(`PY  - ${paper.date.slice(0, 4)}`, `DA  - ${paper.date.replaceAll('-', '/')}`);
      if (paper.abstract) lines.push(`AB  - ${oneLine(paper.abstract)}`);
      for (const keyword of [paper.category, ...user.tags]) if (keyword) lines.push(`KW  - ${oneLine(keyword)}`);
      if (user.note) lines.push(`N1  - ${oneLine(user.note)}`);
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}

/** RIS is line-oriented: a field's value must not contain line breaks. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function exportMarkdown(entries: readonly ExportEntry[]): string {
  const withNotes = entries.filter(({ user }) => user.note.trim() || user.tags.length || user.status !== 'unread');
  const sections = withNotes.map(({ paper, user, profiles }) => {
    const meta = [
      `${paper.authors.join(', ')}${paper.authorsTruncated ? ' et al.' : ''}`,
      paper.date,
      paper.category ?? '',
    ].filter(Boolean);
    const lines = [`## ${paper.title}`, '', `*${meta.join(' · ')}*`, ''];
    lines.push(`- Status: ${user.status}`);
    if (user.tags.length) lines.push(`- Tags: ${user.tags.join(', ')}`);
    if (profiles.length) lines.push(`- Profiles: ${profiles.join(', ')}`);
    if (user.note.trim()) lines.push('', user.note.trim());
    return lines.join('\n');
  });
  return `# Folio reading notes\n\n${sections.join('\n\n---\n\n')}\n`;
}
