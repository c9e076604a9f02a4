// The page's numbered page links ("1 2") sit right after the last abstract in the DOM, and a copy often glues
// them to its last sentence: "...implemented as part of Acme.12". Only that exact shape is undone: a letter or ")"
// then sentence punctuation, then 1–3 digits ending the text. "version 2.12" (a digit before the dot) and
// "Acme.1234" (four digits) are left alone.

const GLUED_PAGE_NUMBERS = /[\p{L})][.!?](\d{1,3})$/u;
// The shape is at most 5 characters long; testing only the tail keeps this O(1) for any line length.
const TAIL = 8;

/** The line without glued trailing page numbers, and the digits removed (null when nothing was stripped). */
export function stripGluedPagination(line: string): { line: string; removed: string | null } {
  const tail = line.slice(-TAIL);
  const m = GLUED_PAGE_NUMBERS.exec(tail);
  if (!m || m[1] === undefined) return { line, removed: null };
  return { line: line.slice(0, line.length - m[1].length), removed: m[1] };
}
