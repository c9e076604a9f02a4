// A BibTeX library of any size for the tests of large imports (bench/bibtex-corpus.ts makes the benchmark's).

/** A BibTeX library of `count` entries (over 256 KB from ~600), each with an abstract. */
export function bibtexLibrary(count: number): string {
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    entries.push(
      `@article{entry${i},\n  title = {Study number ${i} of M{\\"o}bius {RL} agents},\n  author = {Ibarra, Tom{\\'a}s and Doe, Jane},\n` +
        `  journal = {Journal of Studies},\n  year = {${2000 + (i % 25)}},\n  doi = {10.5555/study.${i}},\n` +
        `  abstract = {${'We study agents that learn from feedback and report what they do. '.repeat(5)}}\n}\n`,
    );
  }
  return entries.join('\n');
}

