// Restoring a Folio backup (a folio-json import; pure planning, Library.commitRestore writes it). Into an empty library
// the backup comes back as it was: papers with their ids, citation keys, times, sources and fields; profiles with
// their ids, metrics per source and history. Into a library that has some of it, it merges: each backup paper is
// matched against the library by the one rule (same-paper.ts; the library's id is kept) and gives each field where
// its value is richer (ranked by the source it came from, not as "a backup"), profiles' histories are unioned, and
// user data is planned by UserState.planRestore. Backup papers are never matched with each other: a library holds
// each paper once already.
import type { PaperMatch, RestoreCounts } from '../api.js';
import { PROVENANCE_FIELDS, type FieldSources, type PaperRecord, type ProfileRecord, type UserPaperData } from '../model.js';
import type { FolioRestore, RestoredPaperData, RestoredProfile, SourceId, SourceMetrics, SourcePaper } from '../parse/sources/types.js';
import { mergeRichest } from '../richest-fields.js';
import { findSamePaper, identityOf } from '../same-paper.js';
import { titleKey } from '../text.js';
import { InvalidImportError } from './errors.js';
import { profileIdForName } from './ids.js';
import { freshId, headlineMetrics, recordFromSource, type CatalogView } from './importer.js';

export interface RestoreView extends CatalogView {
  profiles(): readonly ProfileRecord[];
}

/** What happens to one backup paper. */
export interface RestoredEntry {
  /** Its id in the library after the restore. */
  id: string;
  isNew: boolean;
  paper: SourcePaper;
  match: PaperMatch | null;
}

export interface RestoreDraft {
  /** One per backup paper, in the backup's order. */
  entries: RestoredEntry[];
  added: PaperRecord[];
  improved: PaperRecord[];
  /** The citation key each new paper had in the backup (kept when it is free). */
  wantedKeys: ReadonlyMap<string, string>;
  /** The library's profiles as the restore leaves them. */
  profiles: ProfileRecord[];
  /** Each backup paper's user data, under its id in the library. */
  userData: Array<{ id: string } & UserPaperData>;
  counts: Pick<RestoreCounts, 'papersNew' | 'papersMerged' | 'profilesNew' | 'profilesMerged'>;
}

/** The longest id a backup may give a paper or profile (the IPC contract's bound). */
const MAX_ID_LENGTH = 64;
const usableId = (id: string | null): id is string => id !== null && id.length <= MAX_ID_LENGTH && id.trim() === id;

export function planRestore(papers: readonly SourcePaper[], restore: FolioRestore, view: RestoreView, at: string): RestoreDraft {
  if (restore.papers.length !== papers.length) throw new InvalidImportError('This backup\'s papers and their data do not line up.');
  const claimed = new Set<string>();
  const entries: RestoredEntry[] = [];
  const added: PaperRecord[] = [];
  const improved: PaperRecord[] = [];
  const wantedKeys = new Map<string, string>();
  for (const [index, paper] of papers.entries()) {
    const data = restore.papers[index] as RestoredPaperData;
    const key = titleKey(paper.title);
    if (key === '') throw new InvalidImportError(`Paper ${index + 1} of the backup has a title with nothing visible.`);
    const identity = identityOf(paper, key);
    const stored = [...view.candidateIds(identity)].filter((id) => !claimed.has(id)).map((id) => view.paper(id)).filter((p) => p !== undefined);
    const found = findSamePaper(identity, paper.date ?? '', paper.authors, stored, (p) => ({ identity: identityOf(p, p.key), date: p.date, authors: p.authors }));
    if (found) {
      const record = found.candidate;
      claimed.add(record.id);
      const merged = mergedRecord(record, paper, data);
      if (merged !== record) improved.push(merged);
      entries.push({ id: record.id, isNew: false, paper, match: { id: record.id, title: record.title, reason: found.reason } });
      continue;
    }
    const id = usableId(data.id) && !claimed.has(data.id) && view.paper(data.id) === undefined ? data.id : freshId(key, claimed, view);
    claimed.add(id);
    added.push(restoredRecord(paper, id, data, at));
    if (data.citeKey !== null) wantedKeys.set(id, data.citeKey);
    entries.push({ id, isNew: true, paper, match: null });
  }
  const ids = entries.map((entry) => entry.id);
  const { profiles, profilesNew, profilesMerged } = restoredProfiles(restore.profiles, ids, view.profiles(), at);
  return {
    entries,
    added,
    improved,
    wantedKeys,
    profiles,
    userData: restore.papers.map((data, index) => ({ id: ids[index] as string, tags: data.tags, note: data.note, status: data.status })),
    counts: { papersNew: added.length, papersMerged: entries.length - added.length, profilesNew, profilesMerged },
  };
}

/** A backup paper new to the library: its record as the backup kept it (fields, id, time, sources). */
function restoredRecord(paper: SourcePaper, id: string, data: RestoredPaperData, at: string): PaperRecord {
  const record = recordFromSource(paper, id, data.sources[0] as SourceId, data.addedAt ?? at);
  // Where each field came from, as the backup says (a field it does not name came from the first source).
  const fieldSources: FieldSources = {};
  for (const field of PROVENANCE_FIELDS) {
    const source = data.fieldSources[field];
    if (source !== undefined && record.fieldSources[field] !== undefined) fieldSources[field] = source;
  }
  return { ...record, sources: [...data.sources], fieldSources };
}

/**
 * A stored paper with each field of the backup's where that value is richer, ranked by the source the backup says it
 * came from (a backup holds what another library showed, not a source of its own), and the backup's sources added.
 */
function mergedRecord(stored: PaperRecord, paper: SourcePaper, data: RestoredPaperData): PaperRecord {
  let record = stored;
  for (const field of PROVENANCE_FIELDS) {
    const source = data.fieldSources[field] ?? (data.sources[0] as SourceId);
    const merged = mergeRichest(record, record.fieldSources, record.sources[0] ?? source, paper, source, [field]);
    if (merged === null) continue;
    record = { ...merged.paper, fieldSources: merged.fieldSources };
    if (field === 'title') record.key = titleKey(record.title);
  }
  const missing = data.sources.filter((source) => !record.sources.includes(source));
  return missing.length > 0 ? { ...record, sources: [...record.sources, ...missing] } : record;
}

/** The library's profiles with the backup's: new ones added after them, existing ones (same id) merged. */
function restoredProfiles(
  backup: readonly RestoredProfile[],
  paperIds: readonly string[],
  existing: readonly ProfileRecord[],
  at: string,
): { profiles: ProfileRecord[]; profilesNew: number; profilesMerged: number } {
  const profiles = [...existing];
  const indexById = new Map(profiles.map((profile, i) => [profile.id, i]));
  let profilesNew = 0;
  let profilesMerged = 0;
  for (const restored of backup) {
    const ids = [...new Set(restored.paperIndexes.map((i) => paperIds[i] as string))];
    const id = usableId(restored.id) ? restored.id : profileIdForName(restored.name);
    const index = indexById.get(id) ?? indexById.get(profileIdForName(restored.name));
    if (index === undefined) {
      indexById.set(id, profiles.length);
      profiles.push(newProfile(restored, id, ids, at));
      profilesNew++;
    } else {
      profiles[index] = mergedProfile(profiles[index] as ProfileRecord, restored, ids);
      profilesMerged++;
    }
  }
  return { profiles, profilesNew, profilesMerged };
}

/** The latest metrics of each source in a history (oldest first). */
function latestBySource(history: ProfileRecord['history']): Partial<Record<SourceId, SourceMetrics>> {
  const latest: Partial<Record<SourceId, SourceMetrics>> = {};
  for (const snapshot of history) latest[snapshot.source] = { ...snapshot.metrics };
  return latest;
}

function newProfile(restored: RestoredProfile, id: string, paperIds: string[], at: string): ProfileRecord {
  const history = restored.history.map((snapshot) => ({ at: snapshot.at, source: snapshot.source, metrics: { ...snapshot.metrics } }));
  const bySource = Object.keys(restored.metricsBySource).length > 0 ? restored.metricsBySource : latestBySource(history);
  return {
    id,
    name: restored.name,
    category: restored.category,
    affiliation: restored.affiliation,
    metrics: headlineMetrics(restored.metrics),
    metricsBySource: Object.fromEntries(Object.entries(bySource).map(([source, metrics]) => [source, { ...metrics }])),
    sources: [...restored.sources],
    history,
    paperIds,
    firstImportedAt: restored.firstImportedAt ?? history[0]?.at ?? at,
    lastImportedAt: restored.lastImportedAt ?? history.at(-1)?.at ?? at,
  };
}

/**
 * A profile the library has, with the backup's: histories unioned (a snapshot is its time and source), each source's
 * latest metrics from the union, the headline metrics of whichever was imported last, papers and sources added.
 */
function mergedProfile(profile: ProfileRecord, restored: RestoredProfile, paperIds: readonly string[]): ProfileRecord {
  const seen = new Set(profile.history.map((snapshot) => `${snapshot.at}\u0000${snapshot.source}`));
  const extra = restored.history.filter((snapshot) => !seen.has(`${snapshot.at}\u0000${snapshot.source}`));
  const history = [...profile.history, ...extra.map((s) => ({ at: s.at, source: s.source, metrics: { ...s.metrics } }))].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
  const listed = new Set(profile.paperIds);
  const backupIsLater = (restored.lastImportedAt ?? '') > profile.lastImportedAt;
  const first = restored.firstImportedAt !== null && restored.firstImportedAt < profile.firstImportedAt ? restored.firstImportedAt : profile.firstImportedAt;
  return {
    ...profile,
    category: profile.category ?? restored.category,
    affiliation: profile.affiliation ?? restored.affiliation,
    metrics: backupIsLater ? headlineMetrics(restored.metrics) : profile.metrics,
    metricsBySource: { ...restored.metricsBySource, ...profile.metricsBySource, ...latestBySource(history) },
    sources: [...new Set([...profile.sources, ...restored.sources])],
    history,
    paperIds: [...profile.paperIds, ...paperIds.filter((id) => !listed.has(id))],
    firstImportedAt: first,
    lastImportedAt: backupIsLater ? (restored.lastImportedAt as string) : profile.lastImportedAt,
  };
}
