// The search index on disk: a cache, so the index is read in well under a second instead of tokenizing
// every abstract again at each start (~8-12 s of background CPU at 100k papers on a 2-core machine).
//
// It is only a cache. It lives outside the library folder (the library stays byte-identical whatever the
// index does), every problem with it — missing, another format, another library state, a damaged byte —
// means "build the index from the papers", never an error the user sees, and deleting it loses nothing.
//
// Layout (little-endian, as every platform Folio ships on):
//   "FOLIOIX\n"  uint32 header length  uint32 header CRC-32  header (JSON, UTF-8)  padding to 8  sections
// The header says which library state the index reflects (`key`, chosen by the caller), lists the sections
// (typed arrays and the '\n'-joined vocabulary, each 8-aligned) and carries a CRC-32 of the sections. Typed arrays
// are used in place on the file's buffer when it is aligned, so reading costs I/O plus one CRC pass.
import { open, readFile, rename, rm } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { yieldToEventLoop } from '../slices.js';
import type { EngineSnapshot } from './engine.js';
import type { TextIndexSnapshot } from './text-index.js';

/** Bump when the tokenizer, field bits, scoring layout or this file layout change: old files are then ignored. */
export const INDEX_FILE_FORMAT = 1;
const MAGIC = Buffer.from('FOLIOIX\n', 'latin1');
/** Where the header starts: after the magic, its length and its CRC. */
const HEADER_AT = MAGIC.length + 8;
/** CRC and copies run in chunks of this size, yielding between them: a 100 MB file never blocks for long. */
const CHUNK = 8 << 20;

type ArrayKind = 'i32' | 'u16' | 'u8';
type TypedArray = Int32Array | Uint16Array | Uint8Array;
/** The typed-array sections, in file order, with the element type each must have. */
const ARRAY_KINDS = {
  termHash: 'i32',
  table: 'i32',
  offsets: 'i32',
  postSlot: 'i32',
  postInfo: 'u16',
  deltaTerm: 'i32',
  deltaSlot: 'i32',
  deltaInfo: 'u16',
  sortedIds: 'i32',
  sortedLcp: 'u8',
  unsortedIds: 'i32',
  userHash: 'i32',
} as const satisfies Record<string, ArrayKind>;
type ArrayName = keyof typeof ARRAY_KINDS;
const ARRAY_NAMES = Object.keys(ARRAY_KINDS) as ArrayName[];

interface Section {
  name: ArrayName | 'terms';
  kind: ArrayKind | 'text';
  /** Byte offset from the start of the body (the first section). */
  offset: number;
  byteLength: number;
}

interface Header {
  format: number;
  key: string;
  littleEndian: true;
  blockTerms: number;
  slotCount: number;
  termCount: number;
  slotIds: Array<string | null>;
  sections: Section[];
  bodyBytes: number;
  crc: number;
  writtenAt: string;
}

export type IndexFileRead = { ok: true; snapshot: EngineSnapshot } | { ok: false; reason: string };

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const pad8 = (n: number): number => (n + 7) & ~7;

function kindOf(array: TypedArray): ArrayKind {
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint16Array) return 'u16';
  return 'u8';
}

function arraysOf(snapshot: EngineSnapshot): Record<ArrayName, TypedArray> {
  const t = snapshot.text;
  return {
    termHash: t.termHash,
    table: t.table,
    offsets: t.offsets,
    postSlot: t.postSlot,
    postInfo: t.postInfo,
    deltaTerm: t.deltaTerm,
    deltaSlot: t.deltaSlot,
    deltaInfo: t.deltaInfo,
    sortedIds: t.sortedIds,
    sortedLcp: t.sortedLcp,
    unsortedIds: t.unsortedIds,
    userHash: snapshot.userHash,
  };
}

async function chunkedCrc(parts: readonly Uint8Array[]): Promise<number> {
  let crc = 0;
  for (const part of parts) {
    for (let at = 0; at < part.length; at += CHUNK) {
      crc = crc32(part.subarray(at, Math.min(part.length, at + CHUNK)), crc);
      await yieldToEventLoop();
    }
  }
  return crc;
}

/**
 * Writes `snapshot` for `key` to `file` atomically (temp file, then rename): a reader sees the old file or
 * the new one, never a mix. The snapshot's typed arrays are read after awaits, so the caller passes a
 * snapshot whose arrays no edit mutates in place (SearchEngine.snapshot copies the ones that could be).
 */
export async function writeIndexFile(file: string, key: string, snapshot: EngineSnapshot, now: Date = new Date()): Promise<number> {
  if (!isLittleEndian) throw new Error('The search index file is little-endian only.');
  const terms = Buffer.from(snapshot.text.terms.join('\n'), 'utf8');
  const arrays = arraysOf(snapshot);
  const sections: Section[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  const add = (name: Section['name'], kind: Section['kind'], bytes: Uint8Array): void => {
    sections.push({ name, kind, offset, byteLength: bytes.byteLength });
    parts.push(bytes);
    const padded = pad8(bytes.byteLength);
    if (padded > bytes.byteLength) parts.push(new Uint8Array(padded - bytes.byteLength));
    offset += padded;
  };
  add('terms', 'text', terms);
  for (const name of ARRAY_NAMES) {
    const array = arrays[name];
    add(name, kindOf(array), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  const header: Header = {
    format: INDEX_FILE_FORMAT,
    key,
    littleEndian: true,
    blockTerms: snapshot.text.blockTerms,
    slotCount: snapshot.text.slotCount,
    termCount: snapshot.text.terms.length,
    slotIds: snapshot.slotIds,
    sections,
    bodyBytes: offset,
    crc: await chunkedCrc(parts),
    writtenAt: now.toISOString(),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(pad8(HEADER_AT + headerBytes.length));
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  prefix.writeUInt32LE(crc32(headerBytes), MAGIC.length + 4);
  headerBytes.copy(prefix, HEADER_AT);

  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const handle = await open(tmp, 'w');
  try {
    await handle.write(prefix);
    for (const part of parts) if (part.byteLength > 0) await handle.write(part);
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return prefix.length + offset;
}

/** Reads the index in `file` if it is intact and was written for `key`; otherwise says why not. */
export async function readIndexFile(file: string, key: string): Promise<IndexFileRead> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no index file yet' : `unreadable (${code ?? String(error)})` };
  }
  return decodeIndexFile(buffer, key);
}

export async function decodeIndexFile(buffer: Buffer, key: string): Promise<IndexFileRead> {
  if (!isLittleEndian) return { ok: false, reason: 'big-endian platform' };
  if (buffer.length < HEADER_AT || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, reason: 'not a Folio index file' };
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  const bodyStart = pad8(HEADER_AT + headerLength);
  if (bodyStart > buffer.length) return { ok: false, reason: 'truncated header' };
  const headerBytes = buffer.subarray(HEADER_AT, HEADER_AT + headerLength);
  if (crc32(headerBytes) !== buffer.readUInt32LE(MAGIC.length + 4)) return { ok: false, reason: 'damaged header (checksum)' };
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Header;
  } catch {
    return { ok: false, reason: 'damaged header' };
  }
  if (header.format !== INDEX_FILE_FORMAT) return { ok: false, reason: `format ${String(header.format)}, not ${INDEX_FILE_FORMAT}` };
  if (header.key !== key) return { ok: false, reason: 'written for another state of the library' };
  if (!Array.isArray(header.sections) || !Array.isArray(header.slotIds) || header.slotIds.length !== header.slotCount) {
    return { ok: false, reason: 'damaged header' };
  }
  if (buffer.length !== bodyStart + header.bodyBytes) return { ok: false, reason: 'truncated or padded file' };
  await yieldToEventLoop(); // the header (100k paper ids at 100k papers) took its own ~30 ms: let IPC in
  // Typed arrays need aligned offsets; a file buffer normally starts its own ArrayBuffer, else copy once.
  const body =
    (buffer.byteOffset + bodyStart) % 8 === 0
      ? new Uint8Array(buffer.buffer, buffer.byteOffset + bodyStart, header.bodyBytes)
      : new Uint8Array(buffer.subarray(bodyStart));
  if ((await chunkedCrc([body])) !== header.crc) return { ok: false, reason: 'checksum mismatch (damaged file)' };

  const arrays: Partial<Record<ArrayName, TypedArray>> = {};
  let terms: string[] | null = null;
  for (const section of header.sections) {
    if (section.offset % 8 !== 0 || section.offset < 0 || section.offset + section.byteLength > body.length) {
      return { ok: false, reason: `section ${section.name} out of bounds` };
    }
    const at = body.byteOffset + section.offset;
    switch (section.kind) {
      case 'text':
        terms = section.byteLength === 0 ? [] : Buffer.from(body.buffer, at, section.byteLength).toString('utf8').split('\n');
        break;
      case 'i32':
        if (section.byteLength % 4 !== 0) return { ok: false, reason: `section ${section.name} misaligned` };
        arrays[section.name as ArrayName] = new Int32Array(body.buffer, at, section.byteLength / 4);
        break;
      case 'u16':
        if (section.byteLength % 2 !== 0) return { ok: false, reason: `section ${section.name} misaligned` };
        arrays[section.name as ArrayName] = new Uint16Array(body.buffer, at, section.byteLength / 2);
        break;
      case 'u8':
        arrays[section.name as ArrayName] = new Uint8Array(body.buffer, at, section.byteLength);
        break;
      default:
        return { ok: false, reason: `unknown section kind ${String(section.kind)}` };
    }
  }
  for (const name of ARRAY_NAMES) {
    const array = arrays[name];
    if (array === undefined || kindOf(array) !== ARRAY_KINDS[name]) return { ok: false, reason: `section ${name} missing` };
  }
  if (terms === null || terms.length !== header.termCount) return { ok: false, reason: 'vocabulary missing' };
  await yieldToEventLoop();
  const a = arrays as Record<ArrayName, TypedArray>;
  const text: TextIndexSnapshot = {
    terms,
    termHash: a.termHash as Int32Array,
    table: a.table as Int32Array,
    blockTerms: header.blockTerms,
    offsets: a.offsets as Int32Array,
    postSlot: a.postSlot as Int32Array,
    postInfo: a.postInfo as Uint16Array,
    deltaTerm: a.deltaTerm as Int32Array,
    deltaSlot: a.deltaSlot as Int32Array,
    deltaInfo: a.deltaInfo as Uint16Array,
    sortedIds: a.sortedIds as Int32Array,
    sortedLcp: a.sortedLcp as Uint8Array,
    unsortedIds: a.unsortedIds as Int32Array,
    slotCount: header.slotCount,
  };
  const consistent =
    text.termHash.length === terms.length &&
    text.offsets.length === text.blockTerms + 1 &&
    text.blockTerms <= terms.length &&
    text.postSlot.length === text.postInfo.length &&
    (text.offsets[text.blockTerms] as number) === text.postSlot.length &&
    text.deltaTerm.length === text.deltaSlot.length &&
    text.deltaSlot.length === text.deltaInfo.length &&
    text.sortedIds.length === text.sortedLcp.length &&
    (a.userHash as Int32Array).length === header.slotCount;
  if (!consistent) return { ok: false, reason: 'inconsistent sections' };
  return { ok: true, snapshot: { text, slotIds: header.slotIds, userHash: a.userHash as Int32Array } };
}
