// What the sidebar has selected. It becomes ViewQuery's search and scope (the scope ANDed with the search filters).
import type { SavedSearch, ViewQuery } from '../../../electron/core/api.js';
import type { ReadingStatus } from '../../../electron/core/model.js';

export type Scope =
  | { kind: 'all' }
  | { kind: 'status'; status: ReadingStatus }
  | { kind: 'profile'; id: string }
  | { kind: 'tag'; name: string }
  | { kind: 'saved'; id: string }
  | { kind: 'trash' }
  /** Possible duplicates: a view of pairs, not of the paper list (the list query falls back to every paper). */
  | { kind: 'duplicates' };

export function scopeToQuery(scope: Scope): ViewQuery['scope'] {
  switch (scope.kind) {
    case 'all':
    case 'saved':
    case 'duplicates':
      return undefined;
    case 'status':
      return { status: scope.status };
    case 'profile':
      return { profileId: scope.id };
    case 'tag':
      return { tag: scope.name };
    case 'trash':
      return { trash: true };
  }
}

/**
 * The list's search and scope: a saved search contributes its own search (ANDed with what is typed: a filter added
 * on top narrows it) and its scope; every other scope keeps the typed search.
 */
export function viewOf(scope: Scope, search: string, savedSearches: readonly SavedSearch[]): Pick<ViewQuery, 'search' | 'scope'> {
  if (scope.kind !== 'saved') return { search, scope: scopeToQuery(scope) };
  const saved = savedSearches.find((s) => s.id === scope.id);
  if (!saved) return { search, scope: undefined };
  const combined = [saved.search.trim(), search.trim()].filter(Boolean).join(' ');
  const savedScope = Object.keys(saved.scope).length > 0 ? saved.scope : undefined;
  return { search: combined, scope: savedScope };
}

export function sameScope(a: Scope, b: Scope): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
