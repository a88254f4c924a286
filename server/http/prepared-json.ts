/**
 * A body (the JSON of the API, or a server-rendered page) serialised, compressed and hashed once,
 * then sent as often as asked.
 *
 * The boxscore changes at most a few times a day, so the work of JSON.stringify, gzip, brotli and
 * the ETag hash is done when a snapshot arrives, never per request. Compressed bodies are picked
 * by Accept-Encoding, each with its own strong ETag (the bytes differ, so must the validators: a
 * cache must never join ranges of br and identity bytes under one tag). A GET or HEAD whose
 * If-None-Match names any coding of the current body gets a 304; other methods never do.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import type { Request, Response } from 'express';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface PreparedBody {
  readonly contentType: string;
  /** One strong validator per content-coding: `"<hash>"`, `"<hash>-gz"`, `"<hash>-br"`. */
  readonly etags: Readonly<Record<Encoding, string>>;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
}

export function prepareJson(value: unknown): PreparedBody {
  return prepareBody(Buffer.from(JSON.stringify(value), 'utf8'), 'application/json; charset=utf-8');
}

/** The strongest settings: a body is compressed once (per snapshot, or at build time), then sent many times. */
export const GZIP_OPTIONS: ZlibOptions = { level: 9 };
export const brotliOptions = (size: number): BrotliOptions => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: size } });

/** Any body (e.g. a server-rendered page), prepared the same way. */
export function prepareBody(identity: Buffer, contentType: string): PreparedBody {
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 32);
  return {
    contentType,
    etags: { identity: `"${hash}"`, gzip: `"${hash}-gz"`, br: `"${hash}-br"` },
    identity,
    gzip: gzipSync(identity, GZIP_OPTIONS),
    br: brotliCompressSync(identity, brotliOptions(identity.length)),
  };
}

/** Weak comparison, as If-None-Match asks; a tag of any coding means the client has this body. */
function etagMatches(header: string | undefined, etags: PreparedBody['etags']): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const current = new Set(Object.values(etags));
  return header.split(',').some((tag) => current.has(tag.trim().replace(/^W\//, '')));
}

/** Pick the smallest encoding the client accepts (q=0 excludes one). */
export function pickEncoding(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  const accepted = new Set<string>();
  for (const part of accept.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

export function sendPrepared(req: Request, res: Response, body: PreparedBody, cacheControl = 'no-cache'): void {
  const encoding = pickEncoding(req.get('accept-encoding'));
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
  const bytes = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.identity;
  res.setHeader('Content-Length', String(bytes.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : bytes);
}
