// Precomputed id sets for the filters, so that a filter-only query never scans every paper's fields: each
// value (tag, status, year, category, profile id, author word) maps to the set of internal document numbers
// that have it. Document numbers grow with insertion, so "sorted by number" is insertion order. Papers in the
// Trash are one more set: a view either asks for them (scope.trash) or never sees them.
import type { ReadingStatus } from '../model.js';
import type { QueryFilter } from './query-parser.js';
import { normalizeTag } from './query-parser.js';
import { foldText, tokenizeTerms } from './tokenize.js';

/** What the filter index needs to know about a document. */
export interface FilterFacts {
  tags: string[];
  status: ReadingStatus;
  /** The publication year (year: filters); null when unknown. */
  year: number | null;
  category: string | null;
  profileIds: string[];
  profileNames: string[];
  authors: string[];
  /** In the Trash (absent: not). */
  trashed?: boolean;
}

/** The sidebar's scope (api.ts ViewScope): a status, a profile, a tag with the tags under it, or the Trash. */
export interface FilterScope {
  status?: ReadingStatus;
  profileId?: string;
  tag?: string;
  /** Only papers in the Trash; without it, papers in the Trash never match. */
  trash?: boolean;
}

/** Everything a query asks of the filter index; all of it must hold (AND). */
export interface FilterQuery {
  filters: readonly QueryFilter[];
  /** Groups of filters (objects from `filters`) joined by OR. */
  alternatives: readonly (readonly QueryFilter[])[];
  /** The view's scope and those of the saved searches it names. The Trash is searched when any asks for it. */
  scopes: readonly FilterScope[];
}

/** A constraint a document must meet: membership in ANY of `sets` (OR), or, when negated, in none of them. */
interface Constraint {
  sets: ReadonlySet<number>[];
  size: number;
}

const EMPTY: ReadonlySet<number> = new Set();

function addTo<K>(map: Map<K, Set<number>>, key: K, num: number): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(num);
}

function removeFrom<K>(map: Map<K, Set<number>>, key: K, num: number): void {
  const set = map.get(key);
  if (set === undefined) return;
  set.delete(num);
  if (set.size === 0) map.delete(key);
}

/**
 * Where `needle` occurs in `hay` as whole words, except that the last needle word may be a prefix of a hay
 * word ("huss" in "leonard hussenot", "van der b" in "anna van der berg"). Returns the index of the first
 * matching hay word, or -1. Both are folded term lists.
 */
export function wordSequenceAt(hay: readonly string[], needle: readonly string[]): number {
  const last = needle.length - 1;
  outer: for (let j = 0; j + last < hay.length; j++) {
    for (let k = 0; k <= last; k++) {
      const word = hay[j + k] ?? '';
      const want = needle[k] ?? '';
      if (k === last ? !word.startsWith(want) : word !== want) continue outer;
    }
    return j;
  }
  return -1;
}

/**
 * Docs with an author word equal to `word` (or starting with it when `prefix`). The text index already
 * holds every author word with its field, so the filter index keeps no per-word sets of its own (at 100k
 * papers those were ~300k Sets: a third of the build time).
 */
export type AuthorWordDocs = (word: string, prefix: boolean) => number[];

/** Members (mask = 1) among the first `length` entries of `list`, ascending. */
function sortedMembers(list: Int32Array, mask: Uint8Array, length: number): Int32Array {
  const out = new Int32Array(length);
  let w = 0;
  for (let k = 0; k < length; k++) {
    const n = list[k] as number;
    if (mask[n] === 1) out[w++] = n;
  }
  return out.subarray(0, w).sort();
}

export class FilterIndex {
  constructor(private readonly authorWordDocs: AuthorWordDocs) {}

  /** Normalized tag → docs. Hundreds of tags, so a tag with the tags under it scans the keys. */
  private readonly byTag = new Map<string, Set<number>>();
  private readonly trashed = new Set<number>();
  private readonly byStatus = new Map<ReadingStatus, Set<number>>();
  private readonly byYear = new Map<number, Set<number>>();
  /** Folded category ("cs.lg") → docs. Few distinct values, so cat: scans the keys. */
  private readonly byCategory = new Map<string, Set<number>>();
  private readonly byProfileId = new Map<string, Set<number>>();
  /** Folded profile-name words joined by spaces → docs. Few profiles, so profile: scans the keys. */
  private readonly byProfileName = new Map<string, Set<number>>();
  /** Author names per doc (the document's own array), for the exact check of a multi-word author:. */
  private readonly authorsByNum: Array<readonly string[] | undefined> = [];
  /** Names recur across papers; tokenize each once. Bounded so a huge import cannot grow it forever. */
  private readonly nameCache = new Map<string, string[]>();

  private nameTerms(name: string): string[] {
    let terms = this.nameCache.get(name);
    if (terms === undefined) {
      if (this.nameCache.size > 100_000) this.nameCache.clear();
      terms = tokenizeTerms(name);
      this.nameCache.set(name, terms);
    }
    return terms;
  }

  add(num: number, facts: FilterFacts): void {
    for (const tag of new Set(facts.tags.map(normalizeTag))) addTo(this.byTag, tag, num);
    addTo(this.byStatus, facts.status, num);
    if (facts.year !== null) addTo(this.byYear, facts.year, num);
    if (facts.category !== null) addTo(this.byCategory, foldText(facts.category), num);
    for (const id of facts.profileIds) addTo(this.byProfileId, id, num);
    for (const name of facts.profileNames) addTo(this.byProfileName, this.nameTerms(name).join(' '), num);
    this.authorsByNum[num] = facts.authors;
    if (facts.trashed === true) this.trashed.add(num);
  }

  remove(num: number, facts: FilterFacts): void {
    for (const tag of facts.tags) removeFrom(this.byTag, normalizeTag(tag), num);
    removeFrom(this.byStatus, facts.status, num);
    if (facts.year !== null) removeFrom(this.byYear, facts.year, num);
    if (facts.category !== null) removeFrom(this.byCategory, foldText(facts.category), num);
    for (const id of facts.profileIds) removeFrom(this.byProfileId, id, num);
    for (const name of facts.profileNames) removeFrom(this.byProfileName, this.nameTerms(name).join(' '), num);
    this.authorsByNum[num] = undefined;
    this.trashed.delete(num);
  }

  /**
   * Marks a document in or out of the Trash alone. After a restore the other filters are filled lazily, but
   * every query hides trashed papers, so this set must always be complete (engine.ts filtersFrom).
   */
  setTrashed(num: number, trashed: boolean): void {
    if (trashed) this.trashed.add(num);
    else this.trashed.delete(num);
  }

  /** Whether any document has this tag or a tag under it (`ml` for `ml/rl`). */
  hasTag(value: string): boolean {
    return this.tagSets(normalizeTag(value)).length > 0;
  }

  /**
   * The documents passing every filter and the scope, as a membership mask over document numbers
   * (1 = passes) with its count, or null when nothing constrains (the caller then takes all documents).
   */
  evaluate(query: FilterQuery, maxNum: number, isLive: (n: number) => boolean): { mask: Uint8Array; count: number; list: Int32Array } | null {
    const required: Constraint[] = [];
    const excluded: Constraint[] = [];
    const orGroups = new Map<string, ReadonlySet<number>[]>();
    const push = (negated: boolean, sets: ReadonlySet<number>[]): void => {
      const c = { sets, size: sets.reduce((s, x) => s + x.size, 0) };
      (negated ? excluded : required).push(c);
    };

    for (const scope of query.scopes) {
      if (scope.status !== undefined) push(false, [this.byStatus.get(scope.status) ?? EMPTY]);
      if (scope.profileId !== undefined) push(false, [this.byProfileId.get(scope.profileId) ?? EMPTY]);
      if (scope.tag !== undefined) push(false, this.tagSets(normalizeTag(scope.tag)));
    }
    if (query.scopes.some((scope) => scope.trash === true)) push(false, [this.trashed]);
    else if (this.trashed.size > 0) push(true, [this.trashed]);

    const grouped = new Set(query.alternatives.flat());
    for (const group of query.alternatives) push(false, group.flatMap((f) => this.setsOf(f)));
    for (const f of query.filters) {
      if (grouped.has(f)) continue;
      if (f.negated || f.kind === 'tag' || f.kind === 'author' || f.kind === 'profile') push(f.negated, this.setsOf(f));
      else {
        // One value per paper (status, year, category), so several of one kind OR together.
        orGroups.set(f.kind, [...(orGroups.get(f.kind) ?? []), ...this.setsOf(f)]);
      }
    }
    for (const sets of orGroups.values()) push(false, sets);

    if (required.length === 0 && excluded.length === 0) return null;
    // The smallest required constraint seeds a member list; each other constraint filters the list (cost:
    // the members, never a scan of every document number); excluded ones unmark their sets.
    const mask = new Uint8Array(maxNum);
    required.sort((a, b) => a.size - b.size);
    const smallest = required[0];
    let list: Int32Array;
    let count = 0;
    if (smallest === undefined) {
      list = new Int32Array(maxNum);
      for (let n = 0; n < maxNum; n++) if (isLive(n)) list[count++] = n;
    } else {
      list = new Int32Array(smallest.size);
      for (const set of smallest.sets) {
        for (const n of set) {
          if (n < maxNum && mask[n] === 0) {
            mask[n] = 1;
            list[count++] = n;
          }
        }
      }
      mask.fill(0);
    }
    for (let r = 1; r < required.length && count > 0; r++) {
      const sets = (required[r] as Constraint).sets;
      let w = 0;
      for (let k = 0; k < count; k++) {
        const n = list[k] as number;
        let member = false;
        for (let q = 0; q < sets.length && !member; q++) member = (sets[q] as ReadonlySet<number>).has(n);
        if (member) list[w++] = n;
      }
      count = w;
    }
    const kept = count;
    for (let k = 0; k < kept; k++) mask[list[k] as number] = 1;
    for (const c of excluded) {
      for (const set of c.sets) {
        for (const n of set) {
          if (n < maxNum && mask[n] === 1) {
            mask[n] = 0;
            count--;
          }
        }
      }
    }
    return { mask, count, list: sortedMembers(list, mask, kept) };
  }

  /** The documents the positive form of `f` matches, as sets to be united. */
  private setsOf(f: QueryFilter): ReadonlySet<number>[] {
    switch (f.kind) {
      case 'tag':
        return this.tagSets(f.value);
      case 'author':
        return [this.authorSet(f.value)];
      case 'profile':
        return this.profileSets(f.value);
      case 'status':
        return [this.byStatus.get(f.value) ?? EMPTY];
      case 'year':
        return this.yearSets(f.from, f.to);
      case 'cat':
        return this.categorySets(f.value);
    }
  }

  /** `ml` matches `ml` and every tag under it (`ml/rl`, `ml/rl/offline`); the value is normalized. */
  private tagSets(value: string): ReadonlySet<number>[] {
    const sets: ReadonlySet<number>[] = [];
    const exact = this.byTag.get(value);
    if (exact !== undefined) sets.push(exact);
    const under = `${value}/`;
    for (const [tag, set] of this.byTag) if (tag.startsWith(under)) sets.push(set);
    return sets;
  }

  private yearSets(from: number | null, to: number | null): ReadonlySet<number>[] {
    const sets: ReadonlySet<number>[] = [];
    for (const [year, set] of this.byYear) {
      if ((from === null || year >= from) && (to === null || year <= to)) sets.push(set);
    }
    return sets;
  }

  /** `lg` matches `lg` and `<anything>.lg`; a value with a dot must match exactly. */
  private categorySets(value: string): ReadonlySet<number>[] {
    const sets: ReadonlySet<number>[] = [];
    for (const [cat, set] of this.byCategory) {
      if (cat === value || (!value.includes('.') && cat.endsWith(`.${value}`))) sets.push(set);
    }
    return sets;
  }

  private profileSets(value: string): ReadonlySet<number>[] {
    const needle = tokenizeTerms(value).join(' ');
    const sets: ReadonlySet<number>[] = [];
    for (const [name, set] of this.byProfileName) if (name.includes(needle)) sets.push(set);
    return sets;
  }

  private authorSet(value: string): ReadonlySet<number> {
    const needle = tokenizeTerms(value);
    const first = needle[0];
    if (first === undefined) return EMPTY;
    // Candidates: docs with an author word equal to the first needle word (or starting with it when the
    // needle is one word); a longer needle is then checked against the whole names.
    const candidates = this.authorWordDocs(first, needle.length === 1);
    if (needle.length === 1) return new Set(candidates);
    const out = new Set<number>();
    for (const n of candidates) {
      const names = this.authorsByNum[n] ?? [];
      if (names.some((name) => wordSequenceAt(this.nameTerms(name), needle) !== -1)) out.add(n);
    }
    return out;
  }
}
