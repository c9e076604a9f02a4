// The detail pane while several papers are selected: "N papers selected" and the bulk actions (tags, status, export,
// Trash; in the Trash: restore), each one undoable step.
import { forwardRef, useState } from 'react';
import type { TagSummary } from '../../../electron/core/api.js';
import { READING_STATUSES } from '../../../electron/core/model.js';
import type { BulkActions } from '../hooks/useBulkActions.js';
import { formatNumber } from '../lib/format.js';
import { TagEditor } from './TagEditor.js';

interface Props {
  count: number;
  inTrash: boolean;
  allTags: readonly TagSummary[];
  actions: BulkActions;
  onExport: () => void;
  onEmptyTrash: () => void;
  onClear: () => void;
}

const STATUS_LABEL = { unread: 'Unread', reading: 'Reading', read: 'Read' } as const;
const NO_TAGS: readonly string[] = [];

export const SelectionPane = forwardRef<HTMLElement, Props>(function SelectionPane({ count, inTrash, allTags, actions, onExport, onEmptyTrash, onClear }, ref) {
  const [untag, setUntag] = useState('');
  const heading = `${formatNumber(count)} papers selected`;
  return (
    <section ref={ref} className="detail-pane selection-pane" aria-label="Selection" tabIndex={-1}>
      <h2 className="detail-title">{heading}</h2>
      {inTrash ? (
        <div className="selection-actions">
          <p className="muted">These papers are in the Trash.</p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={actions.restore}>
              Restore {formatNumber(count)} papers
            </button>
            <button type="button" className="button" onClick={onExport}>
              Export…
            </button>
            <button type="button" className="button danger" onClick={onEmptyTrash}>
              Empty Trash…
            </button>
          </div>
        </div>
      ) : (
        <div className="selection-actions">
          <div className="field">
            <span className="field-label">Add a tag to all</span>
            <TagEditor tags={NO_TAGS} allTags={allTags} onAdd={(tag) => actions.tag({ add: [tag] })} onRemove={() => undefined} onFilter={() => undefined} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="selection-untag">
              Remove a tag from all
            </label>
            <div className="button-row">
              <select id="selection-untag" aria-label="Tag to remove" value={untag} onChange={(event) => setUntag(event.target.value)}>
                <option value="">Choose a tag…</option>
                {allTags.map((tag) => (
                  <option key={tag.name} value={tag.name}>
                    {tag.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                disabled={!untag}
                onClick={() => {
                  actions.tag({ remove: [untag] });
                  setUntag('');
                }}
              >
                Remove tag
              </button>
            </div>
          </div>
          <div className="field">
            <span className="field-label" id="selection-status">Set the status of all</span>
            <div className="button-row" role="group" aria-labelledby="selection-status">
              {READING_STATUSES.map((status) => (
                <button key={status} type="button" className="button" onClick={() => actions.setStatus(status)}>
                  <span className={`status-mark ${status}`} aria-hidden="true" /> {STATUS_LABEL[status]}
                </button>
              ))}
            </div>
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={onExport}>
              Export…
            </button>
            <button type="button" className="button danger" onClick={actions.trash}>
              Move to Trash
            </button>
          </div>
          <p className="muted">Keys 1–9 toggle their tags on all {formatNumber(count)} papers.</p>
        </div>
      )}
      <button type="button" className="link-button" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
});
