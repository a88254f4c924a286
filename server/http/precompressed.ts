/**
 * Serve the `.br` / `.gz` copies written at build time (server/build-precompress.ts) in place of a
 * static file, when the client accepts that encoding: the request is rewritten to the compressed
 * file and express.static sends it (ETag, ranges, caching as usual) with the original type. A
 * file without a compressed copy falls through untouched. Which copies exist is looked up once per
 * path and remembered: built assets never change while the server runs (a rebuild renames them).
 */
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { RequestHandler } from 'express';
import { pickEncoding } from './prepared-json.ts';

const SUFFIX = { br: '.br', gzip: '.gz' } as const;

export function precompressed(dir: string): RequestHandler {
  const root = normalize(dir + sep);
  const known = new Map<string, boolean>();
  const exists = (file: string) => {
    let found = known.get(file);
    if (found === undefined) known.set(file, (found = existsSync(file)));
    return found;
  };
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.includes('.')) return next();
    const encoding = pickEncoding(req.get('accept-encoding'));
    if (encoding === 'identity') return next();
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(req.path)));
    } catch {
      return next(); // a malformed escape: let express.static answer it
    }
    if (!file.startsWith(root) || !exists(file + SUFFIX[encoding])) return next();
    res.type(extname(file));
    res.setHeader('Content-Encoding', encoding);
    res.append('Vary', 'Accept-Encoding');
    req.url = `${req.path}${SUFFIX[encoding]}`;
    next();
  };
}
