// Reading status as a segmented control built from native radios (arrow keys work out of the box).
import { READING_STATUSES, type ReadingStatus } from '../../../electron/core/model.js';

const LABEL: Record<ReadingStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

export function StatusControl({ paperId, status, onChange }: { paperId: string; status: ReadingStatus; onChange: (status: ReadingStatus) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Reading status">
      {READING_STATUSES.map((value) => (
        <label key={value} className={`segment${value === status ? ' checked' : ''}`}>
          <input
            type="radio"
            name={`status-${paperId}`}
            value={value}
            checked={value === status}
            onChange={() => onChange(value)}
          />
          <span className={`status-mark ${value}`} aria-hidden="true" />
          {LABEL[value]}
        </label>
      ))}
    </div>
  );
}
