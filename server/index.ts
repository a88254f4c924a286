/**
 * The only file that listens: read the configuration, build the app, start, shut down cleanly.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { createSource } from './boxscore/create-source.ts';
import { ConfigError, loadConfig, PROJECT_ROOT, readEnv } from './config.ts';
import { createLogger } from './logger.ts';

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
const { source, history } = await createSource(config, logger);
const app = createApp({ source, history, logger, clientDir: join(PROJECT_ROOT, 'dist') });

const server: Server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
  logger.info({ mode: source.mode, port }, `boxscore dashboard on http://${host}:${port} (${source.mode === 'live' ? 'live Space-Track data' : 'embedded snapshot'})`);
});
server.on('error', (err: NodeJS.ErrnoException) => {
  fail(err.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: set PORT to another port.` : `Cannot listen: ${err.message}`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const forced = setTimeout(() => {
    logger.warn('in-flight requests did not finish in time; exiting anyway');
    process.exit(1);
  }, 9000);
  forced.unref();
  server.close();
  server.closeIdleConnections();
  try {
    await source.close?.();
  } catch (err) {
    logger.warn({ err }, 'the source did not close cleanly');
  }
  await new Promise<void>((resolveClosed) => (server.listening ? server.once('close', () => resolveClosed()) : resolveClosed()));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
