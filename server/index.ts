/**
 * The only file that listens: read the configuration, build the app, start, shut down cleanly.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { createSource } from './boxscore/create-source.ts';
import { ConfigError, loadConfig, PROJECT_ROOT, readEnv } from './config.ts';
import { createLogger } from './logger.ts';
import { createState } from './state/shared-state.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig(readEnv());
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}

const logger = createLogger(config.logLevel);
// With REDIS_URL the session, budget, lock, copies and per-client limits are shared with other instances.
const state = await createState(config, logger);
const { source, history, rebuilt } = await createSource(config, logger, state);
const clientDir = join(PROJECT_ROOT, 'dist');
const app = createApp({
  source,
  history,
  rebuilt,
  logger,
  clientDir,
  dashboardToken: config.dashboardToken,
  rateLimits: config.rateLimit,
  rateLimitStores: state.rateLimitStores,
  stateHealth: state.health,
  trustProxy: config.trustProxy,
});

// The first view rendered before listening, so the first page after start is served from memory;
// bounded, so that a start never waits long for it (a missing catalogue, say).
await app.warm();

const server: Server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const bound = typeof address === 'object' && address ? address.address : config.host;
  const host = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
  logger.info({ mode: source.mode, address: bound, port, tokenRequired: config.dashboardToken !== undefined }, `boxscore dashboard on http://${host}:${port} (${source.mode === 'live' ? 'live Space-Track data' : 'no credentials: the boxscore rebuilt from the embedded satellite catalogue'})`);
});
server.on('error', (err: NodeJS.ErrnoException) => {
  fail(err.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: set PORT to another port.` : `Cannot listen: ${err.message}`);
});

/** Requests in flight get this long to finish before upstream work is cancelled. */
const DRAIN_MS = 7000;
/** The last resort, inside the 10 s a process manager usually grants after SIGTERM. */
const FORCE_EXIT_MS = 9500;
const delay = (ms: number) => new Promise<void>((resolveDelay) => setTimeout(resolveDelay, ms).unref());

let stopping = false;
/**
 * Stop accepting connections, let requests in flight finish (one may be waiting on Space-Track),
 * close keep-alive connections as they fall idle, and only then close the source: closing it logs
 * out upstream and would cancel a fetch a waiting request still needs.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: draining requests in flight');
  setTimeout(() => {
    logger.warn('shutdown took too long; exiting anyway');
    process.exit(1);
  }, FORCE_EXIT_MS).unref();
  const closed = new Promise<boolean>((resolveClosed) => server.close(() => resolveClosed(true)));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const drained = await Promise.race([closed, delay(DRAIN_MS).then(() => false)]);
  if (!drained) logger.warn({ afterMs: DRAIN_MS }, 'requests still in flight: cancelling their upstream work');
  try {
    await source.close?.();
  } catch (err) {
    logger.warn({ err }, 'the source did not close cleanly');
  }
  if (!drained) {
    // Cancelled upstream work answers quickly; then whatever is left is cut.
    await Promise.race([closed, delay(1000)]);
    server.closeAllConnections();
  }
  clearInterval(idle);
  await app.close();
  await state.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
