// The selected paper: everything about it, plus the user's tags, reading status and note; its fields' edit form.
import { forwardRef, memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { TagSummary } from '../../../electron/core/api.js';
import type { EditableField, ReadingStatus } from '../../../electron/core/model.js';
import { usePaper } from '../hooks/usePaper.js';
import { useToasts } from '../hooks/useToasts.js';
import { isTextField } from '../lib/dom.js';
import { errorMessage, getFolio, isNotSaved } from '../lib/folio.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { itemRanges, splitParagraphs } from '../lib/highlight.js';
import type { FilterKey } from '../lib/searchSyntax.js';
import { AuthorList } from './AuthorList.js';
import { EditPaperForm, EditedMark } from './EditPaperForm.js';
import { Highlighted } from './Highlighted.js';
import { NoteEditor } from './NoteEditor.js';
import { StatusControl } from './StatusControl.js';
import { TagEditor } from './TagEditor.js';

interface Props {
  paperId: string | null;
  highlight: string;
  allTags: readonly TagSummary[];
  onFilter: (key: FilterKey, value: string) => void;
  /** Esc outside a text field: back to the list. */
  onEscape: () => void;
  /** No papers at all: the list explains how to import, so this pane stays quiet. */
  isLibraryEmpty?: boolean;
  /** Changes when the context menu's "Edit…" asks for the edit form. */
  editRequest?: number;
  /** The core's undo (every toast's Undo). */
  undo: () => void;
}

/** Memoized: typing re-renders App; the pane follows only when its paper or the (debounced) query changes. */
export const DetailPane = memo(
  forwardRef<HTMLElement, Props>(function DetailPane({ paperId, highlight, allTags, onFilter, onEscape, isLibraryEmpty = false, editRequest = 0, undo }, ref) {
  const { paper, loading, error, patch } = usePaper(paperId, highlight);
  const toasts = useToasts();
  const [editing, setEditing] = useState(false);
  // Another paper: its own form, closed; "Edit…" from the context menu: open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: paperId is the trigger, not an input
  useEffect(() => setEditing(false), [paperId]);
  const lastRequest = useRef(editRequest);
  useEffect(() => {
    if (editRequest !== lastRequest.current) setEditing(true);
    lastRequest.current = editRequest;
  }, [editRequest]);

  const edit = useCallback(
    (change: Parameters<ReturnType<typeof getFolio>['editPaper']>[1], done: string) => {
      if (!paper) return;
      getFolio()
        .editPaper(paper.id, change)
        .then(
          () => {
            setEditing(false);
            toasts.show(done, { action: { label: 'Undo', run: undo } });
          },
          (err: unknown) => toasts.show(`Could not save the edit: ${errorMessage(err)}`, { kind: 'error' }),
        );
    },
    [paper, toasts, undo],
  );
  const revert = useCallback((field: EditableField) => edit({ unset: [field] }, `Reverted the ${field} to the imported one`), [edit]);

  const restore = useCallback(() => {
    if (!paper) return;
    getFolio()
      .restoreSelection({ ids: [paper.id] })
      .then(
        (result) => toasts.show(result.done, { action: { label: 'Undo', run: undo } }),
        (err: unknown) => toasts.show(`Could not restore: ${errorMessage(err)}`, { kind: 'error' }),
      );
  }, [paper, toasts, undo]);

  const setStatus = useCallback(
    (status: ReadingStatus) => {
      if (!paper) return;
      const before = paper.status;
      patch({ status });
      getFolio()
        .setStatus(paper.id, status)
        .catch((err: unknown) => {
          if (isNotSaved(err)) return; // kept and retried by the core; the save banner says so
          patch({ status: before });
          toasts.show(`Could not change the status: ${errorMessage(err)}`, { kind: 'error' });
        });
    },
    [paper, patch, toasts],
  );

  const addTag = useCallback(
    (tag: string) => {
      if (!paper) return;
      const next = [...paper.tags, tag];
      patch({ tags: next });
      getFolio()
        .setTags(paper.id, next)
        .catch((err: unknown) => {
          if (isNotSaved(err)) return;
          patch({ tags: paper.tags });
          toasts.show(`Could not add “${tag}”: ${errorMessage(err)}`, { kind: 'error' });
        });
    },
    [paper, patch, toasts],
  );

  const removeTag = useCallback(
    (tag: string) => {
      if (!paper) return;
      const id = paper.id;
      const next = paper.tags.filter((t) => t !== tag);
      patch({ tags: next });
      getFolio()
        .setTags(id, next)
        .then(
          () => toasts.show(`Removed tag “${tag}”`, { action: { label: 'Undo', run: undo } }),
          (err: unknown) => {
            if (isNotSaved(err)) return;
            patch({ tags: paper.tags });
            toasts.show(`Could not remove “${tag}”: ${errorMessage(err)}`, { kind: 'error' });
          },
        );
    },
    [paper, patch, toasts, undo],
  );

  let body: ReactNode;
  if (!paperId) {
    body = isLibraryEmpty ? null : <p className="detail-empty">Select a paper to see its details.</p>;
  } else if (error) {
    body = <p className="detail-empty">This paper could not be opened: {error}</p>;
  } else if (!paper) {
    body = loading ? <p className="detail-empty" aria-busy="true">Loading…</p> : null;
  } else {
    const m = paper.matches;
    const paragraphs = splitParagraphs(paper.abstract, m?.abstract);
    const mark = (field: EditableField) => (paper.editedFields.includes(field) ? <EditedMark paper={paper} field={field} onRevert={() => revert(field)} /> : null);
    body = editing ? (
      <article className="detail" aria-label="Edit paper">
        <h2 className="detail-title">Edit paper</h2>
        <EditPaperForm paper={paper} onSave={(change) => edit(change, 'Saved your edit')} onRevert={revert} onCancel={() => setEditing(false)} />
      </article>
    ) : (
      <article className="detail" aria-labelledby="detail-title">
        {paper.trashedAt ? (
          <div className="trash-banner">
            <span role="status">In the Trash</span>
            <button type="button" className="button" onClick={restore}>
              Restore
            </button>
          </div>
        ) : null}
        <header className="detail-header">
          <div className="detail-meta-line">
            {paper.category ? <span className="category-badge">{paper.category}</span> : null}
            <time dateTime={paper.date}>{formatDate(paper.date)}</time>
            {paper.trashedAt ? null : (
              <button type="button" className="button small detail-edit" onClick={() => setEditing(true)}>
                Edit paper
              </button>
            )}
          </div>
          <h2 id="detail-title" className="detail-title">
            <Highlighted text={paper.title} ranges={m?.title} />
          </h2>
          {mark('title')}
          <AuthorList
            authors={paper.authors}
            render={(author, i) => <Highlighted text={author} ranges={itemRanges(m?.authors, i)} />}
            onPick={(author) => onFilter('author', author)}
            trailing={paper.authorsTruncated ? <span className="muted"> et al.</span> : null}
          />
          {mark('authors')}
          <PaperLinks paper={paper} mark={mark} />
          {paper.orgs.length > 0 ? (
            <p className="detail-orgs">
              {paper.orgs.map((org, i) => (
                <span key={`${i}-${org}`}>
                  {i > 0 ? ' · ' : ''}
                  <Highlighted text={org} ranges={itemRanges(m?.orgs, i)} />
                </span>
              ))}
            </p>
          ) : null}
          {paper.profiles.length > 0 ? (
            <p className="detail-profiles">
              Listed on{' '}
              {paper.profiles.map((profile, i) => (
                <span key={profile.id}>
                  {i > 0 ? ', ' : ''}
                  <button type="button" className="link-button" aria-label={`Filter by profile ${profile.name}`} title={`Show papers listed on ${profile.name}’s profile`} onClick={() => onFilter('profile', profile.name)}>
                    {profile.name}
                  </button>
                </span>
              ))}
            </p>
          ) : null}
        </header>

        <div className="detail-controls">
          <div className="field">
            <span className="field-label" aria-hidden="true">Status</span>
            <StatusControl paperId={paper.id} status={paper.status} onChange={setStatus} />
          </div>
          <div className="field">
            <span className="field-label" aria-hidden="true">Tags</span>
            <TagEditor tags={paper.tags} allTags={allTags} onAdd={addTag} onRemove={removeTag} onFilter={onFilter} />
          </div>
        </div>

        <section className="detail-section" aria-labelledby="abstract-heading">
          <h3 id="abstract-heading" className="section-heading">Abstract</h3>
          {mark('abstract')}
          {paragraphs.length === 0 ? (
            <p className="muted">The profile page showed no abstract.</p>
          ) : (
            paragraphs.map((p, i) => (
              <p key={i} className="abstract-paragraph">
                <Highlighted text={p.text} ranges={p.ranges} />
              </p>
            ))
          )}
        </section>

        <NoteEditor key={paper.id} paperId={paper.id} serverNote={paper.note} />

        <section className="detail-section detail-footer" aria-label="Provenance">
          <p className="muted">Added {formatDateTime(paper.addedAt)}</p>
        </section>
      </article>
    );
  }

  return (
    <section
      ref={ref}
      className="detail-pane"
      aria-label="Paper details"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && !isTextField(event.target)) {
          event.preventDefault();
          onEscape();
        }
      }}
    >
      {body}
    </section>
  );
}),
);

/** Venue, DOI and URL under the authors, each with its "edited" mark; the date and category marks go with them. */
function PaperLinks({ paper, mark }: { paper: { venue: string | null; doi: string | null; url: string | null; editedFields: EditableField[] }; mark: (field: EditableField) => ReactNode }) {
  const rows: Array<{ field: EditableField; label: string; value: string | null }> = [
    { field: 'venue', label: 'Venue', value: paper.venue },
    { field: 'doi', label: 'DOI', value: paper.doi },
    { field: 'url', label: 'URL', value: paper.url },
  ];
  const shown = rows.filter((row) => row.value || paper.editedFields.includes(row.field));
  const datesEdited = paper.editedFields.includes('date') || paper.editedFields.includes('category');
  if (shown.length === 0 && !datesEdited) return null;
  return (
    <dl className="detail-links">
      {shown.map((row) => (
        <div key={row.field} className="detail-link">
          <dt>{row.label}</dt>
          <dd>
            {row.value ?? <span className="muted">none</span>} {mark(row.field)}
          </dd>
        </div>
      ))}
      {datesEdited ? (
        <div className="detail-link">
          <dt>Date, category</dt>
          <dd>
            {mark('date')} {mark('category')}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
