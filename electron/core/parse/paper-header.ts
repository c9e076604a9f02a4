// Recognises the line that opens a paper entry: a subject category glued to (or spaced from) a publication date,
// e.g. "CLJul 31, 2024", "stat.MLMar 3, 2022", "CL Jul 31, 2024", or a date alone ("Jul 31, 2024").

export interface PaperHeader {
  /** null when the line had only a date. */
  category: string | null;
  /** ISO YYYY-MM-DD. */
  date: string;
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

// The prefix is lazy, so the shortest category wins and the date gets the longest match: "CLJune 3, 2024" splits
// as "CL" + "June 3, 2024", "cs.MAMar 3, 2022" as "cs.MA" + "Mar 3, 2022". The prefix is bounded ({0,24}) and the
// line length is checked first, so this regex cannot backtrack badly.
const HEADER = new RegExp(
  `^(.{0,24}?) ?(?:(${MONTH})\\.? ?(\\d{1,2})(?:st|nd|rd|th)?,? ?(\\d{4})` +
    `|(\\d{1,2}) (${MONTH})\\.?,? (\\d{4})` +
    `|(\\d{4})-(\\d{2})-(\\d{2}))$`,
  'i',
);

// Accepted category shapes: upper-case codes ("CL", "LG", "AI", "CV"), arXiv archive.subject ("cs.LG",
// "stat.ML", "q-bio.NC", "cond-mat.stat-mech") and hyphenated arXiv archives ("hep-th", "quant-ph").
// Mixed-case words ("Published Jul 3, 2024", "Joined Jan 5, 2020") are deliberately not categories.
const CATEGORY = /^(?:[A-Z][A-Z0-9]{0,7}|[a-z][a-z-]{0,15}\.[A-Za-z][A-Za-z-]{0,15}|[a-z]+-[a-z]+)$/;

const MAX_HEADER_LENGTH = 64;

/** Whether `text` has the shape of a subject category code (used for the header and the profile's own category). */
export function isCategoryCode(text: string): boolean {
  return CATEGORY.test(text);
}

/** Year/month/day → ISO string, or null for impossible dates (Feb 30, month 13) and implausible years. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether a line has a header's shape whatever its date says ("CLFeb 30, 2024"): such a line is never a title,
 * even though parsePaperHeader refuses it.
 */
export function looksLikePaperHeader(line: string): boolean {
  if (line.length === 0 || line.length > MAX_HEADER_LENGTH) return false;
  const last = line.charCodeAt(line.length - 1);
  return last >= 48 && last <= 57 && HEADER.test(line);
}

/** The category and ISO date of a paper header line, or null when the line is not one. */
export function parsePaperHeader(line: string): PaperHeader | null {
  // Cheap rejections first: every accepted form is short and ends with a digit.
  if (line.length === 0 || line.length > MAX_HEADER_LENGTH) return null;
  const last = line.charCodeAt(line.length - 1);
  if (last < 48 || last > 57) return null;
  const m = HEADER.exec(line);
  if (!m) return null;
  let date: string | null;
  if (m[2] !== undefined) {
    date = toIsoDate(Number(m[4]), MONTH_NUMBERS[m[2].toLowerCase()] ?? 0, Number(m[3]));
  } else if (m[6] !== undefined) {
    date = toIsoDate(Number(m[7]), MONTH_NUMBERS[m[6].toLowerCase()] ?? 0, Number(m[5]));
  } else {
    date = toIsoDate(Number(m[8]), Number(m[9]), Number(m[10]));
  }
  if (date === null) return null;
  const prefix = (m[1] ?? '').trim();
  if (prefix === '') return { category: null, date };
  return isCategoryCode(prefix) ? { category: prefix, date } : null;
}
