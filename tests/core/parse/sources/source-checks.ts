// Checks every reference-file source test repeats: the fixture folders as foreign text, robustness under seeded
// mutation, and the error type of a refusal.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotThisSourceError, type ImportSource } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';

const fixturesRoot = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export function sourceFixture(name: string): string {
  return readFileSync(path.join(fixturesRoot, 'sources', name), 'utf8');
}

/** Every file in tests/fixtures/ and tests/fixtures/sources/ (read fresh, so new fixtures are covered). */
export function allFixtureFiles(): Array<{ name: string; text: string }> {
  const files: Array<{ name: string; text: string }> = [];
  for (const folder of ['', 'sources']) {
    for (const name of readdirSync(path.join(fixturesRoot, folder))) {
      const file = path.join(fixturesRoot, folder, name);
      if (!statSync(file).isFile() || name.endsWith('.md')) continue;
      files.push({ name: path.join(folder, name), text: readFileSync(file, 'utf8') });
    }
  }
  return files;
}

/** The source's parse throws NotThisSourceError (and nothing else) on the text. */
export function assertRefuses(source: ImportSource, text: string, label: string): void {
  assert.throws(() => source.parse(text), NotThisSourceError, label);
}

/** parse() either returns a result of its own source or refuses with NotThisSourceError; detect() stays in [0, 1]. */
export function assertSurvives(source: ImportSource, text: string, label: string): void {
  const confidence = source.detect(text);
  assert.ok(confidence >= 0 && confidence <= 1, `${label}: detect gave ${confidence}`);
  try {
    const result = source.parse(text);
    assert.equal(result.source, source.id, label);
    for (const paper of result.papers) assert.ok(paper.title.length > 0, `${label}: empty title`);
    JSON.stringify(result);
  } catch (error) {
    if (!(error instanceof NotThisSourceError)) throw new Error(`${label}: ${String(error)}`, { cause: error });
  }
}

/** `count` seeded mutations of the text: cut, duplicated, deleted and inserted spans, shuffled lines. */
export function mutations(text: string, count: number, seed: number): string[] {
  const random = rng(seed);
  const at = (n: number): number => Math.floor(random() * n);
  const noise = ['{', '}', '"', '@', ',', '=', '\\', '$', '\n', '\r\n', '\u00a0', '%', '#', 'TY  - ', 'ER  - ', '[', ']', '\u0000'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = text;
    for (let edits = 1 + at(4); edits > 0; edits--) {
      const a = at(t.length + 1);
      const b = Math.min(t.length, a + at(200));
      switch (at(5)) {
        case 0:
          t = t.slice(0, a);
          break;
        case 1:
          t = t.slice(0, a) + t.slice(a, b) + t.slice(a);
          break;
        case 2:
          t = t.slice(0, a) + t.slice(b);
          break;
        case 3:
          t = t.slice(0, a) + (noise[at(noise.length)] as string).repeat(1 + at(50)) + t.slice(a);
          break;
        default: {
          const lines = t.split('\n');
          for (let k = lines.length - 1; k > 0; k--) {
            const j = at(k + 1);
            [lines[k], lines[j]] = [lines[j] as string, lines[k] as string];
          }
          t = lines.join('\n');
        }
      }
    }
    out.push(t);
  }
  return out;
}
