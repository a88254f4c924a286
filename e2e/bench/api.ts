/**
 * API figures: throughput and latency of the cached, compressed `GET /api/boxscore` against plain
 * `express.static` sending the very same bytes, the 304 revalidation path of both, and the server's
 * RSS before and after many requests. autocannon runs here; each server is a child process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { spawnServer, type ChildServer, type LoopDelay } from './servers.ts';
import { SERVER_APP, SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/runtime.ts';
import { median } from './stats.ts';
import { rawGet } from '../../server/test-support/raw-get.ts';

/**
 * What the bench sets for the app child: a load test from one address must not be throttled
 * (0 switches the per-client limit off), no access token, and never a developer's real
 * Space-Track account from .env (live runs pass the fake's).
 */
export const APP_ENV: Record<string, string> = { API_RATE_LIMIT_PER_MINUTE: '0', DASHBOARD_TOKEN: '', SPACETRACK_IDENTITY: '', SPACETRACK_PASSWORD: '' };
const ACCEPT = { 'accept-encoding': 'gzip, deflate, br' };

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
}

export interface ApiFigures {
  bodyBytes: number;
  app: LoadFigures;
  baseline: LoadFigures;
  app304: LoadFigures;
  baseline304: LoadFigures;
  /** The app's event loop delay over the measured rounds (ms). */
  loop: LoopDelay;
}

export const startApp = (env: Record<string, string> = {}, nodeArgs: string[] = [], readyMs?: number): Promise<ChildServer> =>
  // Started as npm start starts the server (server/runtime.ts: the built server, its flags and
  // environment), with the per-client rate limit off so that one load generator gets through.
  spawnServer({ script: SERVER_APP, env: { ...SERVER_ENV, ...APP_ENV, ...env }, readyPath: '/api/health', nodeArgs: [...SERVER_NODE_FLAGS, ...nodeArgs], readyMs });

export async function load(url: string, seconds: number, headers: Record<string, string>, expect: 200 | 304): Promise<LoadFigures> {
  const r = await autocannon({ url, connections: 50, duration: seconds, headers: { ...ACCEPT, ...headers } });
  const good = expect === 200 ? r['2xx'] : r['3xx'];
  if (r.errors > 0 || r.timeouts > 0 || good < r.requests.total * 0.99) {
    throw new Error(`Load on ${url} got errors=${r.errors} timeouts=${r.timeouts}, ${good} of ${r.requests.total} answered ${expect}.`);
  }
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** The body exactly as sent (fetch would decode it), and its ETag. */
async function wireBytes(url: string): Promise<{ bytes: Buffer; etag: string }> {
  const res = await rawGet(url, ACCEPT);
  if (res.status !== 200 || res.headers['content-encoding'] !== 'br') throw new Error(`Expected a 200 brotli answer from ${url}, got ${res.status} ${String(res.headers['content-encoding'] ?? 'identity')}.`);
  return { bytes: res.body, etag: String(res.headers.etag ?? '') };
}

export const medianOf = (runs: LoadFigures[]): LoadFigures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
});

export async function measureApi({ rounds, seconds }: { rounds: number; seconds: number }, log: (l: string) => void): Promise<ApiFigures> {
  const app = await startApp();
  let baseline: ChildServer | undefined;
  try {
    const { bytes, etag } = await wireBytes(`${app.url}/api/boxscore`);
    const dir = mkdtempSync(join(tmpdir(), 'boxscore-bench-'));
    writeFileSync(join(dir, 'boxscore.json.br'), bytes);
    baseline = await spawnServer({ script: 'e2e/bench/serve.ts', args: ['static', dir], readyPath: '/boxscore.json.br' });
    const staticUrl = `${baseline.url}/boxscore.json.br`;
    const staticEtag = (await fetch(staticUrl)).headers.get('etag') ?? '';

    log('  warming up both servers');
    await load(`${app.url}/api/boxscore`, 2, {}, 200);
    await load(staticUrl, 2, {}, 200);
    const runs = { app: [] as LoadFigures[], baseline: [] as LoadFigures[], app304: [] as LoadFigures[], baseline304: [] as LoadFigures[] };
    await app.loopDelay(); // from here on
    for (let i = 1; i <= rounds; i++) {
      log(`  round ${i}/${rounds}: 50 connections, ${seconds} s per target`);
      runs.app.push(await load(`${app.url}/api/boxscore`, seconds, {}, 200));
      runs.baseline.push(await load(staticUrl, seconds, {}, 200));
      runs.app304.push(await load(`${app.url}/api/boxscore`, Math.max(2, seconds / 2), { 'if-none-match': etag }, 304));
      runs.baseline304.push(await load(staticUrl, Math.max(2, seconds / 2), { 'if-none-match': staticEtag }, 304));
    }
    const loop = await app.loopDelay();
    return {
      bodyBytes: bytes.length,
      loop,
      app: medianOf(runs.app),
      baseline: medianOf(runs.baseline),
      app304: medianOf(runs.app304),
      baseline304: medianOf(runs.baseline304),
    };
  } finally {
    await baseline?.stop();
    await app.stop();
  }
}
