// Display formatting. Dates in the library are ISO (YYYY-MM-DD, YYYY-MM or YYYY for papers; full timestamps).

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();

function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    // Local midnight of that calendar day (not UTC, which is the previous day west of Greenwich). An impossible
    // date (2024-02-30, month 13, day 00) is not a date: Date would silently roll it over to another day.
    const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    const d = new Date(2000, month, day);
    d.setFullYear(year); // also keeps years 0000–0099 from being read as 19xx
    return d.getFullYear() === year && d.getMonth() === month && d.getDate() === day ? d : null;
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short' });

/** "2024-07-31" → "Jul 31, 2024", "2024-07" → "Jul 2024", "2024" → "2024" (locale-dependent): at the precision known. */
export function formatDate(iso: string): string {
  if (/^\d{4}$/.test(iso)) return iso;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) {
    const d = new Date(2000, Number(month[2]) - 1, 1);
    d.setFullYear(Number(month[1]));
    return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? monthFormat.format(d) : iso;
  }
  const d = parseIsoDate(iso);
  return d ? dateFormat.format(d) : iso;
}

export function formatDateTime(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? dateTimeFormat.format(d) : iso;
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

/**
 * The first words of an abstract for a one-line preview: whitespace folded, cut at a word boundary near `max`
 * characters with "…"; "" for none.
 */
export function abstractStart(abstract: string, max = 160): string {
  const text = abstract.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * What an import did, for the toast: new papers first, then new metrics, else that nothing was new. A list without a
 * person (a BibTeX file) is named by its source ("BibTeX file library.bib"); it has no profile to update, so adding to
 * it is "Imported" even when it also filled in papers already in the library.
 */
export function importSummary(result: {
  profileName: string | null;
  sourceLabel: string;
  added: number;
  present: number;
  updated: boolean;
  metricsChanged: boolean;
}): string {
  const { added, present, updated, metricsChanged } = result;
  const name = result.profileName ?? result.sourceLabel;
  const already = present > 0 ? ` (${formatNumber(present)} already in library)` : '';
  if (added > 0) {
    return `${updated && result.profileName !== null ? 'Updated' : 'Imported'} ${name}: ${plural(added, 'new paper')}${updated && metricsChanged ? ', new metrics' : ''}${already}`;
  }
  if (metricsChanged) return `Updated ${name}: new metrics, no new papers${already}`;
  return `${name}: nothing new${present > 0 ? ` (all ${plural(present, 'paper')} already in library)` : ''}`;
}
