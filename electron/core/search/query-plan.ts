// A parsed query made ready to run: its free text as one list of match rules per OR combination (the text index
// answers AND queries; the engine unites the combinations), and every rule once for the highlighter.
import type { FilterScope } from './filters.js';
import { planTerms } from './plan.js';
import type { TermRule } from './plan.js';
import type { ParsedQuery, QueryTerm } from './query-parser.js';

/**
 * `a OR b` is searched as one AND query per combination of alternatives (`x (a OR b) (c OR d)`: four); past this
 * many combinations the later OR groups lose their extra alternatives (and the query says so).
 */
const MAX_OR_COMBINATIONS = 64;

/** A query ready to run: saved searches expanded, free text as AND queries whose hits are united. */
export interface Plan {
  parsed: ParsedQuery;
  /** One rule list per OR combination; a single list when the query has no OR; none without free text. */
  branches: TermRule[][];
  /** Every branch's rules, each once: what the highlighter marks and fuse re-scores. */
  rules: TermRule[];
  /** Scopes of the saved searches the query names. */
  scopes: FilterScope[];
  /** Problems found while planning (too many ORs). */
  errors: string[];
}

/** The free-text combinations of a query: one term list per choice of one alternative in each clause. */
function combinations(clauses: ParsedQuery['clauses'], errors: string[]): QueryTerm[][] {
  const kept = clauses.map((clause) => [...clause]);
  let count = kept.reduce((n, clause) => n * clause.length, 1);
  if (count > MAX_OR_COMBINATIONS) {
    errors.push(`Too many ORs: over ${MAX_OR_COMBINATIONS} combinations of words, so only the first alternatives of the last OR groups were searched.`);
    for (let c = kept.length - 1; c >= 0 && count > MAX_OR_COMBINATIONS; c--) {
      const clause = kept[c] as QueryTerm[][];
      while (clause.length > 1 && count > MAX_OR_COMBINATIONS) {
        count = (count / clause.length) * (clause.length - 1);
        clause.pop();
      }
    }
  }
  let out: QueryTerm[][] = [[]];
  for (const clause of kept) out = out.flatMap((prefix) => clause.map((alternative) => [...prefix, ...alternative]));
  return clauses.length === 0 ? [] : out;
}

export function planOf(parsed: ParsedQuery, scopes: FilterScope[]): Plan {
  const errors: string[] = [];
  const branches = combinations(parsed.clauses, errors)
    .map(planTerms)
    .filter((rules) => rules.length > 0);
  const seen = new Set<string>();
  const rules = branches.flat().filter((rule) => {
    const key = `${rule.term}\n${rule.prefix}\n${rule.fuzzy}\n${rule.fields?.join(',') ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { parsed, branches, rules, scopes, errors };
}

