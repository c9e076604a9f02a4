// The ways into an import besides the dialog's own field: pasted or sample text, files dropped on the window or
// chosen in File ▸ Import File… (the readable ones go to the import dialog, a line for each other one).
import { useCallback } from 'react';
import { readDroppedFiles, type DroppedFiles } from '../lib/dropped-files.js';
import { errorMessage, getFolio } from '../lib/folio.js';
import { requestImport } from '../lib/import-requests.js';
import { useFileDrop } from './useFileDrop.js';
import { useToasts } from './useToasts.js';

export function useImportEntry() {
  const toasts = useToasts();
  const openImport = useCallback((text = '') => requestImport({ kind: 'text', text }), []);

  const takeFiles = useCallback(
    ({ files, refused }: DroppedFiles) => {
      for (const line of refused) toasts.show(line, { kind: 'error' });
      if (files.length > 0) requestImport({ kind: 'files', files });
    },
    [toasts],
  );
  const isDraggingFiles = useFileDrop((files) => {
    readDroppedFiles(files).then(takeFiles, (err: unknown) => toasts.show(`Could not read the dropped files: ${errorMessage(err)}`, { kind: 'error' }));
  });

  const trySample = useCallback(() => {
    getFolio()
      .sampleProfile()
      .then(
        (text) => openImport(text),
        (err: unknown) => toasts.show(`Could not load the sample profile: ${errorMessage(err)}`, { kind: 'error' }),
      );
  }, [openImport, toasts]);

  return { openImport, takeFiles, isDraggingFiles, trySample };
}
