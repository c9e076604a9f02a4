// "Possible duplicates": pairs the import kept apart that look alike, side by side with the reason and the fields
// that differ marked; Merge (keeping the chosen one, undoable) or "Not a duplicate" (never proposed again).
import { useCallback, useEffect, useState } from 'react';
import type { DuplicateList, DuplicatePair, PaperRow } from '../../../electron/core/api.js';
import { useToasts } from '../hooks/useToasts.js';
import { onLibraryChange } from '../lib/changes.js';
import { differingFields, type ComparedField } from '../lib/duplicates.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { formatDate, formatNumber, plural } from '../lib/format.js';

export function DuplicatesView({ undo }: { undo: () => void }) {
  const [list, setList] = useState<DuplicateList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let seq = 0;
    const load = () => {
      const mine = ++seq;
      getFolio()
        .duplicates()
        .then(
          (next) => {
            if (mine !== seq) return;
            setList(next);
            setError(null);
          },
          (err: unknown) => mine === seq && setError(errorMessage(err)),
        );
    };
    load();
    // Every undoable action (a merge, "not a duplicate", an edit, their undo) ends with an 'undo-state' change, and
    // "not a duplicate" sends nothing else: reload on it, and on imports.
    const stop = onLibraryChange((change) => {
      if (change.kind === 'undo-state' || change.kind === 'import') load();
    });
    return () => {
      seq = -1;
      stop();
    };
  }, []);

  return (
    <section className="duplicates-view" aria-label="Possible duplicates">
      <div className="list-header">
        <h1 className="list-title">Possible duplicates</h1>
        <span className="list-count" aria-live="polite">
          {list ? plural(list.total, 'pair') : ''}
        </span>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          Could not look for duplicates: {error}
        </p>
      ) : null}
      {list && list.total === 0 ? <p className="list-empty">No possible duplicates.</p> : null}
      {list && list.total > list.pairs.length ? (
        <p className="muted">The first {formatNumber(list.pairs.length)} of {formatNumber(list.total)} pairs; the next ones show as these are settled.</p>
      ) : null}
      <ul className="duplicate-pairs" aria-label="Duplicate pairs">
        {list?.pairs.map((pair) => <PairView key={`${pair.a.id}|${pair.b.id}`} pair={pair} undo={undo} />)}
      </ul>
    </section>
  );
}

function PairView({ pair, undo }: { pair: DuplicatePair; undo: () => void }) {
  const toasts = useToasts();
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const differs = differingFields(pair.a, pair.b);
  const name = `${pair.a.title} / ${pair.b.title}`;

  const merge = useCallback(() => {
    const [kept, other] = keep === 'a' ? [pair.a, pair.b] : [pair.b, pair.a];
    getFolio()
      .mergePapers(kept.id, other.id)
      .then(
        (result) => toasts.show(result.done, { action: { label: 'Undo', run: undo } }),
        (err: unknown) => toasts.show(`Could not merge: ${errorMessage(err)}`, { kind: 'error' }),
      );
  }, [keep, pair, toasts, undo]);

  const notDuplicate = useCallback(() => {
    getFolio()
      .notDuplicate(pair.a.id, pair.b.id)
      .then(
        () => toasts.show('Marked as not a duplicate', { action: { label: 'Undo', run: undo } }),
        (err: unknown) => toasts.show(`Could not mark the pair: ${errorMessage(err)}`, { kind: 'error' }),
      );
  }, [pair, toasts, undo]);

  return (
    <li className="duplicate-pair" aria-label={name}>
      <p className="duplicate-reason">{pair.detail}</p>
      <div className="duplicate-sides" role="radiogroup" aria-label="Keep which one">
        <Side paper={pair.a} differs={differs} checked={keep === 'a'} onKeep={() => setKeep('a')} group={name} />
        <Side paper={pair.b} differs={differs} checked={keep === 'b'} onKeep={() => setKeep('b')} group={name} />
      </div>
      <div className="button-row">
        <button type="button" className="button primary" onClick={merge}>
          Merge
        </button>
        <button type="button" className="button" onClick={notDuplicate}>
          Not a duplicate
        </button>
      </div>
    </li>
  );
}

function Side({ paper, differs, checked, onKeep, group }: { paper: PaperRow; differs: Set<ComparedField>; checked: boolean; onKeep: () => void; group: string }) {
  const cls = (field: ComparedField) => (differs.has(field) ? 'differs' : undefined);
  return (
    <label className={`duplicate-side${checked ? ' kept' : ''}`}>
      <input type="radio" name={`keep-${group}`} checked={checked} onChange={onKeep} aria-label={`Keep “${paper.title}”`} />
      <span className={cls('title')}>
        <strong>{paper.title}</strong>
      </span>
      <span className={cls('authors')}>{paper.authors.join(', ') || '—'}</span>
      <span>
        <span className={cls('date')}>{paper.date ? formatDate(paper.date) : 'no date'}</span>
        {paper.category ? <span className={cls('category')}> · {paper.category}</span> : null}
      </span>
      <span className="muted">
        {plural(paper.tags.length, 'tag')}
        {paper.hasNote ? ', a note' : ''}
        {paper.status !== 'unread' ? `, ${paper.status}` : ''}
      </span>
    </label>
  );
}
