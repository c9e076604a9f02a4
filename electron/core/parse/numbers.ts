// Parsing of metric values as sites print them: "117", "9,233", "9 233" (NBSP already folded to a space),
// "9'233", "1.2k", "12K", "3.4M", "45%", "45.5%".
//
// The ambiguous case is a dot followed by exactly three digits ("1.234"): in English it is a decimal, in German or
// Spanish it is a thousands separator. The decision depends on the metric: h-index, paper count and citations are
// whole counts, so "1.234" there can only mean 1234; novelty and AI score can be fractional, so there it is 1.234.
// A comma followed by one or two digits ("45,5") is a decimal comma (no thousands grouping has two digits).

const GROUPED = /^\d{1,3}(?:([,' ’])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const PLAIN = /^\d+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;

/**
 * The numeric value of a metric token, or null when the token is not a number in a recognised format.
 * `wholeCount` selects the reading of "1.234" (see above) and rounds abbreviated values ("1.2k" → 1200).
 */
export function parseMetricNumber(token: string, wholeCount: boolean): number | null {
  let text = token.trim();
  if (text.endsWith('%')) text = text.slice(0, -1).trimEnd();
  let multiplier = 1;
  const suffix = text.slice(-1);
  if (suffix === 'k' || suffix === 'K') multiplier = 1_000;
  else if (suffix === 'm' || suffix === 'M') multiplier = 1_000_000;
  if (multiplier !== 1) text = text.slice(0, -1).trimEnd();
  if (text === '' || text.length > 20) return null;

  let value: number;
  if (GROUPED.test(text)) value = Number(text.replace(/[,' ’]/g, ''));
  else if (multiplier === 1 && wholeCount && DOT_GROUPED.test(text)) value = Number(text.replace(/\./g, ''));
  else if (PLAIN.test(text)) value = Number(text);
  else if (DECIMAL_COMMA.test(text)) value = Number(text.replace(',', '.'));
  else return null;

  value *= multiplier;
  if (!Number.isFinite(value)) return null;
  // Counts are integers; abbreviations carry float error ("1.2" × 1000 = 1200.0000000000002).
  if (wholeCount) return Math.round(value);
  return multiplier === 1 ? value : Math.round(value * 1000) / 1000;
}
