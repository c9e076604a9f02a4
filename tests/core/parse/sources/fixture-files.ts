// The example texts under tests/fixtures, read fresh (so a fixture added later is checked by every test that iterates
// them), and which source each one is: profile-*.txt are profile pages; under sources/, a file is named after its source
// (google-scholar-profile.txt, variants/dblp-person-menus.txt) or its file format (library.bib, library.csl.json).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_IDS, type SourceId } from '../../../../electron/core/parse/sources/types.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export interface FixtureFile {
  /** Relative to tests/fixtures ("sources/variants/dblp-person-menus.txt"). */
  name: string;
  text: string;
}

/** A file under tests/fixtures ("profile-sabela-ramos.txt", "sources/library.bib"). */
export function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES_DIR, relative), 'utf8');
}

/** A file under tests/fixtures/sources ("arxiv-listing.txt", "variants/arxiv-search-empty.txt"). */
export function sourceFixture(name: string): string {
  return fixture(path.join('sources', name));
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

/** Every file under tests/fixtures, the READMEs included (they are text no source should read). */
export function allFixtures(): FixtureFile[] {
  return walk(FIXTURES_DIR).map((file) => ({ name: path.relative(FIXTURES_DIR, file), text: readFileSync(file, 'utf8') }));
}

/** The fixtures and variants of one source (see expectedSource). */
export function ownFixtures(id: SourceId): FixtureFile[] {
  return allFixtures().filter((file) => expectedSource(file.name) === id);
}

/** Every other file under tests/fixtures: text the source must not take for its own. */
export function otherFixtures(id: SourceId): FixtureFile[] {
  return allFixtures().filter((file) => expectedSource(file.name) !== id);
}

const BY_EXTENSION: ReadonlyArray<[suffix: string, source: SourceId]> = [
  ['.bib', 'bibtex'],
  ['.ris', 'ris'],
  ['.csl.json', 'csl-json'],
  ['.folio.json', 'folio-json'],
];

/** The source a fixture is, by its name; null for a text that is none (a README). */
export function expectedSource(name: string): SourceId | null {
  const base = path.basename(name);
  if (base.endsWith('.md')) return null;
  if (!name.startsWith(`sources${path.sep}`) && base.startsWith('profile-')) return 'profile-page';
  for (const [suffix, source] of BY_EXTENSION) if (base.endsWith(suffix)) return source;
  // The longest id that prefixes the name ("semantic-scholar-…" is not "semantic").
  const ids = [...SOURCE_IDS].sort((a, b) => b.length - a.length);
  return ids.find((id) => base.startsWith(`${id}-`)) ?? null;
}
