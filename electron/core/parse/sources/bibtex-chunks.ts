// Splits a .bib text into its @-blocks in one linear pass, so one malformed entry can be set aside without losing
// the others: a block ends at its balanced closing brace, or, when a brace is never closed, just before the next
// line that opens a block ("@article{"). Text between blocks (comments, notes) is left out, as BibTeX does.

export interface BibChunk {
  /** Lower-case block type: "article", "string", "comment", "preamble", ... */
  type: string;
  /** The citation key of an entry ("" when it has none). */
  key: string;
  /** The block's text, from "@" to its closing delimiter (or to where it had to be cut). */
  text: string;
  /** 1-based line of the "@". */
  line: number;
  /** False when the closing delimiter was never found. */
  balanced: boolean;
}

// "@" + type + "{" or "(", with bounded whitespace so a run of "@"s cannot make the scan quadratic.
const BLOCK_START = /@[ \t]{0,16}([A-Za-z][\w:-]{0,40})[ \t\r\n]{0,16}([{(])/y;
const KEY = /[ \t\r\n]{0,64}([^,\s{}()"=#]{0,200})[ \t\r\n]{0,64},/y;
const LINE_START_BLOCK = /[ \t]{0,16}@[ \t]{0,16}[A-Za-z][\w:-]{0,40}[ \t]{0,16}[{(]/y;

export function splitBibtex(text: string): BibChunk[] {
  const chunks: BibChunk[] = [];
  let line = 1;
  let lineCountedTo = 0;
  const lineAt = (position: number): number => {
    for (let i = lineCountedTo; i < position; i++) if (text.charCodeAt(i) === 10) line++;
    lineCountedTo = Math.max(lineCountedTo, position);
    return line;
  };
  let position = text.indexOf('@');
  while (position !== -1) {
    BLOCK_START.lastIndex = position;
    const start = BLOCK_START.exec(text);
    if (!start) {
      position = text.indexOf('@', position + 1);
      continue;
    }
    const type = (start[1] as string).toLowerCase();
    const bodyStart = BLOCK_START.lastIndex;
    const end = blockEnd(text, bodyStart, start[2] === '(' ? ')' : '}');
    KEY.lastIndex = bodyStart;
    const key = type === 'string' || type === 'comment' || type === 'preamble' ? '' : (KEY.exec(text)?.[1] ?? '');
    chunks.push({
      type,
      key,
      text: text.slice(position, end.index),
      line: lineAt(position),
      balanced: end.balanced,
    });
    position = text.indexOf('@', end.index);
  }
  return chunks;
}

/** Where the block that opened just before `from` ends: after its closing delimiter, or before the next block. */
function blockEnd(text: string, from: number, closer: ')' | '}'): { index: number; balanced: boolean } {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++; // an escaped brace ("\{") does not count
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      if (depth === 0) return { index: i + 1, balanced: closer === '}' };
      depth--;
    } else if (ch === ')' && closer === ')' && depth === 0) {
      return { index: i + 1, balanced: true };
    } else if (ch === '\n') {
      LINE_START_BLOCK.lastIndex = i + 1;
      if (LINE_START_BLOCK.test(text)) return { index: i + 1, balanced: false };
    }
  }
  return { index: text.length, balanced: false };
}
