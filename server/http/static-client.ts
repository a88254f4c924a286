/**
 * Serves the built client from `dist/`: hashed assets (dist/assets) cached for a year as
 * immutable, and every other path answered with the page, never cached (so a new release is
 * picked up at once): rendered on the server when it can be (render/page.ts), else index.html,
 * the shell of the single-page app. Nothing else in dist/ is served (dist/server/ is the
 * server's). Assets go out as the brotli/gzip copies made at build time (every text asset worth
 * compressing has them: build-precompress.ts, tested on the real build), so nothing is compressed
 * per request: the API's bodies, the rendered pages and the shell are prepared bodies with their
 * own encodings and ETags.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import type { PageRenderer } from '../render/page.ts';
import { precompressed } from './precompressed.ts';
import { prepareBody, sendPrepared, type PreparedBody } from './prepared-json.ts';

/** `pages`: server-rendered pages (render/page.ts); when null, or when it declines, the shell is sent. */
export function staticClient(clientDir: string, pages: PageRenderer | null): Router {
  const router = Router();
  const indexFile = join(clientDir, 'index.html');

  // Hashed assets: the build-time copies when the client accepts them, else the file as it is.
  const assets = join(clientDir, 'assets');
  router.use(
    '/assets',
    precompressed(assets),
    express.static(assets, {
      index: false,
      fallthrough: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  // Once the build is there it stays (npm start builds before listening): read and compressed
  // once, like the rendered pages, instead of asking the disk for every page that is not rendered.
  let shell: PreparedBody | null = null;
  router.get('/{*splat}', async (req, res, next) => {
    if (!shell && existsSync(indexFile)) shell = prepareBody(readFileSync(indexFile), 'text/html; charset=utf-8');
    if (!shell) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (or `npm start`, which builds it).');
      return;
    }
    try {
      const query = req.originalUrl.indexOf('?');
      const page = await pages?.page(query === -1 ? '' : req.originalUrl.slice(query));
      await sendPrepared(req, res, page ?? shell);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
