// The export formats, said once: the CLI's --format, the API's validator, File ▸ Export… in main and the
// renderer's export dialog all read this table (pure, so the renderer bundles it).

export const EXPORT_FORMAT_IDS = ['bibtex', 'ris', 'csl-json', 'markdown', 'json'] as const;

export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number];

export interface ExportFormatInfo {
  label: string;
  /** What a person picks it for, after the label in the export dialog. */
  purpose: string;
  /** Without the dot; CSL-JSON gets a compound name so it is not mistaken for a Folio backup. */
  extension: string;
  /** What a save dialog's file-type filter lists (the last part of `extension`). */
  filterExtension: string;
  mime: string;
}

export const EXPORT_FORMATS = {
  bibtex: { label: 'BibTeX', purpose: 'LaTeX, Zotero, JabRef', extension: 'bib', filterExtension: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', purpose: 'EndNote, Mendeley, Zotero', extension: 'ris', filterExtension: 'ris', mime: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', purpose: 'Pandoc, citeproc, Zotero', extension: 'csl.json', filterExtension: 'json', mime: 'application/json' },
  markdown: { label: 'Markdown notes', purpose: 'papers with your notes, one readable file', extension: 'md', filterExtension: 'md', mime: 'text/markdown' },
  json: { label: 'Folio JSON backup', purpose: 'everything, with notes and tags; restores a Folio library', extension: 'json', filterExtension: 'json', mime: 'application/json' },
} as const satisfies Record<ExportFormat, ExportFormatInfo>;

export function isExportFormat(value: unknown): value is ExportFormat {
  return (EXPORT_FORMAT_IDS as readonly unknown[]).includes(value);
}

/** `stem` with the format's extension: "folio-library-2025-03-09.bib". */
export function exportFileName(format: ExportFormat, stem: string): string {
  return `${stem}.${EXPORT_FORMATS[format].extension}`;
}
