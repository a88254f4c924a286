/**
 * A prepared catalogue (prepare.ts) packed into one ArrayBuffer plus a small header:
 * - a worker hands it to the server's thread as a transfer (no copy, no structured clone of
 *   135,000 strings and a thousand arrays: that clone blocked the server's loop for 60-100 ms);
 * - the embedded catalogue is shipped packed (embedded/satcat-<date>.packed.gz, newest-rebuilt.ts
 *   writes it), so without credentials no worker runs at all: reading it is a file read and a
 *   gunzip on libuv's threads, then views over the bytes.
 * Columns and indices are typed arrays viewing the buffer; names and designators are UTF-8 with end
 * offsets (text-column.ts), decoded when read.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { DataIssue } from '../shared/contract.ts';
import type { FoundEvent } from './events.ts';
import type { ObjectOrders } from './objects.ts';
import type { CatalogueData } from './parse.ts';
import type { PreparedCatalogue } from './prepare.ts';
import type { CatalogueIndex } from './rule.ts';
import { packedTexts, packTexts } from './text-column.ts';

/** Bumped whenever the layout changes: a file of another version is not read. */
export const PACKED_VERSION = 1;

type Kind = 'i32' | 'u32' | 'u16' | 'u8';
type Column = Int32Array | Uint32Array | Uint16Array | Uint8Array;

export interface PackedHeader {
  version: number;
  date: string;
  codes: string[];
  leftOut: number;
  issues: DataIssue[];
  firstDay: number;
  lastDay: number;
  events: FoundEvent[];
  /** The kind and length of each column, in the order written (see columnsOf). */
  columns: [Kind, number][];
}

export interface PackedCatalogue {
  header: PackedHeader;
  /** Every column, each starting at a multiple of 8 bytes from `byteOffset` (0 unless said). */
  buffer: ArrayBuffer;
  byteOffset?: number;
}

const kindOf = (c: Column): Kind => (c instanceof Int32Array ? 'i32' : c instanceof Uint32Array ? 'u32' : c instanceof Uint16Array ? 'u16' : 'u8');
const align = (n: number) => (n + 7) & ~7;

/** The columns of a prepared catalogue in their fixed order: data, texts, index, cells, orders. */
function columnsOf({ index, orders }: PreparedCatalogue): Column[] {
  const { data } = index;
  const name = packTexts(data.name);
  const intlDes = packTexts(data.intlDes);
  const cells = [...index.cells, index.world].flatMap((byType) => byType.flatMap((cell) => [cell.counted, cell.decayed]));
  return [
    data.noradId, data.type, data.owner, data.launch, data.decay,
    name.ends, name.bytes, intlDes.ends, intlDes.bytes,
    index.cataloguedFrom, ...cells,
    orders.noradId, orders.name, orders.intlDes, orders.launch, orders.decay,
  ];
}

export function packCatalogue(prepared: PreparedCatalogue): PackedCatalogue {
  const { data, firstDay, lastDay } = prepared.index;
  const columns = columnsOf(prepared);
  const buffer = new ArrayBuffer(columns.reduce((size, c) => align(size) + c.byteLength, 0));
  const bytes = new Uint8Array(buffer);
  let at = 0;
  for (const c of columns) {
    at = align(at);
    bytes.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += c.byteLength;
  }
  const header: PackedHeader = {
    version: PACKED_VERSION,
    date: data.date,
    codes: data.codes,
    leftOut: data.leftOut,
    issues: data.issues,
    firstDay,
    lastDay,
    events: prepared.events,
    columns: columns.map((c) => [kindOf(c), c.length]),
  };
  return { header, buffer };
}

const VIEW_BYTES: Record<Kind, number> = { i32: 4, u32: 4, u16: 2, u8: 1 };
const VIEW: Record<Kind, (b: ArrayBuffer, at: number, n: number) => Column> = {
  i32: (b, at, n) => new Int32Array(b, at, n),
  u32: (b, at, n) => new Uint32Array(b, at, n),
  u16: (b, at, n) => new Uint16Array(b, at, n),
  u8: (b, at, n) => new Uint8Array(b, at, n),
};

/** The prepared catalogue over a packed one: views of its buffer, nothing copied. */
export function unpackCatalogue({ header, buffer, byteOffset = 0 }: PackedCatalogue): PreparedCatalogue {
  if (header.version !== PACKED_VERSION) throw new Error(`A packed catalogue of version ${header.version} cannot be read (this server reads version ${PACKED_VERSION}).`);
  if (byteOffset % 8 !== 0) throw new Error('A packed catalogue must start at a multiple of 8 bytes.');
  const size = header.columns.reduce((end, [kind, n]) => align(end) + n * VIEW_BYTES[kind], 0);
  if (byteOffset + size > buffer.byteLength) throw new Error('A packed catalogue is shorter than its header says.');
  let at = 0;
  const views = header.columns.map(([kind, n]) => {
    at = align(at);
    const view = VIEW[kind](buffer, byteOffset + at, n);
    at += view.byteLength;
    return view;
  });
  let next = 0;
  const take = <T extends Column>(kind: Kind): T => {
    const view = views[next++];
    if (!view || kindOf(view) !== kind) throw new Error('A packed catalogue does not have the columns of its version.');
    return view as T;
  };
  const data: CatalogueData = {
    date: header.date,
    codes: header.codes,
    noradId: take('i32'),
    type: take('u8'),
    owner: take('u16'),
    launch: take('i32'),
    decay: take('i32'),
    name: packedTexts({ ends: take('u32'), bytes: take('u8') }),
    intlDes: packedTexts({ ends: take('u32'), bytes: take('u8') }),
    leftOut: header.leftOut,
    issues: header.issues,
  };
  const cataloguedFrom = take<Int32Array>('i32');
  const cellsOf = () => [0, 1, 2, 3].map(() => ({ counted: take<Int32Array>('i32'), decayed: take<Int32Array>('i32') }));
  const cells = header.codes.map(() => cellsOf());
  const world = cellsOf();
  const index: CatalogueIndex = { data, cataloguedFrom, firstDay: header.firstDay, lastDay: header.lastDay, cells, world };
  const orders: ObjectOrders = { noradId: take('i32'), name: take('i32'), intlDes: take('i32'), launch: take('i32'), decay: take('i32') };
  if (next !== views.length) throw new Error('A packed catalogue has more columns than its version.');
  return { index, orders, events: header.events };
}

/**
 * As a file: "BOXCAT" and the version, the header's length (uint32, little-endian), the header as
 * JSON, then the buffer from the next multiple of 8; all gzip-compressed by the writer.
 */
const MAGIC = Buffer.from(`BOXCAT${PACKED_VERSION}\n`, 'latin1');

export function encodePacked({ header, buffer }: PackedCatalogue): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const head = Buffer.concat([MAGIC, length, json]);
  return Buffer.concat([head, Buffer.alloc(align(head.length) - head.length), Buffer.from(buffer)]);
}

export function decodePacked(file: Uint8Array): PackedCatalogue {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`Not a packed catalogue of version ${PACKED_VERSION}.`);
  const jsonEnd = MAGIC.length + 4 + bytes.readUInt32LE(MAGIC.length);
  const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, jsonEnd)) as PackedHeader;
  let body: Uint8Array = bytes.subarray(align(jsonEnd));
  // Typed views need an aligned start (a decompressed file has its own buffer: it already is).
  if (body.byteOffset % 8 !== 0) body = new Uint8Array(body);
  return { header, buffer: body.buffer as ArrayBuffer, byteOffset: body.byteOffset };
}

const gunzipAsync = promisify(gunzip);
/** The largest packed catalogue read (a real one is ~6 MB). */
const MAX_PACKED_BYTES = 256 * 2 ** 20;

/**
 * A gzip-compressed packed file's bytes, decompressed on libuv's threads (not the server's) into
 * one buffer of the size the file states (gzip's last 4 bytes): in the default 16 kB chunks, the
 * main thread would then copy ~6 MB to join them (~30 ms on a busy machine, measured).
 */
export async function readPackedFile(gzipped: Uint8Array): Promise<PreparedCatalogue> {
  const stated = gzipped.length >= 4 ? Buffer.from(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength).readUInt32LE(gzipped.length - 4) : 0;
  const chunkSize = Math.min(Math.max(stated, 64 * 1024), MAX_PACKED_BYTES);
  return unpackCatalogue(decodePacked(await gunzipAsync(gzipped, { chunkSize, maxOutputLength: MAX_PACKED_BYTES })));
}
