// File ▸ Export…: pick a format, pick a file, ask the core for the text, write it. Main does the writing
// so the renderer never needs file-system access.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { FolioApi } from '../core/api.js';
import { errorMessage } from '../core/library/errors.js';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportFileName, type ExportFormat, type ExportFormatInfo } from '../core/export/formats.js';

export interface ExportChoice extends ExportFormatInfo {
  format: ExportFormat;
}

/** The formats as the dialog offers them, in the table's order. */
export const EXPORT_CHOICES: readonly ExportChoice[] = EXPORT_FORMAT_IDS.map((format) => ({ format, ...EXPORT_FORMATS[format] }));

/** e.g. "folio-library-2025-03-09.bib". */
export function defaultExportName(choice: ExportChoice, now: Date): string {
  return exportFileName(choice.format, `folio-library-${now.toISOString().slice(0, 10)}`);
}

export interface ExportDialogs {
  /** Resolves null when the user cancels. */
  chooseFormat(formats: readonly ExportChoice[]): Promise<ExportChoice | null>;
  chooseFile(info: ExportChoice, defaultPath: string): Promise<string | null>;
  showError(title: string, message: string): void;
}

export interface ExportDeps {
  dialogs: ExportDialogs;
  core: Pick<FolioApi, 'exportLibrary'>;
  defaultDir: string;
  now?: () => Date;
  write?: (file: string, text: string) => Promise<void>;
}

/** Runs the whole export; returns the written path, or null when cancelled or failed (after saying so). */
export async function exportLibraryToFile(deps: ExportDeps): Promise<string | null> {
  const info = await deps.dialogs.chooseFormat(EXPORT_CHOICES);
  if (!info) return null;
  const file = await deps.dialogs.chooseFile(info, path.join(deps.defaultDir, defaultExportName(info, (deps.now ?? (() => new Date()))())));
  if (!file) return null;
  try {
    const text = await deps.core.exportLibrary(info.format);
    await (deps.write ?? ((target, content) => writeFile(target, content, 'utf8')))(file, text);
    return file;
  } catch (error) {
    deps.dialogs.showError('Export failed', `Folio could not export to ${file}.\n\n${errorMessage(error)}`);
    return null;
  }
}

/** The real dialogs, as sheets on the window when there is one. */
export function electronExportDialogs(dialog: Dialog, getWindow: () => BrowserWindow | null): ExportDialogs {
  return {
    async chooseFormat(formats) {
      const buttons = [...formats.map((f) => f.label), 'Cancel'];
      const options = {
        type: 'question' as const,
        title: 'Export Library',
        message: 'Export the library as…',
        detail: 'BibTeX, RIS and CSL-JSON are for other reference managers; the JSON backup can restore a Folio library.',
        buttons,
        defaultId: 0,
        cancelId: formats.length,
        noLink: true,
      };
      const win = getWindow();
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return formats[response] ?? null;
    },
    async chooseFile(info, defaultPath) {
      const options = {
        title: `Export as ${info.label}`,
        defaultPath,
        filters: [
          { name: info.label, extensions: [info.filterExtension] },
          { name: 'All Files', extensions: ['*'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
      };
      const win = getWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    showError(title, message) {
      dialog.showErrorBox(title, message);
    },
  };
}
