/**
 * A real redis-server for tests, the bench and `npm run cluster`: on a free port, its data in a
 * temporary folder, append-only file on (so a restart keeps what was stored), stopped after. Never
 * the system's Redis on 6379.
 *
 * redis-server comes from Debian's package; when it is missing and we are root on Debian (our
 * machines and CI) it is installed with apt-get, as e2e/chromium.ts does for Chromium. Run this
 * file directly to make sure of it (.ci/run does).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);
const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const REDIS_CLI = join(REDIS_SERVER, '..', 'redis-cli');

export function ensureRedisServer(): string {
  if (existsSync(REDIS_SERVER)) return REDIS_SERVER;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`No redis-server at ${REDIS_SERVER}. Install it (Debian: sudo apt-get install redis-server) or set REDIS_SERVER_PATH.`);
  }
  process.stdout.write("No redis-server found: installing Debian's redis-server with apt-get...\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
  return REDIS_SERVER;
}

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** redis-cli against this server; resolves to its output. */
  cli(...args: string[]): Promise<string>;
  /** Stop it (its data stays in `dir`), as a crash or a restart would. */
  stop(): Promise<void>;
  /** Start it again on the same port and folder (the append-only file is replayed). */
  start(): Promise<void>;
  /** Stop it and remove its folder. */
  close(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const server = ensureRedisServer();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'boxscore-redis-'));
  const cli = async (...args: string[]) => (await run(REDIS_CLI, ['-p', String(port), ...args])).stdout.trim();
  const alive = () => cli('ping').then((out) => out === 'PONG', () => false);
  async function until(wanted: boolean): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if ((await alive()) === wanted) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server on ${port} did not ${wanted ? 'start' : 'stop'}`);
  }
  const start = async () => {
    await run(server, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'yes', '--pidfile', join(dir, 'redis.pid'), '--logfile', join(dir, 'redis.log')]);
    await until(true);
  };
  // SHUTDOWN flushes the append-only file first: nothing acknowledged is lost.
  const stop = async () => {
    await cli('shutdown').catch(() => undefined);
    await until(false);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    cli,
    stop,
    start,
    async close() {
      await cli('shutdown', 'nosave').catch(() => undefined);
      await until(false).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${ensureRedisServer()}\n`);
}
