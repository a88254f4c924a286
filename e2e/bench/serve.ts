/**
 * Child-process servers of the bench (run as `node --import tsx e2e/bench/serve.ts <mode> ...`,
 * listening on PORT):
 * - `static <dir>`: the baseline, plain `express.static` over a folder in the same kind of process as
 *   the app. `*.json.br` files are sent as brotli-encoded JSON, so the baseline puts exactly the
 *   app's bytes on the wire. With BASELINE_HEADERS=app it sends the app's security headers too.
 * - `app`: the real app as server/index.ts builds it (configuration from the environment, the
 *   shared state REDIS_URL selects, the source and history), with the configured per-client rate
 *   limits passed explicitly, so API_RATE_LIMIT_PER_MINUTE=0 lets one load generator through.
 * - `synthetic <rows>`: the real app (createApp, the built client) over a synthetic boxscore.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import express from 'express';
import { createApp } from '../../server/app.ts';
import { securityHeaders } from '../../server/http/security-headers.ts';
import { CITATION } from '../../server/shared/contract.ts';
import { createSource } from '../../server/boxscore/create-source.ts';
import { prepareBoxscore, type BoxscoreSource } from '../../server/boxscore/source.ts';
import { loadConfig, PROJECT_ROOT, readEnv } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { createState } from '../../server/state/shared-state.ts';
import { syntheticBoxscore } from './synthetic.ts';

const [mode, arg] = process.argv.slice(2);

// The memory figures ask for a full collection before each reading (node --expose-gc), so RSS
// shows what the server keeps, not garbage the collector has not got to yet.
process.on('SIGUSR2', () => (globalThis as { gc?: () => void }).gc?.());

// The event loop's delay, measured in the server's own process (the bench asks over IPC: 'loop'
// answers the figures since the last ask and starts afresh). Goal: p99 at most 50 ms.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
process.on('message', (message) => {
  if (message !== 'loop') return;
  const ms = (ns: number) => ns / 1e6;
  process.send?.({ loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } });
  loop.reset();
});
process.channel?.unref(); // the IPC channel never keeps a server alive
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

async function configuredApp(): Promise<express.Express> {
  const config = loadConfig(readEnv());
  const logger = createLogger(config.logLevel);
  // As server/index.ts composes it: the rebuilt boxscores of the catalogue, and with REDIS_URL the
  // shared state (without it each instance would fetch for itself and count its clients in memory).
  const state = await createState(config, logger);
  const { source, history, rebuilt } = await createSource(config, logger, state);
  const stop = () => void Promise.resolve(source.close?.()).then(() => state.close()).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  const app = createApp({
    source,
    history,
    rebuilt,
    logger,
    clientDir: join(PROJECT_ROOT, 'dist'),
    dashboardToken: config.dashboardToken,
    rateLimits: config.rateLimit,
    rateLimitStores: state.rateLimitStores,
    stateHealth: state.health,
  });
  await app.warm(); // as index.ts: listening once the first view is rendered
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

if (mode === 'app') (await configuredApp()).listen(port, '127.0.0.1');
else {
  process.on('SIGTERM', () => process.exit(0));
  if (mode === 'static' && arg) staticBaseline(arg).listen(port, '127.0.0.1');
  else if (mode === 'synthetic') syntheticApp(Number(arg ?? '5000')).listen(port, '127.0.0.1');
  else {
    process.stderr.write('usage: serve.ts app | static <dir> | synthetic <rows>\n');
    process.exit(2);
  }
}
