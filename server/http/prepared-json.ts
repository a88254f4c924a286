/**
 * A JSON body serialised, compressed and hashed once, then sent as often as asked.
 *
 * The boxscore changes at most a few times a day, so the work of JSON.stringify, gzip, brotli and
 * the ETag hash is done when a snapshot arrives, never per request. Conditional requests get a
 * 304 and compressed bodies are picked by Accept-Encoding.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

export interface PreparedJson {
  readonly etag: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
}

export function prepareJson(value: unknown): PreparedJson {
  const identity = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`,
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
  };
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Pick the smallest encoding the client accepts (q=0 excludes one). */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | 'identity' {
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

export function sendPreparedJson(req: Request, res: Response, body: PreparedJson, cacheControl = 'no-cache'): void {
  res.setHeader('ETag', body.etag);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (etagMatches(req.get('if-none-match'), body.etag)) {
    res.status(304).end();
    return;
  }
  const encoding = pickEncoding(req.get('accept-encoding'));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  const bytes = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.identity;
  res.setHeader('Content-Length', String(bytes.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : bytes);
}
