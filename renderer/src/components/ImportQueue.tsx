// The files (and paste) the import dialog works through, each with what became of it: imported (what it did),
// skipped, the one whose preview is shown (what it was read as), or waiting its turn.
import { itemName, type ImportItem } from '../lib/import-queue.js';

interface Props {
  items: readonly ImportItem[];
  currentKey: number | undefined;
  /** What the current item's preview says it is ("BibTeX file library.bib · 10 papers"), or its state. */
  currentStatus: string;
}

export function ImportQueue({ items, currentKey, currentStatus }: Props) {
  return (
    <ol className="import-queue" aria-label="Files to import">
      {items.map((item) => {
        const isCurrent = item.key === currentKey;
        return (
          <li key={item.key} className={`import-queue-item${isCurrent ? ' current' : ''}`} aria-current={isCurrent ? 'step' : undefined}>
            <span className="import-queue-name">{itemName(item)}</span>
            <span className="import-queue-status">{isCurrent ? currentStatus : statusOf(item)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function statusOf(item: ImportItem): string {
  const { outcome } = item;
  if (outcome === null) return 'Waiting';
  if (outcome.kind === 'imported') return outcome.summary;
  return outcome.source === null ? 'Skipped' : `Skipped (${outcome.source})`;
}
