// BibTeX parser choice (issue 9): @retorquere/bibtex-parser vs @citation-js/plugin-bibtex, and Folio's BibTeX
// source (citation-js + block-by-block recovery), on the fixture, on a generated 10,000-entry file with one malformed
// entry, and on a table of LaTeX snippets. `npx tsx bench/bibtex-parsers.ts [--runs N] [--entries N] [--seed N]
// [--retorquere-from DIR] [--write FILE]`. Retorquere's parser is not a Folio dependency: install it anywhere
// (`npm i --prefix /tmp/bib @retorquere/bibtex-parser`) and pass that folder; without it its rows say "not installed".
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { bibtexSource } from '../electron/core/parse/sources/bibtex.js';
import { generateBib } from './bibtex-corpus.js';
import { gc, median, round } from './stats.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

interface Options {
  runs: number;
  entries: number;
  seed: number;
  retorquereFrom: string;
  /** Also write the generated file (with its malformed entry) there, to try it elsewhere. */
  write: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 5, entries: 10_000, seed: 20240731, retorquereFrom: root, write: null };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1] ?? '';
    if (argv[i] === '--runs') options.runs = Number(value);
    else if (argv[i] === '--entries') options.entries = Number(value);
    else if (argv[i] === '--seed') options.seed = Number(value);
    else if (argv[i] === '--retorquere-from') options.retorquereFrom = path.resolve(value);
    else if (argv[i] === '--write') options.write = path.resolve(value);
    else continue;
    i++;
  }
  return options;
}

/** What each contender gives back, reduced to what the comparison needs: titles by citation key. */
interface Outcome {
  titles: Map<string, string>;
  /** Errors the parser reported without throwing. */
  errors: number;
}

interface Contender {
  name: string;
  parse(text: string): Outcome;
}

const citationJs: Contender = {
  name: 'citation-js (as is)',
  parse(text) {
    const items = plugins.input.data(plugins.input.data(text, '@biblatex/text'), '@biblatex/entries+list');
    const titles = new Map<string, string>();
    for (const item of items as Array<{ id: string; title?: string }>) titles.set(item.id, item.title ?? '');
    return { titles, errors: 0 };
  },
};

const folio: Contender = {
  name: 'Folio bibtex source (citation-js + recovery)',
  parse(text) {
    const result = bibtexSource.parse(text);
    // The source does not keep citation keys; the generated titles carry their index, which stands in for the key.
    const titles = new Map<string, string>();
    for (const paper of result.papers) titles.set(keyOfTitle(paper.title), paper.title);
    return { titles, errors: result.warnings.length };
  },
};

interface RetorquereLibrary {
  entries: Array<{ key: string; fields: { title?: string } }>;
  errors: unknown[];
}

async function loadRetorquere(from: string): Promise<Contender | null> {
  try {
    // Its CommonJS build does not load (the package says "type": "module"), so take the ESM entry its exports name.
    const folder = path.join(from, 'node_modules/@retorquere/bibtex-parser');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      exports: { '.': { import: { default: string } } };
    };
    const file = path.join(folder, manifest.exports['.'].import.default);
    const module = (await import(pathToFileURL(file).href)) as {
      parse(text: string, options: object): RetorquereLibrary;
    };
    return {
      name: '@retorquere/bibtex-parser',
      parse(text) {
        const library = module.parse(text, { english: false, sentenceCase: false, unsupported: 'ignore' });
        const titles = new Map<string, string>();
        for (const entry of library.entries) titles.set(entry.key, entry.fields.title ?? '');
        return { titles, errors: library.errors.length };
      },
    };
  } catch {
    return null;
  }
}

const keyOfTitle = (title: string): string => /\(no\. (\d+)\)/.exec(title)?.[1] ?? title;

/** LaTeX a .bib file may hold → what a person reads. Both parsers meet the same rows. */
const DECODING: Array<[string, string]> = [
  ['M{\\o}ller', 'Møller'],
  ['Gro{\\ss}', 'Groß'],
  ["Joaqu{\\'\\i}n", 'Joaquín'],
  ['In{\\`e}s', 'Inès'],
  ['Zo{\\"e}', 'Zoë'],
  ["Tom\\'{a}s", 'Tomás'],
  ['N{\\\'u}{\\~n}ez', 'Núñez'],
  ['Dvo{\\v{r}}{\\\'a}k', 'Dvořák'],
  ['{\\L}ukasz', 'Łukasz'],
  ['{\\AA}ngstr{\\"o}m', 'Ångström'],
  ['\\c{C}elik', 'Çelik'],
  ['Erd\\H{o}s', 'Erdős'],
  ['{\\={a}}', 'ā'],
  ['$\\alpha$-divergence', 'α-divergence'],
  ['$O(n^2)$ time', 'O(n²) time'],
  ['50\\% \\& more', '50% & more'],
  ['pages 1--37', 'pages 1–37'],
  ['a---b', 'a—b'],
  ["``quoted''", '“quoted”'],
  ['\\textit{in vivo} study', 'in vivo study'],
  ['\\emph{Emphasis}', 'Emphasis'],
  ['{GPU}-Accelerated', 'GPU-Accelerated'],
  ['\\LaTeX{} tables', 'LaTeX tables'],
  ['C\\#{} and F\\#', 'C# and F#'],
];

function decodingScore(contender: Contender | null, tidy: (text: string) => string): string {
  if (!contender) return 'not installed';
  let correct = 0;
  const misses: string[] = [];
  for (const [tex, expected] of DECODING) {
    const text = `@misc{k, title = {${tex} (no. 1)}, year = 2020}`;
    let got = '';
    try {
      got = tidy(contender.parse(text).titles.get(contender === folio ? '1' : 'k') ?? '').replace(/ \(no\. 1\)$/, '');
    } catch (error) {
      got = `throws ${String(error).slice(0, 40)}`;
    }
    if (got === expected) correct++;
    else misses.push(`${JSON.stringify(tex)}→${JSON.stringify(got)}`);
  }
  return `${correct}/${DECODING.length}${misses.length ? `  misses: ${misses.join(', ')}` : ''}`;
}

/** Median wall time and median CPU time (user + system) of `runs` parses; CPU time is the steadier figure while
 * other processes share the machine. */
function timeRuns(contender: Contender, text: string, runs: number): { ms: string; outcome: Outcome | string } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let outcome: Outcome | string = '';
  for (let run = 0; run < runs; run++) {
    gc();
    const start = performance.now();
    const startCpu = process.cpuUsage();
    try {
      outcome = contender.parse(text);
    } catch (error) {
      outcome = `throws: ${String(error).split('\n')[0]?.slice(0, 70)}`;
    }
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - start);
  }
  return { ms: `${round(median(wall), 0)} / ${round(median(cpu), 0)}`, outcome };
}

function recovered(outcome: Outcome | string, expected: Map<string, string>, keyOf: (key: string) => string): string {
  if (typeof outcome === 'string') return outcome;
  let right = 0;
  for (const [key, title] of outcome.titles) if (expected.get(keyOf(key)) === title) right++;
  return `${right}/${expected.size} right, ${outcome.titles.size} returned, ${outcome.errors} errors/warnings`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const retorquere = await loadRetorquere(options.retorquereFrom);
  const contenders: Array<[Contender | null, string, (key: string) => string]> = [
    [retorquere, '@retorquere/bibtex-parser', (key) => key.replace(/^entry/, '')],
    [citationJs, citationJs.name, (key) => key.replace(/^entry/, '')],
    [folio, folio.name, (key) => key],
  ];
  const fixture = readFileSync(path.join(root, 'tests/fixtures/sources/library.bib'), 'utf8');
  const bigFile = generateBib(options.entries, options.seed);
  const soundFile = generateBib(options.entries, options.seed, false).text;
  if (options.write) writeFileSync(options.write, bigFile.text);
  // Retorquere's parser marks up \textit as <i> and leaves accents decomposed (e + U+0300): both are fair to undo.
  const stripTags = (text: string): string => text.replace(/<\/?[a-z][^>]*>/g, '').normalize('NFC');
  console.log(`BibTeX parsers: ${options.entries} generated entries (one malformed: ${bigFile.malformed}), median of ${options.runs} runs`);
  console.log('| parser | fixture entries | 10k sound: wall / CPU ms | 10k with 1 bad: wall / CPU ms | entries recovered | LaTeX decoding |');
  console.log('|---|---|---|---|---|---|');
  for (const [contender, name, keyOf] of contenders) {
    if (!contender) {
      console.log(`| ${name} | not installed (--retorquere-from DIR) | | | | |`);
      continue;
    }
    let fixtureCount: string;
    try {
      fixtureCount = String(contender.parse(fixture).titles.size);
    } catch (error) {
      fixtureCount = `throws (${String(error).split('\n')[0]?.slice(0, 40)})`;
    }
    const sound = timeRuns(contender, soundFile, options.runs);
    const broken = timeRuns(contender, bigFile.text, options.runs);
    const decoding = decodingScore(contender, contender === folio ? (t) => t : stripTags);
    console.log(`| ${name} | ${fixtureCount}/10 | ${sound.ms} | ${broken.ms} | ${recovered(broken.outcome, bigFile.expected, keyOf)} | ${decoding} |`);
  }
  console.log('Budget: parse ≤ 2000 ms for 10,000 entries. Retorquere titles are compared with HTML tags (<i>, <b>) stripped and NFC applied.');
}

await main();
