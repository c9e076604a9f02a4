// Pure import logic: validating a ParseResult, matching its papers against the library (dedup by
// normalizeKey(title)), and building the records a commit writes. No I/O here.
import { normalizeKey } from '../text.js';
import type { ParseResult, ParsedPaper, PaperRecord, ProfileMetrics, ProfileRecord } from '../model.js';
import { InvalidImportError } from './errors.js';
import { isParseResult } from './fast-check.js';
import { paperIdForKey, profileIdForName } from './ids.js';
import { describeIssues, parseResultSchema } from './schema.js';

export interface ImportPlan {
  profileId: string;
  /** Set when the profile is already in the library (the import updates it). */
  existingProfileId: string | null;
  /** True when the profile exists and at least one metric differs from its latest snapshot. */
  metricsChanged: boolean;
  /** The paste's papers in page order, one entry per distinct paper (a title repeated in the paste is linked once). */
  papers: Array<{ id: string; isNew: boolean; paper: ParsedPaper }>;
}

export interface ImportOutcome {
  profileId: string;
  /** Papers that were not in the library before. */
  addedIds: string[];
  /** Papers of this paste that were already in the library (from this or another profile). */
  presentIds: string[];
  /** The profile already existed and got new metrics, newly linked papers, or better data for its papers. */
  updated: boolean;
  metricsChanged: boolean;
  importId: string;
}

/** What the planner needs to see of the library. */
export interface CatalogView {
  paper(id: string): PaperRecord | undefined;
  idForKey(key: string): string | undefined;
  profile(id: string): ProfileRecord | undefined;
}

export interface PlannedPaper {
  id: string;
  key: string;
  isNew: boolean;
  paper: ParsedPaper;
}

export interface DetailedPlan {
  parsed: ParseResult;
  plan: ImportPlan;
  entries: PlannedPaper[];
}

export function sameMetrics(a: ProfileMetrics, b: ProfileMetrics): boolean {
  return (
    a.hIndex === b.hIndex && a.papers === b.papers && a.citations === b.citations && a.novelty === b.novelty && a.aiScore === b.aiScore
  );
}

function copyParsed(p: ParsedPaper): ParsedPaper {
  return {
    category: p.category,
    date: p.date,
    title: p.title,
    authors: [...p.authors],
    authorsTruncated: p.authorsTruncated,
    orgs: [...p.orgs],
    abstract: p.abstract,
  };
}

/**
 * The fields of `incoming` that are better than what `base` has: an abstract where there was none, a complete
 * or longer author list, organisations or a category where there were none. Title, date, id, key and addedAt
 * are never changed. Returns null when nothing improves.
 */
export function improvePaper<T extends ParsedPaper>(base: T, incoming: ParsedPaper): T | null {
  let next: T | null = null;
  const edit = (): T => (next ??= { ...base });
  if (base.abstract.trim() === '' && incoming.abstract.trim() !== '') edit().abstract = incoming.abstract;
  const completes = base.authorsTruncated && !incoming.authorsTruncated && incoming.authors.length >= base.authors.length;
  if (completes || incoming.authors.length > base.authors.length) {
    edit().authors = [...incoming.authors];
    edit().authorsTruncated = incoming.authorsTruncated;
  }
  if (base.orgs.length === 0 && incoming.orgs.length > 0) edit().orgs = [...incoming.orgs];
  if (base.category === null && incoming.category !== null) edit().category = incoming.category;
  return next;
}

export function validateParseResult(parsed: unknown): ParseResult {
  const result = validateProfile(parsed);
  validatedKeys(result);
  return result;
}

/** Shape and profile-name checks of validateParseResult, without the per-paper key check. */
function validateProfile(parsed: unknown): ParseResult {
  let result: ParseResult;
  if (isParseResult(parsed)) {
    result = parsed; // fast path (zod copies and costs ~10-20 ms per 1,000 papers); callers copy what they keep
  } else {
    const checked = parseResultSchema.safeParse(parsed);
    if (!checked.success) throw new InvalidImportError(`Not a valid parse result: ${describeIssues(checked.error)}`);
    result = checked.data;
  }
  if (normalizeKey(result.profile.name) === '') {
    throw new InvalidImportError(`The profile name ${JSON.stringify(result.profile.name)} has no letters or digits.`);
  }
  return result;
}

/** normalizeKey of each paper's title (throws InvalidImportError for one without letters or digits). */
function validatedKeys(result: ParseResult): string[] {
  return result.papers.map((paper, index) => {
    const key = normalizeKey(paper.title);
    if (key === '') {
      throw new InvalidImportError(`Paper ${index + 1} has a title with no letters or digits: ${JSON.stringify(paper.title)}.`);
    }
    return key;
  });
}

export function planImportDetailed(input: ParseResult, view: CatalogView): DetailedPlan {
  const parsed = validateProfile(input);
  const keys = validatedKeys(parsed); // computed once: normalizeKey is ~8 us a title
  const profileId = profileIdForName(parsed.profile.name);
  const existing = view.profile(profileId);
  const byKey = new Map<string, PlannedPaper>();
  const entries: PlannedPaper[] = [];
  const claimed = new Set<string>();
  for (const [index, paper] of parsed.papers.entries()) {
    const key = keys[index] as string;
    const seen = byKey.get(key);
    if (seen) {
      seen.paper = improvePaper(seen.paper, paper) ?? seen.paper; // same paper listed twice: keep the richer data
      continue;
    }
    let id = view.idForKey(key);
    const isNew = id === undefined;
    if (id === undefined) {
      // 48-bit ids: a collision is astronomically rare at library sizes, but must never merge two papers.
      id = paperIdForKey(key);
      for (let n = 1; claimed.has(id) || (view.paper(id) !== undefined && view.paper(id)?.key !== key); n++) {
        id = paperIdForKey(`${key}\u0000${n}`);
      }
    }
    claimed.add(id);
    const entry: PlannedPaper = { id, key, isNew, paper: copyParsed(paper) };
    byKey.set(key, entry);
    entries.push(entry);
  }
  const metricsChanged = existing !== undefined && !sameMetrics(existing.metrics, parsed.profile.metrics);
  return {
    parsed,
    entries,
    plan: {
      profileId,
      existingProfileId: existing ? existing.id : null,
      metricsChanged,
      papers: entries.map((e) => ({ id: e.id, isNew: e.isNew, paper: e.paper })),
    },
  };
}

export interface BuiltImport {
  /** Papers new to the library, in page order. */
  added: PaperRecord[];
  /** Existing papers whose record this paste improves. */
  improved: PaperRecord[];
  profile: ProfileRecord;
  /** Papers linked to the profile by this import that it did not list before. */
  newlyLinked: number;
}

export function buildImport(detail: DetailedPlan, view: CatalogView, at: string): BuiltImport {
  const { parsed, plan, entries } = detail;
  const added: PaperRecord[] = [];
  const improved: PaperRecord[] = [];
  for (const entry of entries) {
    if (entry.isNew) {
      added.push({ ...entry.paper, id: entry.id, key: entry.key, addedAt: at });
      continue;
    }
    const current = view.paper(entry.id);
    const better = current ? improvePaper(current, entry.paper) : null;
    if (better) improved.push(better);
  }
  const existing = view.profile(plan.profileId);
  const ids = entries.map((e) => e.id);
  const listed = new Set(ids);
  const metrics = { ...parsed.profile.metrics };
  let profile: ProfileRecord;
  let newlyLinked: number;
  if (existing) {
    const before = new Set(existing.paperIds);
    newlyLinked = ids.filter((id) => !before.has(id)).length;
    profile = {
      id: existing.id,
      name: parsed.profile.name.trim(),
      // A page that no longer shows the category does not erase the one we know.
      category: parsed.profile.category ?? existing.category,
      metrics: plan.metricsChanged ? metrics : existing.metrics,
      history: plan.metricsChanged ? [...existing.history, { at, metrics }] : existing.history,
      paperIds: [...ids, ...existing.paperIds.filter((id) => !listed.has(id))],
      firstImportedAt: existing.firstImportedAt,
      lastImportedAt: at,
    };
  } else {
    newlyLinked = ids.length;
    profile = {
      id: plan.profileId,
      name: parsed.profile.name.trim(),
      category: parsed.profile.category,
      metrics,
      history: [{ at, metrics }],
      paperIds: ids,
      firstImportedAt: at,
      lastImportedAt: at,
    };
  }
  return { added, improved, profile, newlyLinked };
}
