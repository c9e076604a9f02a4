import type { ReadingStatus } from '../../../electron/core/model.js';

const LABEL: Record<ReadingStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

/** The small reading-status glyph: filled dot = unread, half = reading, hollow check = read. */
export function StatusMark({ status }: { status: ReadingStatus }) {
  return <span className={`status-mark ${status}`} title={LABEL[status]} aria-hidden="true" />;
}
