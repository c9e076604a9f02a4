import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportFormat } from '../../electron/core/api.js';
import { defaultExportName, EXPORT_CHOICES, exportLibraryToFile, type ExportDialogs } from '../../electron/main/export-file.js';

const NOW = new Date('2025-03-09T12:00:00Z');

function run(choice: { format: ExportFormat | null; file: string | null }, exportText: () => Promise<string> = async () => '@article{…}') {
  const log: string[] = [];
  const written: Array<[string, string]> = [];
  const dialogs: ExportDialogs = {
    chooseFormat: async (formats) => formats.find((f) => f.format === choice.format) ?? null,
    chooseFile: async (info, defaultPath) => {
      log.push(`save ${info.label} ${defaultPath}`);
      return choice.file;
    },
    showError: (title, message) => void log.push(`error ${title}: ${message}`),
  };
  const result = exportLibraryToFile({
    dialogs,
    core: {
      exportLibrary: async (format) => {
        log.push(`export ${format}`);
        return exportText();
      },
    },
    defaultDir: '/home/ada/Documents',
    now: () => NOW,
    write: async (file, text) => void written.push([file, text]),
  });
  return { result, log, written };
}

describe('exportLibraryToFile', () => {
  it('offers exactly the contract formats', () => {
    assert.deepEqual(EXPORT_CHOICES.map((f) => f.format).sort(), ['bibtex', 'csl-json', 'json', 'markdown', 'ris']);
  });

  const names: Array<{ format: ExportFormat; expected: string }> = [
    { format: 'bibtex', expected: 'folio-library-2025-03-09.bib' },
    { format: 'ris', expected: 'folio-library-2025-03-09.ris' },
    { format: 'csl-json', expected: 'folio-library-2025-03-09.csl.json' },
    { format: 'markdown', expected: 'folio-library-2025-03-09.md' },
    { format: 'json', expected: 'folio-library-2025-03-09.json' },
  ];
  for (const { format, expected } of names) {
    it(`${format} defaults to ${expected}`, () => {
      assert.equal(defaultExportName(EXPORT_CHOICES.find((f) => f.format === format)!, NOW), expected);
    });
  }

  it('writes what the core exports, in the chosen format, to the chosen file', async () => {
    const { result, log, written } = run({ format: 'bibtex', file: '/tmp/refs.bib' });
    assert.equal(await result, '/tmp/refs.bib');
    assert.deepEqual(log, ['save BibTeX /home/ada/Documents/folio-library-2025-03-09.bib', 'export bibtex']);
    assert.deepEqual(written, [['/tmp/refs.bib', '@article{…}']]);
  });

  it('cancelling either dialog exports nothing', async () => {
    for (const choice of [{ format: null, file: '/tmp/x' }, { format: 'ris' as const, file: null }]) {
      const { result, log, written } = run(choice);
      assert.equal(await result, null);
      assert.ok(!log.some((line) => line.startsWith('export')));
      assert.deepEqual(written, []);
    }
  });

  it('a failing export is shown, not thrown', async () => {
    const { result, log, written } = run({ format: 'json', file: '/tmp/backup.json' }, async () => {
      throw new Error('library closed');
    });
    assert.equal(await result, null);
    assert.match(log.at(-1)!, /^error Export failed: Folio could not export to \/tmp\/backup.json\.\n\nlibrary closed$/);
    assert.deepEqual(written, []);
  });
});
