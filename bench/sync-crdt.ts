// Issue 11's choice, measured: a CRDT library (Yjs, Automerge) or hand-written rules (electron/core/sync/fold.ts)
// for merging what several devices wrote, on the budgets: cold load of the user data from a snapshot plus the
// devices' journals (against the single-device store's user.json + user.journal in the same run), folding 1,000
// incoming operations, memory; and for notes, a character-level merge of two concurrent edits of a 5 KB note against
// keeping the losing version as a revision.
//
//   npx tsx bench/sync-crdt.ts [--papers 100000] [--ops 50000] [--seed 11] [--runs 3] [--skip-automerge] [--automerge-ops 2000] [--json FILE]
//   npm run bench -- --only sync-crdt   (the same, with the defaults)
import { writeFile } from 'node:fs/promises';
import * as A from '@automerge/automerge';
import * as Y from 'yjs';
import { UserState } from '../electron/core/library/user-state.js';
import { deviceOf } from '../electron/core/sync/hlc.js';
import { emptySyncState, foldEntries, tagIdentity } from '../electron/core/sync/fold.js';
import { materialize, type FoldedState } from '../electron/core/sync/materialize.js';
import { pairKey, type StampedEntry, type SyncedOp } from '../electron/core/sync/ops.js';
import { snapshotOf, stateFromSnapshot, type SyncSnapshot } from '../electron/core/sync/snapshot.js';
import { USER_SCHEMA_VERSION, type JournalEntry, type UserDoc } from '../electron/core/library/schema.js';
import { simulateHistory } from '../tests/helpers/sync-history.js';
import { fmtMs, gc, mb, median, table } from './stats.js';

export interface SyncBenchOptions {
  papers: number;
  opsPerDevice: number;
  seed: number;
  runs: number;
  automerge: boolean;
  /** Automerge writes ~100-300 changes a second here, so it gets its own, smaller history (entries per device). */
  automergeOps: number;
  /** Share of each device's journal already compacted into the snapshot the cold load starts from. */
  snapshotShare: number;
}

interface EngineFigures {
  engine: string;
  /** Building the histories (not a budget: how heavy each model is to write). */
  writeMs: number;
  snapshotBytes: number;
  journalBytes: number;
  coldLoadMs: number;
  /** Cold load plus reading every paper's user data into plain objects (what the store keeps in memory). */
  coldLoadAndReadMs: number;
  /**
   * First rows with the snapshot's view stored apart from its stamps (docs/sync-design.md, "Cold open"): parse the
   * view (user.json's shape) and apply the device's own journal tail; the others' tails are folded after.
   */
  viewFirstMs: number | null;
  /** From no snapshot: both devices' whole journals. */
  fullReplayMs: number;
  fold1000Ms: number;
  heapMb: number;
}

const now = (): number => performance.now();

function timeRuns(runs: number, setup: () => unknown, body: (input: unknown) => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = setup();
    gc();
    const start = now();
    body(input);
    samples.push(now() - start);
  }
  return median(samples);
}

function heapOf(build: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept === null) console.log('');
  return mb(after - before);
}

interface Split {
  head: StampedEntry[];
  tails: StampedEntry[][];
  all: StampedEntry[];
  /** Everything but the last 1,000 entries of the second device, and those 1,000. */
  beforeIncoming: StampedEntry[];
  incoming: StampedEntry[];
}

function split(journals: Map<string, StampedEntry[]>, share: number): Split {
  const head: StampedEntry[] = [];
  const tails: StampedEntry[][] = [];
  for (const journal of journals.values()) {
    const cut = Math.floor(journal.length * share);
    head.push(...journal.slice(0, cut));
    tails.push(journal.slice(cut));
  }
  const [first, second] = [...journals.values()] as [StampedEntry[], StampedEntry[]];
  return {
    head,
    tails,
    all: [...first, ...second],
    beforeIncoming: [...first, ...second.slice(0, -1000)],
    incoming: second.slice(-1000),
  };
}

const jsonLines = (entries: readonly unknown[]): string => entries.map((e) => `${JSON.stringify(e)}\n`).join('');
const parseLines = <T>(text: string): T[] => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);

function ownRules(s: Split, o: SyncBenchOptions): EngineFigures {
  const start = now();
  const headState = emptySyncState();
  foldEntries(headState, s.head);
  const snapshotText = JSON.stringify(snapshotOf(headState));
  const tailTexts = s.tails.map(jsonLines);
  const allText = jsonLines(s.all);
  const writeMs = now() - start;
  const load = (): ReturnType<typeof emptySyncState> => {
    const state = stateFromSnapshot(JSON.parse(snapshotText) as SyncSnapshot);
    for (const text of tailTexts) foldEntries(state, parseLines<StampedEntry>(text));
    return state;
  };
  const coldLoadMs = timeRuns(o.runs, () => null, () => load());
  const coldLoadAndReadMs = timeRuns(o.runs, () => null, () => materialize(load()));
  const viewText = JSON.stringify(materialize(headState));
  const ownTail = tailTexts[0] ?? '';
  // Folding the own tail into an empty state stands for applying it over the view: the same ops, the same work per op.
  const viewFirstMs = timeRuns(o.runs, () => null, () => [JSON.parse(viewText), foldEntries(emptySyncState(), parseLines<StampedEntry>(ownTail))]);
  const fullReplayMs = timeRuns(o.runs, () => null, () => {
    const state = emptySyncState();
    foldEntries(state, parseLines<StampedEntry>(allText));
    return materialize(state);
  });
  const beforeText = JSON.stringify(snapshotOf((() => {
    const state = emptySyncState();
    foldEntries(state, s.beforeIncoming);
    return state;
  })()));
  const incomingText = jsonLines(s.incoming);
  const fold1000Ms = timeRuns(
    o.runs,
    () => stateFromSnapshot(JSON.parse(beforeText) as SyncSnapshot),
    (state) => foldEntries(state as ReturnType<typeof emptySyncState>, parseLines<StampedEntry>(incomingText)),
  );
  const heapMb = heapOf(() => load());
  return {
    engine: 'own rules (fold.ts)',
    writeMs,
    snapshotBytes: snapshotText.length,
    journalBytes: tailTexts.reduce((n, t) => n + t.length, 0),
    coldLoadMs,
    coldLoadAndReadMs,
    viewFirstMs,
    fullReplayMs,
    fold1000Ms,
    heapMb,
  };
}

/** Today's store: user.json of the same user data, and a user.journal of as many whole-paper lines as the tails. */
function singleDevice(final: FoldedState, tailEntries: number, o: SyncBenchOptions): { ms: number; userJsonBytes: number; journalBytes: number; heapMb: number } {
  const doc: UserDoc = { schemaVersion: USER_SCHEMA_VERSION, papers: {}, tags: [], merges: {}, notDuplicates: [], savedSearches: [], removedProfiles: {} };
  for (const [id, p] of Object.entries(final.papers)) doc.papers[id] = { tags: p.tags, note: p.note, status: p.status };
  const userJson = JSON.stringify(doc);
  const ids = Object.keys(doc.papers);
  const lines: JournalEntry[] = Array.from({ length: tailEntries }, (_, i) => {
    const id = ids[(i * 7919) % Math.max(1, ids.length)] ?? 'p-0';
    return { at: '2026-12-05T10:00:00.000Z', ops: [{ o: 'paper', id, data: doc.papers[id] ?? { tags: [], note: '', status: 'read' } }] };
  });
  const journal = jsonLines(lines);
  const load = (): UserState => {
    const state = UserState.fromDoc(JSON.parse(userJson) as UserDoc);
    for (const entry of parseLines<JournalEntry>(journal)) for (const op of entry.ops) state.apply(op);
    return state;
  };
  return { ms: timeRuns(o.runs, () => null, () => load()), userJsonBytes: userJson.length, journalBytes: journal.length, heapMb: heapOf(() => load()) };
}

/** The same ops as flat keys of one map ("<id>|status", "<id>|tag|ml"): nested per-paper maps created on two devices at once would replace each other. */
function flatWrites(op: SyncedOp): Array<[key: string, value: unknown]> {
  switch (op.o) {
    case 'tags-add': return op.ids.map((id) => [`${id}|tag|${tagIdentity(op.tag)}`, op.tag]);
    case 'tags-remove': return op.ids.map((id) => [`${id}|tag|${tagIdentity(op.tag)}`, undefined]);
    case 'status': return op.ids.map((id) => [`${id}|status`, op.status]);
    case 'note': return [[`${op.id}|note`, op.text]];
    case 'trash': case 'untrash': return op.ids.map((id) => [`${id}|trash`, op.o === 'trash' ? op.at : undefined]);
    case 'delete': case 'undelete': return op.ids.map((id) => [`${id}|delete`, op.o === 'delete' ? op.at : undefined]);
    case 'edit': return [...Object.entries(op.set).map(([f, v]): [string, unknown] => [`${op.id}|edit|${f}`, v]), ...op.unset.map((f): [string, unknown] => [`${op.id}|edit|${f}`, undefined])];
    case 'merge': case 'unmerge': return [[`merge|${op.other}`, op.o === 'merge' ? op.keep : undefined]];
    case 'not-duplicate': return [[`nd|${pairKey(op.a, op.b)}`, op.value || undefined]];
    case 'saved-searches': return [['saved-searches', JSON.stringify(op.list)]];
    case 'tags': return [['tag-definitions', JSON.stringify(op.tags)]];
  }
}

/** Plain per-paper user data from flat keys (what the store would keep). */
function readFlat(entries: Iterable<[string, unknown]>): Map<string, Record<string, unknown>> {
  const papers = new Map<string, Record<string, unknown>>();
  for (const [key, value] of entries) {
    const bar = key.indexOf('|');
    const id = key.slice(0, bar);
    let paper = papers.get(id);
    if (!paper) papers.set(id, (paper = {}));
    paper[key.slice(bar + 1)] = value;
  }
  return papers;
}

function yjs(journals: Map<string, StampedEntry[]>, _split: Split, o: SyncBenchOptions): EngineFigures {
  const start = now();
  const updates = new Map<string, Uint8Array[]>();
  for (const [device, journal] of journals) {
    const doc = new Y.Doc();
    const list: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => list.push(u));
    const map = doc.getMap<unknown>('u');
    for (const entry of journal) {
      doc.transact(() => {
        for (const op of entry.ops) for (const [k, v] of flatWrites(op)) v === undefined ? map.delete(k) : map.set(k, v);
      });
    }
    updates.set(device, list);
  }
  const [first, second] = [...updates.values()] as [Uint8Array[], Uint8Array[]];
  const cut = (list: Uint8Array[]): number => Math.floor(list.length * o.snapshotShare);
  const snapshot = Y.mergeUpdates([...first.slice(0, cut(first)), ...second.slice(0, cut(second))]);
  const tails = [first.slice(cut(first)), second.slice(cut(second))];
  const writeMs = now() - start;
  const load = (): Y.Doc => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    for (const tail of tails) for (const u of tail) Y.applyUpdate(doc, u);
    return doc;
  };
  const coldLoadMs = timeRuns(o.runs, () => null, () => load());
  const coldLoadAndReadMs = timeRuns(o.runs, () => null, () => readFlat(load().getMap<unknown>('u').entries()));
  const fullReplayMs = timeRuns(o.runs, () => null, () => {
    const doc = new Y.Doc();
    for (const list of updates.values()) for (const u of list) Y.applyUpdate(doc, u);
    return readFlat(doc.getMap<unknown>('u').entries());
  });
  const before = Y.mergeUpdates([...first, ...second.slice(0, -1000)]);
  const incoming = second.slice(-1000);
  const fold1000Ms = timeRuns(
    o.runs,
    () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, before);
      return doc;
    },
    (doc) => {
      for (const u of incoming) Y.applyUpdate(doc as Y.Doc, u);
    },
  );
  return {
    engine: 'Yjs',
    writeMs,
    snapshotBytes: snapshot.length,
    journalBytes: tails.flat().reduce((n, u) => n + u.length, 0),
    coldLoadMs,
    coldLoadAndReadMs,
    viewFirstMs: null,
    fullReplayMs,
    fold1000Ms,
    heapMb: heapOf(() => load()),
  };
}

type FlatDoc = Record<string, unknown>;

function automerge(journals: Map<string, StampedEntry[]>, _s: Split, o: SyncBenchOptions, log: (line: string) => void): EngineFigures {
  const start = now();
  const changes = new Map<string, Uint8Array[]>();
  let n = 0;
  for (const [device, journal] of journals) {
    let doc = A.init<FlatDoc>({ actor: Buffer.from(device.padEnd(16, '_')).toString('hex').slice(0, 32) });
    const list: Uint8Array[] = [];
    for (const entry of journal) {
      doc = A.change(doc, (d) => {
        for (const op of entry.ops) for (const [k, v] of flatWrites(op)) v === undefined ? delete d[k] : (d[k] = v);
      });
      list.push(A.getLastLocalChange(doc) as Uint8Array);
      if (++n % 1_000 === 0) log(`  automerge: ${n} changes written (${fmtMs(now() - start)})`);
    }
    changes.set(device, list);
  }
  const [first, second] = [...changes.values()] as [Uint8Array[], Uint8Array[]];
  const cut = (list: Uint8Array[]): number => Math.floor(list.length * o.snapshotShare);
  const snapshot = A.save(A.applyChanges(A.init<FlatDoc>(), [...first.slice(0, cut(first)), ...second.slice(0, cut(second))])[0]);
  const tails = [...first.slice(cut(first)), ...second.slice(cut(second))];
  const writeMs = now() - start;
  const load = (): A.Doc<FlatDoc> => A.applyChanges(A.load<FlatDoc>(snapshot), tails)[0];
  const coldLoadMs = timeRuns(o.runs, () => null, () => load());
  const coldLoadAndReadMs = timeRuns(o.runs, () => null, () => readFlat(Object.entries(A.toJS(load()))));
  const fullReplayMs = timeRuns(Math.min(o.runs, 2), () => null, () => readFlat(Object.entries(A.toJS(A.applyChanges(A.init<FlatDoc>(), [...first, ...second])[0]))));
  const before = A.save(A.applyChanges(A.init<FlatDoc>(), [...first, ...second.slice(0, -1000)])[0]);
  const incoming = second.slice(-1000);
  const fold1000Ms = timeRuns(o.runs, () => A.load<FlatDoc>(before), (doc) => A.applyChanges(doc as A.Doc<FlatDoc>, incoming));
  return {
    engine: 'Automerge',
    writeMs,
    snapshotBytes: snapshot.length,
    journalBytes: tails.reduce((total, c) => total + c.length, 0),
    coldLoadMs,
    coldLoadAndReadMs,
    viewFirstMs: null,
    fullReplayMs,
    fold1000Ms,
    heapMb: heapOf(() => load()),
  };
}

export interface NoteFigures {
  engine: string;
  mergeMs: number;
  /** Bytes the two devices' edits add to the synced files. */
  bytesWritten: number;
  keepsBoth: boolean;
  /** What the user sees: one merged text, or the winner plus the other as a revision. */
  outcome: string;
}

function noteText(length: number): string {
  const words = 'the quick survey of sparse kernels shows that robust proofs hold for causal graphs'.split(' ');
  let text = '';
  for (let i = 0; text.length < length; i++) text += (i % 12 === 11 ? '.\n\n' : ' ') + (words[i % words.length] as string);
  return text.slice(0, length);
}

/** Two devices edit the same 5 KB note before they sync: A inserts a paragraph and deletes a phrase, B rewrites the opening and appends. */
function notes(runs: number): NoteFigures[] {
  const base = noteText(5 * 1024);
  const insertA = '\n\nA: a paragraph written on the laptop.';
  const insertB = '\n\nB: a closing line written on the desktop.';
  const textA = base.slice(0, 1000) + insertA + base.slice(1000, 3000) + base.slice(3020);
  const textB = `Rewritten opening.${base.slice(20)}${insertB}`;
  const results: NoteFigures[] = [];

  const yDocs = (): { a: Y.Doc; b: Y.Doc; ua: Uint8Array; ub: Uint8Array } => {
    const origin = new Y.Doc();
    origin.getText('n').insert(0, base);
    const state = Y.encodeStateAsUpdate(origin);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, state);
    Y.applyUpdate(b, state);
    const va = Y.encodeStateVector(a);
    a.getText('n').insert(1000, insertA);
    a.getText('n').delete(1000 + insertA.length + 2000, 20);
    b.getText('n').delete(0, 20);
    b.getText('n').insert(0, 'Rewritten opening.');
    b.getText('n').insert(b.getText('n').length, insertB);
    return { a, b, ua: Y.encodeStateAsUpdate(a, va), ub: Y.encodeStateAsUpdate(b, va) };
  };
  {
    const mergeMs = timeRuns(runs, yDocs, (input) => {
      const { a, b, ua, ub } = input as ReturnType<typeof yDocs>;
      Y.applyUpdate(a, ub);
      Y.applyUpdate(b, ua);
    });
    const { a, b, ua, ub } = yDocs();
    Y.applyUpdate(a, ub);
    Y.applyUpdate(b, ua);
    const merged = a.getText('n').toString();
    results.push({
      engine: 'Yjs Y.Text',
      mergeMs,
      bytesWritten: ua.length + ub.length,
      keepsBoth: merged === b.getText('n').toString() && merged.includes(insertA) && merged.includes(insertB) && merged.startsWith('Rewritten opening.'),
      outcome: 'one merged text',
    });
  }
  const amDocs = (): { a: A.Doc<{ n: string }>; b: A.Doc<{ n: string }> } => {
    const origin = A.from<{ n: string }>({ n: base });
    let a = A.clone(origin);
    let b = A.clone(origin);
    a = A.change(a, (d) => {
      A.splice(d, ['n'], 1000, 0, insertA);
      A.splice(d, ['n'], 1000 + insertA.length + 2000, 20);
    });
    b = A.change(b, (d) => {
      A.splice(d, ['n'], 0, 20, 'Rewritten opening.');
      A.splice(d, ['n'], d.n.length, 0, insertB);
    });
    return { a, b };
  };
  {
    const mergeMs = timeRuns(runs, amDocs, (input) => {
      const { a, b } = input as ReturnType<typeof amDocs>;
      A.merge(A.clone(a), b);
    });
    const { a, b } = amDocs();
    const merged = A.merge(A.clone(a), b).n;
    results.push({
      engine: 'Automerge text',
      mergeMs,
      bytesWritten: (A.getLastLocalChange(a)?.length ?? 0) + (A.getLastLocalChange(b)?.length ?? 0),
      keepsBoth: merged.includes(insertA) && merged.includes(insertB) && merged.startsWith('Rewritten opening.'),
      outcome: 'one merged text',
    });
  }
  {
    const entries: StampedEntry[] = [
      { hlc: '0190f3a1b2c3-00000000-laptop', ops: [{ o: 'note', id: 'p1', text: textA }] },
      { hlc: '0190f3a1b2c4-00000000-desk', ops: [{ o: 'note', id: 'p1', text: textB }] },
    ];
    const lines = jsonLines(entries);
    const mergeMs = timeRuns(runs, () => null, () => materialize((() => {
      const state = emptySyncState();
      foldEntries(state, parseLines<StampedEntry>(lines));
      return state;
    })()));
    const state = emptySyncState();
    foldEntries(state, entries);
    const paper = materialize(state).papers.p1;
    results.push({
      engine: 'own rules: LWW + revision',
      mergeMs,
      bytesWritten: lines.length,
      keepsBoth: paper?.note === textB && paper.noteRevisions?.[0]?.text === textA,
      outcome: 'the later text; the other as a revision',
    });
  }
  return results;
}

export interface SyncBenchResult {
  options: SyncBenchOptions;
  entries: number;
  opsApplied: number;
  papersWithUserData: number;
  singleDevice: { ms: number; userJsonBytes: number; journalBytes: number; heapMb: number };
  engines: EngineFigures[];
  notes: NoteFigures[];
}

export async function syncCrdtBench(o: SyncBenchOptions, log: (line: string) => void = console.log): Promise<SyncBenchResult> {
  log(`sync-crdt: simulating 2 devices x ${o.opsPerDevice.toLocaleString('en-US')} actions over ${o.papers.toLocaleString('en-US')} papers (seed ${o.seed})`);
  const history = simulateHistory({ seed: o.seed, devices: ['laptop', 'desk'], actions: o.opsPerDevice * 2, papers: o.papers, tags: 150, syncChance: 0.02, maxBulk: 1000, noteLength: 300 });
  const s = split(history.journals, o.snapshotShare);
  const final = (() => {
    const state = emptySyncState();
    foldEntries(state, s.all);
    return materialize(state);
  })();
  const tailEntries = s.tails.reduce((n, t) => n + t.length, 0);
  // Each engine's figures are logged as soon as they are known: at 100k on a busy machine a run takes many minutes.
  const done = <T>(figures: T): T => {
    log(`    ${JSON.stringify(figures)}`);
    return figures;
  };
  log('  own rules…');
  const engines = [done(ownRules(s, o))];
  log('  single device (UserState, user.json + user.journal)…');
  const single = done(singleDevice(final, tailEntries, o));
  log('  Yjs…');
  engines.push(done(yjs(history.journals, s, o)));
  if (o.automerge) {
    log(`  Automerge (its own history: 2 x ${o.automergeOps} entries)…`);
    const small = new Map([...history.journals].map(([d, j]) => [d, j.slice(0, o.automergeOps)]));
    const figures = automerge(small, split(small, o.snapshotShare), o, log);
    // The other engines on the same small history, so the three compare like for like.
    const same = split(small, o.snapshotShare);
    engines.push(
      done({ ...figures, engine: `Automerge (2 x ${o.automergeOps})` }),
      done({ ...ownRules(same, o), engine: `own rules (2 x ${o.automergeOps})` }),
      done({ ...yjs(small, same, o), engine: `Yjs (2 x ${o.automergeOps})` }),
    );
  }
  log('  notes…');
  const noteFigures = notes(o.runs);
  const opsApplied = s.all.reduce((n, e) => n + e.ops.reduce((m, op) => m + ('ids' in op ? op.ids.length : 1), 0), 0);
  const devices = [...history.journals.keys()].map((d) => `${d} ${history.journals.get(d)?.length}`).join(', ');
  log(`  entries: ${devices}; paper-field writes ${opsApplied.toLocaleString('en-US')}; first device of the last entry: ${deviceOf(s.incoming.at(-1)?.hlc ?? '000000000000-00000000-x')}`);
  return { options: o, entries: s.all.length, opsApplied, papersWithUserData: Object.keys(final.papers).length, singleDevice: single, engines, notes: noteFigures };
}

export function syncCrdtTable(r: SyncBenchResult): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
  const rows = [
    ['single device today (UserState)', '-', kb(r.singleDevice.userJsonBytes), kb(r.singleDevice.journalBytes), fmtMs(r.singleDevice.ms), fmtMs(r.singleDevice.ms), '-', '-', '-', String(r.singleDevice.heapMb)],
    ...r.engines.map((e) => [e.engine, fmtMs(e.writeMs), kb(e.snapshotBytes), kb(e.journalBytes), fmtMs(e.coldLoadMs), fmtMs(e.coldLoadAndReadMs), e.viewFirstMs === null ? '-' : fmtMs(e.viewFirstMs), fmtMs(e.fullReplayMs), fmtMs(e.fold1000Ms), String(e.heapMb)]),
  ];
  const main = table(['engine', 'write history', 'snapshot', 'journal tails', 'cold load', 'load + read', 'view first', 'full replay', 'fold 1,000', 'heap MB'], rows, (c) => c > 0);
  const noteRows = r.notes.map((n) => [n.engine, fmtMs(n.mergeMs), `${n.bytesWritten} B`, n.keepsBoth ? 'yes' : 'NO', n.outcome]);
  return `${main}\n\n${table(['5 KB note, two concurrent edits', 'merge ms', 'bytes synced', 'both kept', 'what the user sees'], noteRows, (c) => c > 0 && c < 4)}`;
}

/** The budget shape; medians of 3 (a run at 100k takes minutes on 2 shared cores). */
export const SYNC_BENCH_DEFAULTS: Readonly<SyncBenchOptions> = {
  papers: 100_000,
  opsPerDevice: 50_000,
  seed: 11,
  runs: 3,
  automerge: true,
  automergeOps: 2_000,
  snapshotShare: 0.8,
};

const USAGE = 'usage: npx tsx bench/sync-crdt.ts [--papers N] [--ops N per device] [--seed N] [--runs N] [--skip-automerge] [--automerge-ops N] [--json FILE]';

function parseArgs(argv: string[]): SyncBenchOptions & { json: string | null } {
  const o = { ...SYNC_BENCH_DEFAULTS, json: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => argv[++i] ?? '';
    switch (argv[i]) {
      case '--papers': o.papers = Number(value()); break;
      case '--ops': o.opsPerDevice = Number(value()); break;
      case '--seed': o.seed = Number(value()); break;
      case '--runs': o.runs = Number(value()); break;
      case '--skip-automerge': o.automerge = false; break;
      case '--automerge-ops': o.automergeOps = Number(value()); break;
      case '--json': o.json = value(); break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`Unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  return o;
}

if (process.argv[1]?.endsWith('sync-crdt.ts')) {
  const o = parseArgs(process.argv.slice(2));
  const result = await syncCrdtBench(o);
  console.log(`\n== Sync: CRDT library or own rules (issue 11); ${result.entries.toLocaleString('en-US')} entries, ${result.opsApplied.toLocaleString('en-US')} paper-field writes, ${result.papersWithUserData.toLocaleString('en-US')} papers with user data; medians of ${o.runs}`);
  console.log(syncCrdtTable(result));
  if (o.json) await writeFile(o.json, `${JSON.stringify(result, null, 1)}\n`);
}
