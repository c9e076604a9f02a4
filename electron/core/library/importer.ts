// Pure import logic: validating a SourceResult, matching its papers within the import and against the library
// (same-paper.ts: DOI, arXiv id, title), choosing each field's richest value (richest-fields.ts), and building the
// records and the profile a commit writes. No I/O here.
import type { PaperRecord, ProfileMetrics, ProfileRecord, StoredImportOptions } from '../model.js';
import type { SourceId, SourceMetrics, SourcePaper, SourceResult } from '../parse/sources/types.js';
import { fieldSourcesOf, mergeRichest } from '../richest-fields.js';
import {
  datesDiffer,
  findKeptApart,
  findSamePaper,
  identityOf,
  keptApartNotice,
  mergedNotice,
  type MatchReason,
  type PaperIdentity,
  type SeenPaper,
} from '../same-paper.js';
import { normalizeKey, titleKey } from '../text.js';
import { InvalidImportError } from './errors.js';
import { isSourceResult } from './fast-check.js';
import { IdentityIndex } from './identity-index.js';
import { paperIdForKey, profileIdForName } from './ids.js';
import { describeIssues, sourceResultSchema } from './schema.js';

/** Which stored paper an incoming one is, and why (the preview shows it). */
export interface PaperMatch {
  id: string;
  /** The stored paper's title as shown now. */
  title: string;
  reason: MatchReason;
}

export interface PlannedPaper {
  id: string;
  isNew: boolean;
  /** The paper as the source gave it (with the richest fields of its repeats in this import). */
  paper: SourcePaper;
  /** The stored paper it is, and why; null for a paper new to the library. */
  match: PaperMatch | null;
}

export interface ImportPlan {
  source: SourceId;
  /** The profile the import updates or creates; null for a text without a person (a BibTeX file, an arXiv listing). */
  profileId: string | null;
  /** Set when the profile is already in the library (the import updates it). */
  existingProfileId: string | null;
  /** True when the profile exists and this source now shows metrics that differ from its last ones (or none before). */
  metricsChanged: boolean;
  /** The metrics this source showed for the existing profile last time (what the preview compares against); else null. */
  previousMetrics: SourceMetrics | null;
  /** The import's papers in its order, one entry per distinct paper (a paper listed twice is linked once). */
  papers: PlannedPaper[];
  /**
   * What the user must be told before and after the commit: each paper merged with another listing of a different
   * date (in the import or in the library), each title kept as two papers, a doubtful name merged into a profile.
   */
  notices: string[];
}

export interface ImportOutcome {
  source: SourceId;
  profileId: string | null;
  /** Papers that were not in the library before. */
  addedIds: string[];
  /** Papers of this import that were already in the library (from this or another source or profile). */
  presentIds: string[];
  /** Something already in the library changed: the profile's metrics or papers, or a stored paper's fields. */
  updated: boolean;
  metricsChanged: boolean;
  importId: string;
  /** ImportPlan.notices of the committed plan. */
  notices: string[];
}

/** What the planner needs to see of the library. */
export interface CatalogView {
  paper(id: string): PaperRecord | undefined;
  /** Ids of stored papers that may be the same as `identity` (see IdentityIndex); each is checked by the planner. */
  candidateIds(identity: PaperIdentity): Iterable<string>;
  profile(id: string): ProfileRecord | undefined;
}

/** A planned paper with what the commit writes for it. */
interface Entry extends PlannedPaper {
  /** The record as this import leaves it: the stored one with the richest fields of every listing, or a new one. */
  record: PaperRecord;
  identity: PaperIdentity;
  /** The stored record changes (a richer field, or a source it did not have yet). */
  changed: boolean;
}

export interface DetailedPlan {
  result: SourceResult;
  plan: ImportPlan;
  entries: readonly Entry[];
}

const METRIC_KEYS = ['hIndex', 'papers', 'citations', 'novelty', 'aiScore'] as const;

/** The five metrics every profile has, of a source's metrics (a profile's `metrics`). */
export function headlineMetrics(metrics: SourceMetrics): ProfileMetrics {
  return { hIndex: metrics.hIndex, papers: metrics.papers, citations: metrics.citations, novelty: metrics.novelty, aiScore: metrics.aiScore };
}

/** Equal values for every metric either side has (a source's own figures included). */
export function sameMetrics(a: SourceMetrics, b: SourceMetrics): boolean {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b), ...METRIC_KEYS])) if ((a[key] ?? null) !== (b[key] ?? null)) return false;
  return true;
}

export function showsMetrics(metrics: SourceMetrics): boolean {
  return Object.values(metrics).some((value) => value !== null);
}

/** Shape and profile-name checks (zod words the problem for anything the fast check refuses). */
function validateResult(input: unknown): SourceResult {
  let result: SourceResult;
  if (isSourceResult(input)) {
    result = input; // fast path (zod copies and costs ~10-20 ms per 1,000 papers); papers are copied where kept
  } else {
    const checked = sourceResultSchema.safeParse(input);
    if (!checked.success) throw new InvalidImportError(`Not a valid parse result: ${describeIssues(checked.error)}`);
    result = checked.data;
  }
  if (result.profile !== null && normalizeKey(result.profile.name) === '') {
    throw new InvalidImportError(`The profile name ${JSON.stringify(result.profile.name)} has no letters or digits.`);
  }
  return result;
}

/** titleKey of each paper's title (throws InvalidImportError for one with nothing visible). */
function validatedKeys(result: SourceResult): string[] {
  return result.papers.map((paper, index) => {
    const key = titleKey(paper.title);
    if (key === '') {
      throw new InvalidImportError(`Paper ${index + 1} has a title with nothing visible: ${JSON.stringify(paper.title)}.`);
    }
    return key;
  });
}

/** A copy of the listing whose date and year agree: a year alone is its date ("2024"), a date gives the year. */
function listingOf(paper: SourcePaper): SourcePaper {
  const date = paper.date ?? (paper.year === null ? null : String(paper.year));
  return { ...paper, authors: [...paper.authors], orgs: [...paper.orgs], date, year: date === null ? null : Number(date.slice(0, 4)) };
}

/** The stored record of a paper first read from `source`. */
function newRecord(listing: SourcePaper, id: string, key: string, identity: PaperIdentity, source: SourceId): PaperRecord {
  return {
    id,
    key,
    addedAt: '',
    title: listing.title,
    ...(identity.titleCut ? { titleCut: true as const } : {}),
    authors: [...listing.authors],
    authorsTruncated: listing.authorsTruncated,
    date: listing.date ?? '',
    year: listing.year,
    category: listing.category,
    orgs: [...listing.orgs],
    abstract: listing.abstract ?? '',
    venue: listing.venue,
    doi: listing.doi,
    arxivId: listing.arxivId,
    url: listing.url,
    sources: [source],
    fieldSources: fieldSourcesOf(listing, source),
  };
}

/**
 * The record a paper read from `source` is stored as when it is new to the library (tests and restores build stored
 * papers with it too).
 */
export function recordFromSource(paper: SourcePaper, id: string, source: SourceId, addedAt = ''): PaperRecord {
  const listing = listingOf(paper);
  const identity = identityOf(listing);
  return { ...newRecord(listing, id, identity.key, identity, source), addedAt };
}

/** `record` with the richer fields of `listing` and `source` among its sources; the same object when nothing changes. */
function mergeIntoRecord(record: PaperRecord, listing: SourcePaper, source: SourceId): PaperRecord {
  const merged = mergeRichest(record, record.fieldSources, record.sources[0] ?? source, listing, source);
  const hasSource = record.sources.includes(source);
  if (merged === null && hasSource) return record;
  const next: PaperRecord = merged === null ? { ...record } : { ...merged.paper, fieldSources: merged.fieldSources };
  if (!hasSource) next.sources = [...record.sources, source];
  // The key follows the title shown (a cut title replaced by the full one), so the next import matches it too.
  if (merged?.changed.includes('title')) next.key = titleKey(next.title);
  return next;
}

/** A paper a listing may be: one of this import's own, or a stored one no earlier listing took. */
type Candidate = { entry: Entry } | { stored: PaperRecord };

function describeCandidate(candidate: Candidate): SeenPaper {
  if ('entry' in candidate) return { identity: candidate.entry.identity, date: candidate.entry.record.date, authors: candidate.entry.record.authors };
  const { stored } = candidate;
  return { identity: identityOf(stored, stored.key), date: stored.date, authors: stored.authors };
}

export function planImportDetailed(input: SourceResult, view: CatalogView): DetailedPlan {
  const result = validateResult(input);
  const { source } = result;
  const keys = validatedKeys(result); // computed once: normalizeKey is ~8 us a title
  const profileId = result.profile === null ? null : profileIdForName(result.profile.name);
  const existing = profileId === null ? undefined : view.profile(profileId);
  const entries: Entry[] = [];
  const entryById = new Map<string, Entry>();
  const own = new IdentityIndex();
  const notices: string[] = [];
  /** Ids this import took: stored papers already matched by one of its papers, and its new papers' ids. */
  const claimed = new Set<string>();
  for (const [index, paper] of result.papers.entries()) {
    const listing = listingOf(paper);
    const date = listing.date ?? '';
    const identity = identityOf(listing, keys[index] as string);
    // This import's own papers (a stored paper one of them matched is that entry) and the stored papers not yet
    // matched, together: the strongest match wins, wherever it is.
    const candidates: Candidate[] = [];
    for (const id of own.candidates(identity)) candidates.push({ entry: entryById.get(id) as Entry });
    for (const id of view.candidateIds(identity)) {
      const stored = claimed.has(id) ? undefined : view.paper(id);
      if (stored) candidates.push({ stored });
    }
    const found = findSamePaper(identity, date, listing.authors, candidates, describeCandidate);
    if (found && 'entry' in found.candidate) {
      // Listed twice in this import: one paper, the richer data.
      const entry = found.candidate.entry;
      const shownDate = entry.record.date;
      entry.paper = mergeRichest(entry.paper, {}, source, listing, source)?.paper ?? entry.paper;
      entry.record = mergeIntoRecord(entry.record, listing, source);
      entry.changed = !entry.isNew && entry.record !== view.paper(entry.id);
      entry.identity = identityOf(entry.record, entry.record.key);
      own.add(entry.id, entry.identity);
      notices.push(mergedNotice(entry.paper.title, shownDate, date, found.reason));
      continue;
    }
    if (!found) {
      const apart = findKeptApart(identity, date, candidates, describeCandidate);
      if (apart !== undefined) notices.push(keptApartNotice(listing.title, describeCandidate(apart).date, date));
    }
    const stored = found && 'stored' in found.candidate ? found.candidate.stored : undefined;
    if (stored && found?.reason.startsWith('same title') && datesDiffer(stored.date, date)) {
      notices.push(mergedNotice(stored.title, stored.date, date, found.reason));
    }
    const id = stored?.id ?? freshId(identity.key, claimed, view);
    claimed.add(id);
    const record = stored ? mergeIntoRecord(stored, listing, source) : newRecord(listing, id, identity.key, identity, source);
    const entry: Entry = {
      id,
      isNew: stored === undefined,
      paper: listing,
      match: stored && found ? { id: stored.id, title: stored.title, reason: found.reason } : null,
      record,
      identity: identityOf(record, record.key),
      changed: stored !== undefined && record !== stored,
    };
    entries.push(entry);
    entryById.set(id, entry);
    own.add(id, entry.identity);
  }
  const metrics = result.profile?.metrics ?? null;
  const metricsChanged =
    existing !== undefined && metrics !== null && showsMetrics(metrics) && !sameAsLast(existing, source, metrics);
  const doubtfulMerge = existing ? doubtfulMergeNotice(result, existing, entries) : null;
  if (doubtfulMerge !== null) notices.unshift(doubtfulMerge);
  return {
    result,
    entries,
    plan: {
      source,
      profileId,
      existingProfileId: existing ? existing.id : null,
      metricsChanged,
      previousMetrics: existing?.metricsBySource[source] ?? null,
      papers: entries.map(({ id, isNew, paper, match }) => ({ id, isNew, paper, match })),
      notices,
    },
  };
}

/**
 * A new paper's id: 48 bits of its title key. A collision is astronomically rare at library sizes, but must never
 * merge two papers; the same title kept for another year also lands here (its key's id is taken): the next free id.
 */
export function freshId(key: string, claimed: ReadonlySet<string>, view: Pick<CatalogView, 'paper'>): string {
  let id = paperIdForKey(key);
  for (let n = 1; claimed.has(id) || view.paper(id) !== undefined; n++) id = paperIdForKey(`${key}\u0000${n}`);
  return id;
}

/** Whether `source` last showed exactly these metrics for the profile. */
function sameAsLast(profile: ProfileRecord, source: SourceId, metrics: SourceMetrics): boolean {
  const last = profile.metricsBySource[source];
  return last !== undefined && sameMetrics(last, metrics);
}

/**
 * A name the parser doubts, about to merge this page into a profile whose papers are mostly not this page's: the
 * two may be different researchers (e.g. site navigation taken for the name on both pages). Re-importing the same
 * researcher shares most papers and says nothing.
 */
function doubtfulMergeNotice(result: SourceResult, existing: ProfileRecord, entries: readonly Entry[]): string | null {
  const doubt = result.profile?.nameDoubt;
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
  /** Papers new to the library, in the import's order. */
  added: PaperRecord[];
  /** Stored papers this import changes (richer fields, or a new source). */
  improved: PaperRecord[];
  /** The profile as this import leaves it; null for an import without a person. */
  profile: ProfileRecord | null;
  /** Papers linked to the profile by this import that it did not list before. */
  newlyLinked: number;
}

export function buildImport(detail: DetailedPlan, view: CatalogView, at: string): BuiltImport {
  const { result, plan, entries } = detail;
  const added: PaperRecord[] = [];
  const improved: PaperRecord[] = [];
  for (const entry of entries) {
    if (entry.isNew) added.push({ ...entry.record, addedAt: at });
    else if (entry.changed) improved.push(entry.record);
  }
  if (result.profile === null || plan.profileId === null) return { added, improved, profile: null, newlyLinked: 0 };
  const parsed = result.profile;
  const source = result.source;
  const existing = view.profile(plan.profileId);
  const ids = entries.map((e) => e.id);
  const metrics: SourceMetrics = { ...parsed.metrics };
  const hasMetrics = showsMetrics(metrics);
  const snapshot = { at, source, metrics };
  if (!existing) {
    return {
      added,
      improved,
      newlyLinked: ids.length,
      profile: {
        id: plan.profileId,
        name: parsed.name.trim(),
        category: parsed.category,
        affiliation: parsed.affiliation,
        metrics: headlineMetrics(metrics),
        metricsBySource: hasMetrics ? { [source]: metrics } : {},
        sources: [source],
        history: hasMetrics ? [snapshot] : [],
        paperIds: ids,
        firstImportedAt: at,
        lastImportedAt: at,
      },
    };
  }
  const before = new Set(existing.paperIds);
  const listed = new Set(ids);
  return {
    added,
    improved,
    newlyLinked: ids.filter((id) => !before.has(id)).length,
    profile: {
      id: existing.id,
      name: parsed.name.trim(),
      // A page that no longer shows the category or affiliation (or a source that never does) does not erase it.
      category: parsed.category ?? existing.category,
      affiliation: parsed.affiliation ?? existing.affiliation,
      metrics: hasMetrics ? headlineMetrics(metrics) : existing.metrics,
      metricsBySource: hasMetrics ? { ...existing.metricsBySource, [source]: metrics } : existing.metricsBySource,
      sources: existing.sources.includes(source) ? existing.sources : [...existing.sources, source],
      history: plan.metricsChanged ? [...existing.history, snapshot] : existing.history,
      paperIds: [...ids, ...existing.paperIds.filter((id) => !listed.has(id))],
      firstImportedAt: existing.firstImportedAt,
      lastImportedAt: at,
    },
  };
}

/** The options an import record keeps (see StoredImportOptions): only those given. */
export function storedOptions(options: StoredImportOptions): StoredImportOptions {
  const kept: StoredImportOptions = {};
  if (options.profileName !== undefined) kept.profileName = options.profileName;
  if (options.source !== undefined) kept.source = options.source;
  if (options.fileName !== undefined) kept.fileName = options.fileName;
  return kept;
}
