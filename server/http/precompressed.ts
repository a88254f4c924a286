/**
 * Serve the `.br` / `.gz` copies written at build time (server/build-precompress.ts) in place of a
 * static file, when the client accepts that encoding: the request is rewritten to the compressed
 * file and express.static sends it (ETag, ranges, caching as usual) with the original type. A
 * file without a compressed copy falls through untouched.
 *
 * Which copies exist is listed once, from the build folder, not looked up per requested path: a
 * per-path memo would grow with every distinct URL anyone sends. The build does not change while
 * the server runs (`npm start` builds before it listens; a rebuild renames the hashed assets and
 * needs a restart to be served compressed). A folder that does not exist yet is looked for again
 * on later requests, so a server started before its first build still finds the copies.
 */
import { readdirSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { RequestHandler } from 'express';
import { pickEncoding } from './prepared-json.ts';

const SUFFIX = { br: '.br', gzip: '.gz' } as const;

export interface CompressedCopies {
  /** True when this absolute path (with its .br/.gz suffix) was in the build. */
  has(file: string): boolean;
  /** How many copies are known: the build's, never more (bounded memory). */
  readonly size: number;
}

export function listCompressedCopies(dir: string): CompressedCopies {
  const root = normalize(dir + sep);
  let files: ReadonlySet<string> | undefined;
  const load = (): ReadonlySet<string> => {
    if (files) return files;
    try {
      const names = readdirSync(root, { recursive: true, encoding: 'utf8' });
      files = new Set(names.filter((n) => n.endsWith(SUFFIX.br) || n.endsWith(SUFFIX.gzip)).map((n) => join(root, n)));
      return files;
    } catch {
      return new Set(); // not built yet: nothing to remember, look again next time
    }
  };
  return {
    has: (file) => load().has(file),
    get size() {
      return files?.size ?? 0;
    },
  };
}

export function precompressed(dir: string, copies: CompressedCopies = listCompressedCopies(dir)): RequestHandler {
  const root = normalize(dir + sep);
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
    if (!file.startsWith(root) || !copies.has(file + SUFFIX[encoding])) return next();
    res.type(extname(file));
    res.setHeader('Content-Encoding', encoding);
    res.append('Vary', 'Accept-Encoding');
    req.url = `${req.path}${SUFFIX[encoding]}`;
    next();
  };
}
