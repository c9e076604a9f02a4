// Fixture access for the import-source tests: a source's own examples, and every other file under tests/fixtures (so
// a fixture added later is checked against every detector without editing the tests).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyPaper } from '../../../../electron/core/parse/sources/fields.js';
import type { SourcePaper } from '../../../../electron/core/parse/sources/types.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** A file under tests/fixtures/sources/ ("arxiv-listing.txt", "variants/arxiv-search-empty.txt"). */
export function sourceFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, 'sources', name), 'utf8');
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

export interface FixtureFile {
  /** Relative to tests/fixtures. */
  name: string;
  text: string;
}

/** Every file under tests/fixtures whose base name does not start with `ownPrefix` ("arxiv-"). */
export function otherFixtures(ownPrefix: string): FixtureFile[] {
  return walk(FIXTURES)
    .filter((file) => !path.basename(file).startsWith(ownPrefix))
    .map((file) => ({ name: path.relative(FIXTURES, file), text: readFileSync(file, 'utf8') }));
}

/** Every file under tests/fixtures/sources (variants included) whose base name starts with `ownPrefix`. */
export function ownFixtures(ownPrefix: string): FixtureFile[] {
  return walk(path.join(FIXTURES, 'sources'))
    .filter((file) => path.basename(file).startsWith(ownPrefix))
    .map((file) => ({ name: path.relative(FIXTURES, file), text: readFileSync(file, 'utf8') }));
}

/** A complete expected paper: every field absent except those given. */
export function paper(fields: Partial<SourcePaper> & { title: string }): SourcePaper {
  return { ...emptyPaper(fields.title), ...fields };
}

/** Text with its lines in CRLF, and every space of lines matching `nbspLines` as NBSP. */
export function windowsCopy(text: string, nbspLines: RegExp = /^$/): string {
  return text
    .split('\n')
    .map((line) => (nbspLines.test(line) ? line.replaceAll(' ', '\u00a0') : line))
    .join('\r\n');
}

/** Chrome from other sites and an OS clipboard before and after the paste. */
export function withForeignChrome(text: string): string {
  return `Bookmarks\nMost visited\nReader view\n\u200b\n${text}\n\nPrint\nPage 1 of 3\n© 2025\n`;
}
