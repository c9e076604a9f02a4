// What the sidebar has selected. It becomes ViewQuery.scope (ANDed with the search filters).
import type { ViewQuery } from '../../../electron/core/api.js';
import type { ReadingStatus } from '../../../electron/core/model.js';

export type Scope =
  | { kind: 'all' }
  | { kind: 'status'; status: ReadingStatus }
  | { kind: 'profile'; id: string }
  | { kind: 'tag'; name: string };

export function scopeToQuery(scope: Scope): ViewQuery['scope'] {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'status':
      return { status: scope.status };
    case 'profile':
      return { profileId: scope.id };
    case 'tag':
      return { tag: scope.name };
  }
}

export function sameScope(a: Scope, b: Scope): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
