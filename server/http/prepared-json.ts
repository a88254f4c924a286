/**
 * A body (the JSON of the API, or a server-rendered page) serialised, compressed and hashed once,
 * then sent as often as asked.
 *
 * The boxscore changes at most a few times a day, so the work of JSON.stringify, gzip, brotli and
 * the ETag hash is done when a snapshot arrives, never per request. Compression runs in zlib's
 * thread pool (its asynchronous API), never on the main thread: brotli 11 and gzip 9 of a 5 MB
 * body took 8 s of synchronous work, during which the server answered nothing, /api/health
 * included. A request waits for the copy it gets (once per body). Brotli's quality is bounded by
 * size (11 is ~1 MB/s), so a large body does not hold a pool thread for seconds either, and a
 * body made on a request's path (a page of a new view) asks for a fast quality. Compressed bodies are picked
 * by Accept-Encoding, each with its own strong ETag (the bytes differ, so must the validators: a
 * cache must never join ranges of br and identity bytes under one tag). A GET or HEAD whose
 * If-None-Match names any coding of the current body gets a 304; other methods never do.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import type { Request, Response } from 'express';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface PreparedBody {
  readonly contentType: string;
  /** One strong validator per content-coding: `"<hash>"`, `"<hash>-gz"`, `"<hash>-br"`. */
  readonly etags: Readonly<Record<Encoding, string>>;
  readonly identity: Buffer;
  /** The compressed copies, made off the main thread. */
  readonly gzip: CompressedCopy;
  readonly br: CompressedCopy;
}

export interface CompressedCopy {
  /** The bytes once made; undefined while zlib's thread pool makes them; null if that failed (identity is sent). */
  readonly bytes: Buffer | null | undefined;
  /** Resolves with `bytes` once settled; never rejects. */
  readonly ready: Promise<Buffer | null>;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * How hard to compress. The default (strongest) suits a body sent many times; bodies made per
 * question (the catalogue's: any day, any page; a page of a new view) are compressed `QUICK`ly, as
 * brotli 11 spends a second on 250 kB that brotli 5 does in a few milliseconds for ~50% more bytes.
 */
export interface Compression {
  gzipLevel: number;
  brotliQuality: number;
}
export const QUICK: Compression = { gzipLevel: 6, brotliQuality: 5 };

export function prepareJson(value: unknown, compression?: Compression): PreparedBody {
  return prepareBody(Buffer.from(JSON.stringify(value), 'utf8'), 'application/json; charset=utf-8', compression);
}

/** Strong settings: a body is compressed once (per snapshot, or at build time), then sent many times. */
export const GZIP_OPTIONS: ZlibOptions = { level: 9 };
/** Brotli's best quality up to this size (the boxscore's JSON is ~40 kB, a page ~70-100 kB); beyond, a quality ~50x faster. */
export const BEST_BROTLI_MAX_BYTES = 512 * 1024;
const LARGE_BODY_QUALITY = 6;
/** `best`: quality 11 whatever the size (the build's assets: compressed once, offline). */
export const brotliOptions = (size: number, best = false): BrotliOptions => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: best || size <= BEST_BROTLI_MAX_BYTES ? 11 : LARGE_BODY_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: size },
});

function compressedCopy(make: Promise<Buffer>): CompressedCopy {
  const copy: { bytes: Buffer | null | undefined; ready: Promise<Buffer | null> } = { bytes: undefined, ready: Promise.resolve(null) };
  // A failure (out of memory in the pool, say) is no error for a reader: the identity bytes go out.
  copy.ready = make.then(
    (bytes) => (copy.bytes = bytes),
    () => (copy.bytes = null),
  );
  return copy;
}

/** Any body (e.g. a server-rendered page), prepared the same way; compressed in zlib's thread pool. */
export function prepareBody(identity: Buffer, contentType: string, compression?: Compression): PreparedBody {
  const gzipOptions = compression ? { level: compression.gzipLevel } : GZIP_OPTIONS;
  const brotli = compression ? { params: { [constants.BROTLI_PARAM_QUALITY]: compression.brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } } : brotliOptions(identity.length);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 32);
  return {
    contentType,
    etags: { identity: `"${hash}"`, gzip: `"${hash}-gz"`, br: `"${hash}-br"` },
    identity,
    gzip: compressedCopy(gzipAsync(identity, gzipOptions)),
    br: compressedCopy(brotliAsync(identity, brotli)),
  };
}

/** Weak comparison, as If-None-Match asks; a tag of any coding means the client has this body. */
function etagMatches(header: string | undefined, etags: PreparedBody['etags']): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const current = new Set(Object.values(etags));
  return header.split(',').some((tag) => current.has(tag.trim().replace(/^W\//, '')));
}

/** The codings the client accepts among ours (q=0 excludes one; `*` stands for gzip). */
export function acceptedCodings(accept: string | undefined): { br: boolean; gzip: boolean } {
  const accepted = new Set<string>();
  for (const part of (accept ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  return { br: accepted.has('br'), gzip: accepted.has('gzip') || accepted.has('*') };
}

/** Pick the smallest encoding the client accepts. */
export function pickEncoding(accept: string | undefined): Encoding {
  const { br, gzip: gz } = acceptedCodings(accept);
  return br ? 'br' : gz ? 'gzip' : 'identity';
}

/** The smallest copy the client accepts (waiting until it is made; identity if compression failed). */
async function chooseCopy(body: PreparedBody, accept: string | undefined): Promise<{ encoding: Encoding; bytes: Buffer }> {
  const accepts = acceptedCodings(accept);
  for (const encoding of ['br', 'gzip'] as const) {
    const bytes = accepts[encoding] ? (body[encoding].bytes ?? (await body[encoding].ready)) : null;
    if (bytes) return { encoding, bytes };
  }
  return { encoding: 'identity', bytes: body.identity };
}

/** Send the body in the smallest coding the client accepts and the server has made. Never rejects. */
export async function sendPrepared(req: Request, res: Response, body: PreparedBody, cacheControl = 'no-cache'): Promise<void> {
  const { encoding, bytes } = await chooseCopy(body, req.get('accept-encoding'));
  res.setHeader('ETag', body.etags[encoding]);
  // A stricter policy set before the route (access-token.ts: no-store for protected data) stands.
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  // 304 answers a conditional read; a POST (the refresh) must always get its result.
  if ((req.method === 'GET' || req.method === 'HEAD') && etagMatches(req.get('if-none-match'), body.etags)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', body.contentType);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(bytes.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : bytes);
}
