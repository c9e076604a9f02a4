// Which files are imported as text and which are refused with one line: the rule a dropped file (renderer) and a
// file chosen in File ▸ Import File… (main) both go through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_IMPORT_FILE_BYTES, readImportFile, type ByteReader } from '../../electron/shared/import-file.js';
import { rng } from '../helpers/rng.js';

const bytesOf = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));

const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? [...le] : [...le].map((_, i) => le[i ^ 1] as number);
  return Uint8Array.from(endian === 'le' ? [0xff, 0xfe, ...body] : [0xfe, 0xff, ...body]);
};

/** A reader over bytes in memory that records what was read. */
function memory(bytes: Uint8Array): ByteReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    head: async (count) => {
      reads.push(`head ${count}`);
      return bytes.subarray(0, count);
    },
    all: async () => {
      reads.push('all');
      return bytes;
    },
  };
}

const read = (name: string, bytes: Uint8Array) => readImportFile(name, bytes.length, memory(bytes));

describe('readImportFile', () => {
  const accepted: Array<{ name: string; bytes: Uint8Array; text: string }> = [
    { name: 'plain UTF-8', bytes: bytesOf('@article{k, title={Zoë}}\n'), text: '@article{k, title={Zoë}}\n' },
    { name: 'UTF-8 with a byte-order mark (dropped)', bytes: bytesOf([0xef, 0xbb, 0xbf], 'TY  - JOUR\r\n'), text: 'TY  - JOUR\r\n' },
    { name: 'UTF-16LE with its mark (Notepad "Unicode")', bytes: utf16('Inès Duclos-Varga\n', 'le'), text: 'Inès Duclos-Varga\n' },
    { name: 'UTF-16BE with its mark', bytes: utf16('陈静怡\n', 'be'), text: '陈静怡\n' },
    { name: 'Windows-1252 (an older .bib): accents kept', bytes: bytesOf('title = {Caf', [0xe9], ' na', [0xef], 've}'), text: 'title = {Café naïve}' },
    { name: 'tabs, CR, LF and form feeds are text', bytes: bytesOf('\tAll\tSince 2020\r\n\f'), text: '\tAll\tSince 2020\r\n\f' },
    { name: 'an empty file (the core then says it is empty)', bytes: new Uint8Array(), text: '' },
    {
      name: 'a multi-byte character cut by the sniffed head',
      bytes: bytesOf('x'.repeat(7999), 'é and more'),
      text: `${'x'.repeat(7999)}é and more`,
    },
  ];
  for (const { name, bytes, text } of accepted) {
    it(`accepts ${name}`, async () => {
      assert.deepEqual(await read('in.txt', bytes), { ok: true, file: { name: 'in.txt', text } });
    });
  }

  const binary: Array<{ name: string; bytes: Uint8Array }> = [
    { name: 'a PNG', bytes: bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], 'IHDR') },
    { name: 'a PDF with a compressed stream', bytes: bytesOf('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\nstream\n', [0x78, 0x9c, 0x00, 0x01]) },
    { name: 'a zip (.docx)', bytes: bytesOf([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) },
    { name: 'control characters without a NUL', bytes: bytesOf([0x01, 0x02, 0x03, 0x1b, 0x7f], 'abc', [0x05, 0x06, 0x10, 0x11]) },
  ];
  for (const { name, bytes } of binary) {
    it(`refuses ${name} as not text, without reading the whole file`, async () => {
      const reader = memory(bytes);
      assert.deepEqual(await readImportFile('scan.pdf', bytes.length, reader), { ok: false, refusal: 'scan.pdf is not imported: it is not a text file.' });
      assert.deepEqual(reader.reads, ['head 8000']);
    });
  }

  it('refuses 200 seeded random binaries that hold no NUL byte', async () => {
    const next = rng(9);
    for (let trial = 0; trial < 200; trial++) {
      const bytes = Uint8Array.from({ length: 64 + Math.floor(next() * 4000) }, () => 1 + Math.floor(next() * 255));
      const reading = await read(`blob-${trial}.bin`, bytes);
      assert.equal(reading.ok, false, `trial ${trial}`);
    }
  });

  it('refuses a file larger than an import call takes, by its size alone', async () => {
    const reader = memory(new Uint8Array());
    const reading = await readImportFile('huge.bib', MAX_IMPORT_FILE_BYTES + 1, reader);
    assert.deepEqual(reading, { ok: false, refusal: 'huge.bib is not imported: it is 19.1 MB, and Folio imports files up to 19.1 MB.' });
    assert.deepEqual(reader.reads, []);
    assert.equal((await readImportFile('edge.bib', MAX_IMPORT_FILE_BYTES, memory(bytesOf('@misc{k}')))).ok, true);
  });

  it('says in one line why a file could not be read', async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/x/locked.ris'"), { code: 'EACCES' });
    const reading = await readImportFile('locked.ris', 10, { head: () => Promise.reject(denied), all: () => Promise.reject(denied) });
    assert.deepEqual(reading, { ok: false, refusal: "locked.ris could not be read: EACCES: permission denied, open '/x/locked.ris'" });
  });
});
