// Seeded fuzzing of the parser (issue 8 §4: "no input may crash the parser"): thousands of mutated pastes of every
// fixture. Properties: parseProfilePage returns a valid SourceResult or throws NotAProfileError (nothing else, no
// stack overflow), and the store's planner accepts every result it returns without throwing. (The registry's fuzz
// test, tests/core/parse/sources/registry-fuzz.test.ts, does the same for every source.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { errorStack } from '../../../electron/core/library/errors.js';
import { isSourceResult } from '../../../electron/core/library/fast-check.js';
import { planImportDetailed } from '../../../electron/core/library/importer.js';
import { sourceResultSchema } from '../../../electron/core/library/schema.js';
import { NotAProfileError, parseProfilePage } from '../../../electron/core/parse/index.js';
import type { SourceResult } from '../../../electron/core/parse/sources/types.js';
import { EMPTY_VIEW, libraryOfResults } from './plan-views.js';
import { titleKey } from '../../../electron/core/text.js';
import { rng } from '../../helpers/rng.js';
import { fixture } from './helpers.js';

const FIXTURES = readdirSync(new URL('../../fixtures/', import.meta.url)).filter((f) => f.endsWith('.txt')).map((f) => fixture(f));
const CASES_PER_FIXTURE = 500;

// Characters that have broken parsers: controls, invisibles, line/paragraph separators, RTL, combining marks,
// astral emoji, a lone surrogate, CJK punctuation, TeX/Markdown/HTML specials, a metric-looking and a date-looking token.
const ODD_PIECES = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\u00a0',
  '\u0301', '\u0308', '🚀', '👩‍🔬', '\ud800', '，', '、', '·', '•', '{', '}', '\\', '<', '>', '&', '#', '%', '"', ' and ',
  ' et al.', 'h-index', '117', '12papers', 'CLJul 31, 2024', 'Feb 30, 2024', '\t', '\r', '\n', '\n\n',
];

type Mutation = (lines: string[], random: () => number) => string[];

const pick = <T,>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
const at = (lines: readonly string[], random: () => number): number => Math.floor(random() * Math.max(1, lines.length));

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (lines, r) => lines.filter((_, i) => i !== at(lines, r)),
  deleteRun: (lines, r) => {
    const i = at(lines, r);
    return [...lines.slice(0, i), ...lines.slice(i + 1 + Math.floor(r() * 6))];
  },
  duplicateLine: (lines, r) => {
    const i = at(lines, r);
    return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)];
  },
  swapLines: (lines, r) => {
    const copy = lines.slice();
    const i = at(copy, r);
    const j = Math.min(copy.length - 1, i + 1 + Math.floor(r() * 3));
    [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
    return copy;
  },
  truncate: (lines, r) => {
    const text = lines.join('\n');
    return text.slice(0, Math.floor(r() * text.length)).split('\n');
  },
  crlf: (lines) => [lines.join('\r\n')],
  loneCr: (lines) => [lines.join('\r')],
  nbsp: (lines, r) => lines.map((line) => (r() < 0.3 ? line.replaceAll(' ', '\u00a0') : line)),
  oddCharacters: (lines, r) =>
    lines.map((line) => {
      if (r() > 0.2) return line;
      const k = Math.floor(r() * (line.length + 1));
      return line.slice(0, k) + pick(ODD_PIECES, r) + line.slice(k);
    }),
  replaceLine: (lines, r) => {
    const copy = lines.slice();
    copy[at(copy, r)] = pick(ODD_PIECES, r).repeat(1 + Math.floor(r() * 4));
    return copy;
  },
  hugeRepeatedBlock: (lines, r) => {
    const i = at(lines, r);
    const block = lines.slice(i, i + 1 + Math.floor(r() * 8));
    const times = 100 + Math.floor(r() * 300);
    const repeated: string[] = [];
    for (let n = 0; n < times; n++) for (const line of block) repeated.push(line);
    return [...lines.slice(0, i), ...repeated, ...lines.slice(i)];
  },
  emptyLines: (lines, r) => lines.flatMap((line) => (r() < 0.2 ? [line, '', ''] : [line])),
  noEmptyLines: (lines) => lines.filter((line) => line.trim() !== ''),
  oneLine: (lines) => [lines.join(' ')],
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

/** 1–4 mutations; at most one huge block, so a case stays under ~10k lines and the run stays fast. */
function mutate(text: string, random: () => number): string {
  let lines = text.split('\n');
  const rounds = 1 + Math.floor(random() * 4);
  let grew = false;
  for (let k = 0; k < rounds; k++) {
    const name = pick(MUTATION_NAMES, random);
    if (name === 'hugeRepeatedBlock' && grew) continue;
    grew ||= name === 'hugeRepeatedBlock';
    lines = (MUTATIONS[name] as Mutation)(lines, random);
  }
  return lines.join('\n');
}

const LIBRARY_VIEW = libraryOfResults(FIXTURES.map((text) => parseProfilePage(text)));

/** The properties every paste must satisfy; returns whether it parsed (false: NotAProfileError). */
function checkPaste(text: string, label: string, checkSchema = true): boolean {
  let result: SourceResult;
  try {
    result = parseProfilePage(text);
  } catch (error) {
    if (error instanceof NotAProfileError) return false;
    assert.fail(`${label}: threw ${errorStack(error)}`);
  }
  assert.ok(isSourceResult(result), `${label}: not a SourceResult`);
  if (checkSchema) assert.ok(sourceResultSchema.safeParse(result).success, `${label}: fails the store's schema`);
  for (const paper of result.papers) {
    assert.notEqual(titleKey(paper.title), '', `${label}: a title without a key`);
    assert.ok(paper.date === null ? paper.year === null : !Number.isNaN(Date.parse(paper.date)), `${label}: bad date ${paper.date}`);
  }
  for (const view of [EMPTY_VIEW, LIBRARY_VIEW]) {
    const plan = planImportDetailed(result, view);
    assert.equal(new Set(plan.entries.map((e) => e.id)).size, plan.entries.length, `${label}: one id planned twice`);
  }
  return true;
}

test(`fuzz: ${FIXTURES.length} fixtures × ${CASES_PER_FIXTURE} seeded mutations parse or are refused cleanly, and plan`, () => {
  let parsed = 0;
  let refused = 0;
  const cpu = process.cpuUsage();
  for (const [f, text] of FIXTURES.entries()) {
    for (let k = 0; k < CASES_PER_FIXTURE; k++) {
      const seed = f * 100_000 + k;
      const pasted = mutate(text, rng(seed));
      // zod is slow; the hand-written check runs on every case, zod on every tenth.
      if (checkPaste(pasted, `fixture ${f}, seed ${seed}`, k % 10 === 0)) parsed++;
      else refused++;
    }
  }
  const { user, system } = process.cpuUsage(cpu);
  console.log(`fuzz: ${parsed} mutated pastes parsed, ${refused} refused as not a profile (${((user + system) / 1e6).toFixed(1)} s CPU)`);
  assert.ok(parsed > refused, 'most mutations still parse: the fuzzing reaches the paper and head code');
});

const HUGE_INPUTS: Array<{ name: string; build: () => string }> = [
  { name: '130,000 conflicting metric lines before the first paper', build: () => `${Array.from({ length: 130_000 }, (_, i) => `h-index ${i}`).join('\n')}\n${FIXTURES[0] ?? ''}` },
  { name: '130,000 bare metric labels and values', build: () => `Jane Doe\n${'h-index\n1\n'.repeat(65_000)}${FIXTURES[1] ?? ''}` },
  { name: '130,000 name-like navigation lines', build: () => 'Research Feed\n'.repeat(130_000) + (FIXTURES[2] ?? '') },
  { name: '130,000 category codes', build: () => 'LG\n'.repeat(130_000) + (FIXTURES[3] ?? '') },
  { name: '50,000 papers without their date lines', build: () => `Jane Doe\nh-index 3\n\nCLJul 31, 2024\n${'Some Title\n\nAlice Smith, Bob Jones\n\nText.\n\n'.repeat(50_000)}` },
  { name: '50,000 listings of one paper on nearby dates', build: () => `Jane Doe\nh-index 3\n\n${'CLJul 31, 2024\nSame Title\n\nAlice Smith, Bob Jones\n\nText.\n\nCLJan 3, 2025\nSame Title\n\nA B\n\nx.\n\n'.repeat(25_000)}` },
  { name: 'one 2 MB line', build: () => `Jane Doe\nh-index 3\n${'word, '.repeat(350_000)}` },
];
for (const input of HUGE_INPUTS) {
  test(`fuzz: ${input.name} (no stack overflow)`, { timeout: 20_000 }, () => {
    checkPaste(input.build(), input.name);
  });
}
