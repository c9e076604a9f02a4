// Seeded fuzzing through the front door: mutations of every fixture of every source go through parseText, as the app
// and the CLI read a paste or a file. Properties: a result in contract from the source it names, or a refusal
// (UnreadableTextError, or a source's NotThisSourceError) and nothing else; and the store's planner accepts every
// result, against an empty library and against one holding every fixture's papers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planImportDetailed } from '../../../../electron/core/library/importer.js';
import { parseText, UnreadableTextError } from '../../../../electron/core/parse/sources/registry.js';
import { NotThisSourceError, type SourceResult } from '../../../../electron/core/parse/sources/types.js';
import { rng } from '../../../helpers/rng.js';
import { EMPTY_VIEW, libraryOfResults } from '../plan-views.js';
import { allFixtures, expectedSource } from './fixture-files.js';
import { assertContract, mutate } from './source-checks.js';

const FIXTURES = allFixtures().filter((file) => expectedSource(file.name) !== null);
const CASES_PER_FIXTURE = 80;
const LIBRARY = libraryOfResults(FIXTURES.map((file) => parseText(file.text)));

/** Reads the text as the app does; null for a refusal of the kinds the API turns into a message. */
function readOrRefuse(text: string, label: string): SourceResult | null {
  try {
    return parseText(text);
  } catch (error) {
    if (error instanceof UnreadableTextError || error instanceof NotThisSourceError) return null;
    throw new Error(`${label}: parseText threw ${String(error)}`, { cause: error });
  }
}

test(`registry fuzz: ${FIXTURES.length} fixtures × ${CASES_PER_FIXTURE} seeded mutations read in contract or are refused, and plan`, () => {
  let read = 0;
  let refused = 0;
  const bySource = new Map<string, number>();
  const cpu = process.cpuUsage();
  for (const [f, { name, text }] of FIXTURES.entries()) {
    const random = rng(7_000_000 + f);
    for (let k = 0; k < CASES_PER_FIXTURE; k++) {
      const label = `${name} #${k}`;
      const result = readOrRefuse(mutate(text, random), label);
      if (result === null) {
        refused++;
        continue;
      }
      read++;
      bySource.set(result.source, (bySource.get(result.source) ?? 0) + 1);
      assertContract(result, result.source, label);
      for (const view of [EMPTY_VIEW, LIBRARY]) {
        const plan = planImportDetailed(result, view);
        assert.equal(new Set(plan.entries.map((e) => e.id)).size, plan.entries.length, `${label}: one id planned twice`);
      }
    }
  }
  const { user, system } = process.cpuUsage(cpu);
  console.log(
    `registry fuzz: ${read} read (${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}), ${refused} refused ` +
      `(${((user + system) / 1e6).toFixed(1)} s CPU)`,
  );
  assert.ok(read > refused, 'most mutations are still read: the fuzzing reaches the parsers and the planner');
  assert.equal(bySource.size, new Set(FIXTURES.map((f) => expectedSource(f.name))).size, 'every source read some');
});
