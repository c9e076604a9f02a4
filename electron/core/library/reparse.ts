// Re-reading stored imports with an improved parser (pure planning; Library.commitReparse writes the result). Each
// stale import's text, read again by its source's current parser with the options it was imported with, is matched
// against the library like an import; what changes is only what came from that source: papers the old parse missed
// are added, fields whose value came from that source and now read differently are corrected (to "none" too: an old
// parser's invented value goes), other fields take a value only where it is richer (richest-fields.ts), and the
// metrics snapshot the import took is corrected. User data is never read or written here.
import type { ReparseCorrection, ReparseImport, ReparseMetricChange, ReparsePlan } from '../api.js';
import { REPARSE_LIST_LIMIT } from '../api.js';
import { PROVENANCE_FIELDS, type ImportRecord, type PaperRecord, type ProfileRecord, type ProvenanceField } from '../model.js';
import type { SourceId, SourceMetrics, SourcePaper, SourceResult } from '../parse/sources/types.js';
import { mergeRichest } from '../richest-fields.js';
import { identityOf, isCutTitle, type PaperIdentity } from '../same-paper.js';
import { titleKey } from '../text.js';
import { errorMessage } from './errors.js';
import { IdentityIndex } from './identity-index.js';
import { headlineMetrics, planImportDetailed, sameMetrics, showsMetrics, type CatalogView } from './importer.js';

/** A stale import and what its source's current parser reads from its stored text. */
export interface StoredRead {
  record: ImportRecord;
  /** The source's current parser version (what the import is marked as read by once committed). */
  version: number;
  sourceLabel: string;
  /** The text read again with the import's stored options; null when it could not be (see `error`). */
  result: SourceResult | null;
  /** Why it could not be read again (the text is missing, or the source refuses it now). */
  error: string | null;
}

export interface ReparseView extends CatalogView {
  profiles(): readonly ProfileRecord[];
  imports(): readonly ImportRecord[];
}

export interface ReparseDraft {
  summary: ReparsePlan;
  /** Papers new to the library (addedAt set), in the order the re-reads found them. */
  added: PaperRecord[];
  /** Stored papers with corrected fields (or a source they lacked). */
  improved: PaperRecord[];
  /** The library's profiles and import log as the commit leaves them. */
  profiles: ProfileRecord[];
  imports: ImportRecord[];
  /** Whether a profile changed (papers linked or metrics corrected). */
  profilesChanged: boolean;
}

/** One listing of a stored paper in a re-read. */
interface Listing {
  paper: SourcePaper;
  source: SourceId;
  /** Index into the reads of the import that listed it. */
  read: number;
}

/** The library, plus the papers earlier re-reads found, so that a later one matches them instead of adding them twice. */
class WithAdded implements CatalogView {
  readonly added = new Map<string, PaperRecord>();
  private readonly index = new IdentityIndex();

  constructor(private readonly base: CatalogView) {}

  paper(id: string): PaperRecord | undefined {
    return this.added.get(id) ?? this.base.paper(id);
  }

  candidateIds(identity: PaperIdentity): Iterable<string> {
    return new Set([...this.base.candidateIds(identity), ...this.index.candidates(identity)]);
  }

  profile(id: string): ProfileRecord | undefined {
    return this.base.profile(id);
  }

  put(record: PaperRecord): void {
    this.added.set(record.id, record);
    this.index.add(record.id, identityOf(record, record.key));
  }
}

interface ImportChanges {
  newPapers: string[];
  corrections: ReparseCorrection[];
  metricChanges: ReparseMetricChange[];
  papersFound: number | null;
}

export function planReparse(reads: readonly StoredRead[], view: ReparseView, at: string): ReparseDraft {
  const library = new WithAdded(view);
  const listings = new Map<string, Listing[]>();
  const changes: ImportChanges[] = reads.map(() => ({ newPapers: [], corrections: [], metricChanges: [], papersFound: null }));
  const errors = reads.map((read) => read.error);
  const profiles = new Map(view.profiles().map((profile) => [profile.id, profile]));
  let profilesChanged = false;
  for (const [index, read] of reads.entries()) {
    if (read.result === null) continue;
    let entries: ReturnType<typeof planImportDetailed>['entries'];
    try {
      entries = planImportDetailed(read.result, library).entries;
    } catch (error) {
      errors[index] = errorMessage(error);
      continue;
    }
    const found = changes[index] as ImportChanges;
    found.papersFound = entries.length;
    for (const entry of entries) {
      if (entry.isNew) {
        library.put({ ...entry.record, addedAt: at });
        found.newPapers.push(entry.record.title);
      } else if (library.added.has(entry.id)) {
        library.put(entry.record); // found again by a later re-read: the richer fields, as an import would
      } else {
        const seen = listings.get(entry.id) ?? [];
        seen.push({ paper: entry.paper, source: read.result.source, read: index });
        listings.set(entry.id, seen);
      }
    }
    const profileId = read.record.profileId;
    const profile = profileId === null ? undefined : profiles.get(profileId);
    if (profile !== undefined && read.result.profile !== null) {
      const next = reparsedProfile(profile, read.record, read.result.source, read.result.profile.metrics, entries.map((e) => e.id));
      found.metricChanges = next.changes;
      if (next.profile !== profile) {
        profiles.set(profile.id, next.profile);
        profilesChanged = true;
      }
    }
  }
  const improved: PaperRecord[] = [];
  let correctedPapers = 0;
  for (const [id, seen] of listings) {
    const stored = view.paper(id) as PaperRecord;
    const corrected = correctedRecord(stored, seen);
    if (corrected.record === stored) continue;
    improved.push(corrected.record);
    if (corrected.corrections.length > 0) correctedPapers++;
    for (const { read, ...correction } of corrected.corrections) (changes[read] as ImportChanges).corrections.push(correction);
  }
  const added = [...library.added.values()];
  const readIndex = new Map(reads.map((read, index) => [read.record.id, index]));
  const imports = view.imports().map((record) => {
    const index = readIndex.get(record.id);
    if (index === undefined) return record;
    const found = changes[index] as ImportChanges;
    return {
      ...record,
      parserVersion: (reads[index] as StoredRead).version,
      papersFound: found.papersFound ?? record.papersFound,
      papersAdded: record.papersAdded + found.newPapers.length,
    };
  });
  const summaries = reads.map((read, index) => summarize(read, changes[index] as ImportChanges, errors[index] ?? null, view));
  return {
    summary: {
      staleImports: reads.length,
      newPapers: added.length,
      correctedPapers,
      correctedFields: summaries.reduce((sum, s) => sum + s.correctionCount, 0),
      metricChanges: summaries.reduce((sum, s) => sum + s.metricChanges.length, 0),
      failedImports: summaries.filter((s) => s.error !== null).length,
      imports: summaries,
    },
    added,
    improved,
    profiles: view.profiles().map((profile) => profiles.get(profile.id) ?? profile),
    imports,
    profilesChanged,
  };
}

function summarize(read: StoredRead, found: ImportChanges, error: string | null, view: ReparseView): ReparseImport {
  const { record } = read;
  const profileName = record.profileId === null ? undefined : view.profile(record.profileId)?.name;
  return {
    importId: record.id,
    source: record.source,
    sourceLabel: read.sourceLabel,
    label: record.options.fileName ?? profileName ?? read.sourceLabel,
    importedAt: record.at,
    fromVersion: record.parserVersion,
    toVersion: read.version,
    newPaperCount: found.newPapers.length,
    newPapers: found.newPapers.slice(0, REPARSE_LIST_LIMIT),
    correctionCount: found.corrections.length,
    corrections: found.corrections.slice(0, REPARSE_LIST_LIMIT),
    metricChanges: found.metricChanges,
    error,
  };
}

/** The stored value of a field as comparable text: "" for none, arrays one item per line. */
function fieldValue(paper: PaperRecord, field: ProvenanceField): string {
  const value = paper[field];
  return Array.isArray(value) ? value.join('\n') : (value ?? '');
}

/** The same for a listing (null = none). */
function listedValueOf(paper: SourcePaper, field: ProvenanceField): string {
  const value = paper[field];
  return Array.isArray(value) ? value.join('\n') : (value ?? '');
}

/** What the preview shows for a value: lists joined with ", ". */
function shown(paper: PaperRecord, field: ProvenanceField): string {
  const value = paper[field];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** `record` with `field` set to the listing's value (none included), which came from `source`. */
function withField(record: PaperRecord, field: ProvenanceField, listing: SourcePaper, source: SourceId): PaperRecord {
  const next: PaperRecord = { ...record, fieldSources: { ...record.fieldSources } };
  switch (field) {
    case 'title':
      next.title = listing.title;
      next.key = titleKey(listing.title);
      if (isCutTitle(listing.title)) next.titleCut = true;
      else delete next.titleCut;
      break;
    case 'authors':
      next.authors = [...listing.authors];
      next.authorsTruncated = listing.authorsTruncated;
      break;
    case 'date':
      next.date = listing.date ?? '';
      next.year = listing.date === null ? null : Number(listing.date.slice(0, 4));
      break;
    case 'abstract':
      next.abstract = listing.abstract ?? '';
      break;
    case 'orgs':
      next.orgs = [...listing.orgs];
      break;
    default:
      next[field] = listing[field];
  }
  if (fieldValue(next, field) === '') delete next.fieldSources[field];
  else next.fieldSources[field] = source;
  return next;
}

/**
 * A stored paper as the re-reads of its listings leave it. A field whose value came from a re-read source is
 * corrected when none of that source's re-reads gives the stored value (the old parser's reading is gone), to the
 * value of its latest re-read; a field that came from another source (or has none) takes a listing's value only when
 * it is richer. The same object when nothing changes.
 */
function correctedRecord(stored: PaperRecord, listings: readonly Listing[]): { record: PaperRecord; corrections: Array<ReparseCorrection & { read: number }> } {
  let record = stored;
  const corrections: Array<ReparseCorrection & { read: number }> = [];
  const note = (before: PaperRecord, field: ProvenanceField, read: number): void => {
    corrections.push({ paperId: stored.id, title: stored.title, field, before: shown(before, field), after: shown(record, field), read });
  };
  for (const field of PROVENANCE_FIELDS) {
    const owner = fieldValue(record, field) === '' ? undefined : (record.fieldSources[field] ?? record.sources[0]);
    const own = listings.filter((listing) => listing.source === owner);
    if (own.length > 0) {
      if (own.some((listing) => listedValueOf(listing.paper, field) === fieldValue(record, field))) continue;
      const latest = own[own.length - 1] as Listing;
      const before = record;
      record = withField(record, field, latest.paper, latest.source);
      note(before, field, latest.read);
      continue;
    }
    for (const listing of listings) {
      const merged = mergeRichest(record, record.fieldSources, record.sources[0] ?? listing.source, listing.paper, listing.source, [field]);
      if (merged === null) continue;
      const before = record;
      record = { ...merged.paper, fieldSources: merged.fieldSources };
      if (field === 'title') record.key = titleKey(record.title);
      note(before, field, listing.read);
    }
  }
  const missing = listings.map((listing) => listing.source).filter((source, i, all) => !record.sources.includes(source) && all.indexOf(source) === i);
  if (missing.length > 0) record = { ...record, sources: [...record.sources, ...missing] };
  return { record, corrections };
}

/**
 * The profile after one of its imports is read again: papers of the re-read it did not list are linked (after the
 * others), and the metrics snapshot that import took is corrected (added, when the old reading showed none or the same
 * as before; removed, when the new one shows none). The latest metrics follow the corrected history.
 */
function reparsedProfile(
  profile: ProfileRecord,
  record: ImportRecord,
  source: SourceId,
  metrics: SourceMetrics,
  paperIds: readonly string[],
): { profile: ProfileRecord; changes: ReparseMetricChange[] } {
  const listed = new Set(profile.paperIds);
  const linked = paperIds.filter((id) => !listed.has(id));
  const history = profile.history.slice();
  const taken = history.findIndex((snapshot) => snapshot.at === record.at && snapshot.source === source);
  const previous = history.filter((snapshot, i) => snapshot.source === source && snapshot.at <= record.at && i !== taken).pop();
  let before: SourceMetrics | null = null;
  if (taken >= 0) {
    const old = (history[taken] as ProfileRecord['history'][number]).metrics;
    if (!sameMetrics(old, metrics)) {
      before = old;
      if (showsMetrics(metrics)) history[taken] = { at: record.at, source, metrics: { ...metrics } };
      else history.splice(taken, 1);
    }
  } else if (showsMetrics(metrics) && !(previous !== undefined && sameMetrics(previous.metrics, metrics))) {
    before = previous?.metrics ?? { hIndex: null, papers: null, citations: null, novelty: null, aiScore: null };
    const at = history.findIndex((snapshot) => snapshot.at > record.at);
    history.splice(at < 0 ? history.length : at, 0, { at: record.at, source, metrics: { ...metrics } });
  }
  if (before === null && linked.length === 0) return { profile, changes: [] };
  const next: ProfileRecord = { ...profile, paperIds: [...profile.paperIds, ...linked], history };
  if (before !== null) {
    const latest = history.filter((snapshot) => snapshot.source === source).pop();
    const bySource = { ...profile.metricsBySource };
    if (latest === undefined) delete bySource[source];
    else bySource[source] = { ...latest.metrics };
    next.metricsBySource = bySource;
    if (profile.lastImportedAt === record.at && showsMetrics(metrics)) next.metrics = headlineMetrics(metrics);
  }
  return { profile: next, changes: before === null ? [] : metricChanges(profile, before, metrics) };
}

function metricChanges(profile: ProfileRecord, before: SourceMetrics, after: SourceMetrics): ReparseMetricChange[] {
  const changes: ReparseMetricChange[] = [];
  for (const metric of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[metric] ?? null;
    const now = after[metric] ?? null;
    if (old !== now) changes.push({ profileId: profile.id, profileName: profile.name, metric, before: old, after: now });
  }
  return changes;
}
