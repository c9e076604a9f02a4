// Pure import logic: validating a ParseResult, matching its papers against the library (same-paper.ts: the title
// key, then dates within a year), and building the records a commit writes. No I/O here.
import { findNearest, findSamePaper, improvePaper, keptApartNotice, mergedNotice } from '../same-paper.js';
import { normalizeKey, titleKey } from '../text.js';
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
  /**
   * What the user must be told before and after the commit: each paper merged with another listing of a different
   * date (in the paste or in the library), each title kept as two papers, a doubtful name merged into a profile.
   */
  notices: string[];
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
  /** ImportPlan.notices of the committed plan. */
  notices: string[];
}

/** What the planner needs to see of the library. */
export interface CatalogView {
  paper(id: string): PaperRecord | undefined;
  /** Ids of the stored papers with this title key (several when the same title was kept for different years). */
  idsForKey(key: string): readonly string[];
  profile(id: string): ProfileRecord | undefined;
}

/** Title key -> ids, for CatalogView.idsForKey; a lone id is kept unboxed (almost every key has one paper). */
export type KeyIndex = Map<string, string | string[]>;

export function addToKeyIndex(index: KeyIndex, key: string, id: string): void {
  const held = index.get(key);
  if (held === undefined) index.set(key, id);
  else if (typeof held === 'string') {
    if (held !== id) index.set(key, [held, id]);
  } else if (!held.includes(id)) held.push(id);
}

export function idsInKeyIndex(index: KeyIndex, key: string): readonly string[] {
  const held = index.get(key);
  return held === undefined ? [] : typeof held === 'string' ? [held] : held;
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

/** titleKey of each paper's title (throws InvalidImportError for one with nothing visible). */
function validatedKeys(result: ParseResult): string[] {
  return result.papers.map((paper, index) => {
    const key = titleKey(paper.title);
    if (key === '') {
      throw new InvalidImportError(`Paper ${index + 1} has a title with nothing visible: ${JSON.stringify(paper.title)}.`);
    }
    return key;
  });
}

/** A paper of the plan, or a stored paper it may turn out to be: what same-paper matching compares. */
type Candidate = { entry: PlannedPaper; date: string } | { stored: PaperRecord; date: string };

export function planImportDetailed(input: ParseResult, view: CatalogView): DetailedPlan {
  const parsed = validateProfile(input);
  const keys = validatedKeys(parsed); // computed once: normalizeKey is ~8 us a title
  const profileId = profileIdForName(parsed.profile.name);
  const existing = view.profile(profileId);
  const entriesByKey = new Map<string, PlannedPaper[]>();
  const entries: PlannedPaper[] = [];
  const notices: string[] = [];
  const claimed = new Set<string>();
  for (const [index, paper] of parsed.papers.entries()) {
    const key = keys[index] as string;
    const planned = entriesByKey.get(key) ?? [];
    // The paste's own papers first (a stored paper one of them matched is that entry), then unclaimed stored ones.
    const candidates: Candidate[] = planned.map((entry) => ({ entry, date: representativeDate(entry, view) }));
    for (const id of view.idsForKey(key)) {
      const stored = view.paper(id);
      if (stored && !claimed.has(id)) candidates.push({ stored, date: stored.date });
    }
    const match = findSamePaper(candidates, paper.date, (c) => c.date);
    if (match && 'entry' in match) {
      match.entry.paper = improvePaper(match.entry.paper, paper) ?? match.entry.paper; // listed twice: keep the richer data
      notices.push(mergedNotice(match.entry.paper.title, match.date, paper.date));
      continue;
    }
    const apart = findNearest(candidates, paper.date, (c) => c.date);
    if (!match && apart) notices.push(keptApartNotice(paper.title, apart.date, paper.date));
    let id: string;
    if (match) {
      id = match.stored.id;
      if (match.date !== paper.date) notices.push(mergedNotice(match.stored.title, match.date, paper.date));
    } else {
      // 48-bit ids: a collision is astronomically rare at library sizes, but must never merge two papers. The same
      // title kept for another year also lands here (its key's id is taken) and gets the next free id.
      id = paperIdForKey(key);
      for (let n = 1; claimed.has(id) || view.paper(id) !== undefined; n++) id = paperIdForKey(`${key}\u0000${n}`);
    }
    claimed.add(id);
    const entry: PlannedPaper = { id, key, isNew: match === undefined, paper: copyParsed(paper) };
    planned.push(entry);
    entriesByKey.set(key, planned);
    entries.push(entry);
  }
  const metricsChanged = existing !== undefined && !sameMetrics(existing.metrics, parsed.profile.metrics);
  const doubtfulMerge = existing ? doubtfulMergeNotice(parsed, existing, entries) : null;
  if (doubtfulMerge !== null) notices.unshift(doubtfulMerge);
  return {
    parsed,
    entries,
    plan: {
      profileId,
      existingProfileId: existing ? existing.id : null,
      metricsChanged,
      papers: entries.map((e) => ({ id: e.id, isNew: e.isNew, paper: e.paper })),
      notices,
    },
  };
}

/** The date a planned paper is compared by: the stored paper's for one already in the library (it keeps its date). */
function representativeDate(entry: PlannedPaper, view: CatalogView): string {
  return entry.isNew ? entry.paper.date : (view.paper(entry.id)?.date ?? entry.paper.date);
}

/**
 * A name the parser doubts, about to merge this page into a profile whose papers are mostly not this page's: the
 * two may be different researchers (e.g. site navigation taken for the name on both pages). Re-importing the same
 * researcher shares most papers and says nothing.
 */
function doubtfulMergeNotice(parsed: ParseResult, existing: ProfileRecord, entries: readonly PlannedPaper[]): string | null {
  const doubt = parsed.profile.nameDoubt;
  if (doubt === undefined) return null;
  const listed = new Set(existing.paperIds);
  const shared = entries.filter((e) => listed.has(e.id)).length;
  if (entries.length > 0 && shared * 2 >= entries.length) return null;
  return (
    `This page will be merged into the profile "${existing.name}" already in the library (${existing.paperIds.length} ` +
    `papers, ${shared} of them on this page), and its metrics replaced. ${doubt} Correct the name if this is someone else.`
  );
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
