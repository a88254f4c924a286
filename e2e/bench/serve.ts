/**
 * Child-process servers of the bench besides the app itself (which runs built, as `npm start` runs
 * it: api.ts startApp), run as `node --import tsx e2e/bench/serve.ts <mode> ...`, listening on PORT:
 * - `static <dir>`: the baseline, plain `express.static` over a folder in the same kind of process as
 *   the app. `*.json.br` files are sent as brotli-encoded JSON, so the baseline puts exactly the
 *   app's bytes on the wire. With BASELINE_HEADERS=app it sends the app's security headers too.
 * - `synthetic <rows>`: the real app (createApp, the built client) over a synthetic boxscore.
 */
import { join } from 'node:path';
import express from 'express';
import { createApp } from '../../server/app.ts';
import { securityHeaders } from '../../server/http/security-headers.ts';
import { CITATION } from '../../server/shared/contract.ts';
import { prepareBoxscore, type BoxscoreSource } from '../../server/boxscore/source.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { syntheticBoxscore } from './synthetic.ts';

const [mode, arg] = process.argv.slice(2);
const port = Number(process.env.PORT ?? '0');

function staticBaseline(dir: string): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // BASELINE_HEADERS=app: the app's own security headers, for the page baseline, which compares
  // pages, not HTTP policies (they cost a cold navigation tens of ms in Chromium:
  // Cross-Origin-Opener-Policy puts the page in a new browsing context group). The bench reports
  // the page baseline without them too; the API baseline is plain express.static.
  if (process.env.BASELINE_HEADERS === 'app') app.use(securityHeaders());
  app.use(
    express.static(dir, {
      setHeaders: (res, path) => {
        if (!path.endsWith('.json.br')) return;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Encoding', 'br');
        res.setHeader('Vary', 'Accept-Encoding');
      },
    }),
  );
  return app;
}

function syntheticApp(rows: number): express.Express {
  const prepared = prepareBoxscore(
    { kind: 'snapshot', asOf: '2015-03-05', fetchedAt: null, citation: CITATION, stale: false, message: `Synthetic boxscore of ${rows} rows (benchmark).` },
    syntheticBoxscore(rows),
  );
  const source: BoxscoreSource = { mode: 'snapshot', current: () => Promise.resolve(prepared) };
  return createApp({ source, logger: createLogger('silent'), clientDir: join(PROJECT_ROOT, 'dist'), rateLimits: { apiPerMinute: 0, refreshPerMinute: 0 } });
}

process.on('SIGTERM', () => process.exit(0));
if (mode === 'static' && arg) staticBaseline(arg).listen(port, '127.0.0.1');
else if (mode === 'synthetic') syntheticApp(Number(arg ?? '5000')).listen(port, '127.0.0.1');
else {
  process.stderr.write('usage: serve.ts static <dir> | synthetic <rows>\n');
  process.exit(2);
}
