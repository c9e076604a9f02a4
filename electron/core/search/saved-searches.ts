// `saved:NAME` in a query: the saved search's own query and scope, expanded into the query that names it (AND).
// Saved searches may name others; a cycle is reported and that reference ignored, never followed forever.
import type { FilterScope } from './filters.js';
import { parseQuery } from './query-parser.js';
import type { ParsedQuery } from './query-parser.js';
import { foldText } from './tokenize.js';

/** What the engine is told of a saved search (model.ts SavedSearch has these fields). */
export interface SavedSearchDefinition {
  name: string;
  search: string;
  scope?: FilterScope;
}

/** A query with every saved: reference replaced by what it names. */
export interface ExpandedQuery {
  parsed: ParsedQuery;
  /** The scopes of the saved searches it names (the view's own scope is the caller's). */
  scopes: FilterScope[];
}

/** How saved search names compare: case, accents and repeated spaces do not matter. */
export function savedSearchKey(name: string): string {
  return foldText(name).trim().replace(/\s+/g, ' ');
}

const MAX_EXPANSIONS = 100;

export function expandSavedSearches(parsed: ParsedQuery, lookup: (key: string) => SavedSearchDefinition | undefined): ExpandedQuery {
  const scopes: FilterScope[] = [];
  const out: ParsedQuery = { ...parsed, clauses: [...parsed.clauses], excludedTerms: [...parsed.excludedTerms], filters: [...parsed.filters], filterAlternatives: [...parsed.filterAlternatives], saved: [], unquotedTagRuns: [...parsed.unquotedTagRuns], errors: [...parsed.errors] };
  let expansions = 0;
  const visit = (names: readonly string[], path: readonly string[]): void => {
    for (const name of names) {
      // Saved searches naming the same one twice at each level would otherwise double the work per level.
      if (++expansions > MAX_EXPANSIONS) {
        if (expansions === MAX_EXPANSIONS + 1) out.errors.push(`Saved searches name each other too many times (over ${MAX_EXPANSIONS}); the rest were ignored.`);
        return;
      }
      const key = savedSearchKey(name);
      const saved = lookup(key);
      if (saved === undefined) {
        out.errors.push(`No saved search named "${name}".`);
        continue;
      }
      const through = path.length > 0 ? ` (through "${path.join('" → "')}")` : '';
      if (path.some((p) => savedSearchKey(p) === key)) {
        out.errors.push(`Saved search "${saved.name}" names itself${through}; that saved: was ignored.`);
        continue;
      }
      const inner = parseQuery(saved.search);
      out.clauses.push(...inner.clauses);
      out.excludedTerms.push(...inner.excludedTerms);
      out.filters.push(...inner.filters);
      out.filterAlternatives.push(...inner.filterAlternatives);
      out.errors.push(...inner.errors.map((e) => `In saved search "${saved.name}": ${e}`));
      if (saved.scope !== undefined) scopes.push(saved.scope);
      visit(inner.saved, [...path, saved.name]);
    }
  };
  visit(parsed.saved, []);
  out.terms = out.clauses.flat(2);
  return { parsed: out, scopes };
}
