// Small builders for inline pastes, so each test row states only what it varies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8');
}

export const HEAD = 'Jane Doe\n\nLG\nh-index12\n2papers\n340citations\nNovelty30%\nAI Score20\n\n2 Papers\n';

/** A paper entry in the sample's layout (blank lines between header+title, authors and abstract). */
export function entry(
  title: string,
  opts: { header?: string; authors?: string; abstract?: string } = {},
): string {
  const parts = [`${opts.header ?? 'CLJul 31, 2024'}\n${title}`];
  parts.push(opts.authors ?? 'Alice Smith, Bob Jones et al.');
  if (opts.abstract !== '') parts.push(opts.abstract ?? `Abstract of ${title}.`);
  return parts.join('\n\n');
}

export function page(...entries: string[]): string {
  return `${HEAD}\n${entries.join('\n\n')}`;
}
