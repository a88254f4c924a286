/**
 * Worker thread: reads, parses and indexes one copy of the catalogue (prepare.ts). Parsing 10 MB of
 * JSON and sorting 67,000 objects five ways takes about a second: in the server's own thread it
 * would hold up every request for that long. The result is packed (packed.ts) and its one buffer
 * transferred, so receiving it costs the server's thread a few small objects, not a clone.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { CatalogueFormatError } from './parse.ts';
import { packCatalogue, type PackedCatalogue } from './packed.ts';
import { prepareCatalogue } from './prepare.ts';

/** A copy to prepare: a file, the bytes as stored (gzip or not), or the answer's text. */
export type PrepareRequest = { date: string } & ({ file: string } | { bytes: Uint8Array } | { text: string });
export type PrepareAnswer = { ok: true; packed: PackedCatalogue } | { ok: false; format: boolean; message: string };

const request = workerData as PrepareRequest;
let answer: PrepareAnswer;
try {
  let text: string;
  if ('text' in request) text = request.text;
  else {
    const raw = 'file' in request ? readFileSync(request.file) : Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
  }
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    throw new CatalogueFormatError('The satellite catalogue answer is not complete JSON (truncated or malformed).');
  }
  answer = { ok: true, packed: packCatalogue(prepareCatalogue(rows, request.date)) };
} catch (err) {
  answer = { ok: false, format: err instanceof CatalogueFormatError, message: err instanceof Error ? err.message : String(err) };
}
parentPort!.postMessage(answer, answer.ok ? [answer.packed.buffer] : []);
