// The detail pane's edit form: the paper's fields as the user corrects them; Save sends one undoable edit of only what
// changed; the fields already corrected say so and can be reverted to the imported value one by one.
import { useId, useRef, useState, useEffect } from 'react';
import type { PaperDetail } from '../../../electron/core/api.js';
import { EDITABLE_FIELDS, type EditableField } from '../../../electron/core/model.js';
import { FIELD_LABELS, editOf, formOf, formProblems, type EditForm } from '../lib/paper-edit.js';

interface Props {
  paper: PaperDetail;
  onSave: (edit: NonNullable<ReturnType<typeof editOf>>) => void;
  onRevert: (field: EditableField) => void;
  onCancel: () => void;
}

const MULTILINE: ReadonlySet<EditableField> = new Set(['authors', 'abstract']);

export function EditPaperForm({ paper, onSave, onRevert, onCancel }: Props) {
  const [form, setForm] = useState<EditForm>(() => formOf(paper));
  const [problems, setProblems] = useState<string[]>([]);
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const save = () => {
    const found = formProblems(form);
    setProblems(found);
    if (found.length > 0) return;
    const edit = editOf(paper, form);
    if (edit) onSave(edit);
    else onCancel();
  };

  return (
    <form
      className="edit-paper"
      aria-label="Edit paper"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {EDITABLE_FIELDS.map((field) => {
        const inputId = `${id}-${field}`;
        const edited = paper.editedFields.includes(field);
        const common = {
          id: inputId,
          value: form[field],
          onChange: (event: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: event.target.value })),
        };
        return (
          <div key={field} className="edit-field">
            <label htmlFor={inputId} className="field-label">
              {FIELD_LABELS[field]}
              {field === 'authors' ? <span className="muted"> (one per line)</span> : null}
            </label>
            {edited ? <EditedMark paper={paper} field={field} onRevert={() => onRevert(field)} /> : null}
            {MULTILINE.has(field) ? (
              <textarea {...common} rows={field === 'abstract' ? 6 : Math.min(8, Math.max(2, paper.authors.length))} />
            ) : (
              <input {...common} ref={field === 'title' ? firstRef : undefined} type="text" placeholder={field === 'date' ? '2024-07-31' : undefined} />
            )}
          </div>
        );
      })}
      {problems.length > 0 ? (
        <ul className="error-text" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save
        </button>
      </div>
    </form>
  );
}

/** "edited", with the imported value on hover and focus, and the button that brings it back. */
export function EditedMark({ paper, field, onRevert }: { paper: PaperDetail; field: EditableField; onRevert: () => void }) {
  const imported = importedText(paper, field);
  return (
    <span className="edited-mark">
      <span className="edited-badge" tabIndex={0} title={`Imported: ${imported}`} aria-label={`${FIELD_LABELS[field]} edited; imported: ${imported}`}>
        edited
      </span>
      <button type="button" className="link-button" onClick={onRevert}>
        Revert {FIELD_LABELS[field]}
      </button>
    </span>
  );
}

function importedText(paper: PaperDetail, field: EditableField): string {
  const value = paper.importedValues[field];
  if (value === undefined || value === null || value === '') return '(none)';
  return Array.isArray(value) ? value.join('; ') : String(value);
}
