/**
 * Soak: a bounded load of mixed requests at the real app (loopback only) — the boxscore, its
 * history, a past date, changes, a trend, the built page and assets, missing assets under ever new
 * names, bad input — while the fake Space-Track cycles through every fault it knows. The server's
 * clock moves a day ahead at each switch, so a new copy is always due (past 17:00 UTC) and
 * refreshes, allowed every second, really reach the fake. Stops by itself after SOAK_SECONDS
 * (default 55) or SOAK_MAX_REQUESTS (default 100,000).
 *
 * Fails (exit 1) on: any 5xx other than the documented 502 of a failed refresh, any answer not in
 * the expected set for its kind, a connection error, an unhandled rejection or exception, RSS growth
 * over SOAK_MAX_RSS_GROWTH_MB (default 120; below), or any stored snapshot that does not parse and
 * validate at the end (and leftovers: .tmp-* or .corrupt files).
 *
 * Memory. It runs with the server's own Node flags and environment (server/runtime.ts; package.json
 * says them, runtime.test.ts checks), as the server runs. RSS rises to a plateau as the load starts,
 * then stays, with the heap in use flat (+3-6 MB): a run of 100,000 requests grew as much as one of
 * 45,000. One run's parts: V8's reserved heap +30 MB (its young generation growing to size), buffers
 * +22 MB (copies fetched, stored and compressed), the rest native memory. Runs of late 2026: 61-92 MB
 * with the server's flags (11 runs, 3 of them in CI), 73-111 MB without them (22 runs; the margin was too thin). A leak
 * goes past the limit: a 128-byte Buffer kept per request grew 132 MB (150 without the flags).
 * Judging only the second half (a leak's slope) was tried and dropped: RSS after a GC swings by
 * +-30 MB between samples, and the plateau may come late: of 18 runs, 15 added -11 to +14 MB in the
 * second half, but others +24, +43 and +45. The RSS halfway is printed, to tell a plateau from a
 * slope when it fails.
 *
 * Heap growth is printed alongside, and the event loop's delay (p50, p99, max) over the measured
 * part: the goal is a p99 of at most 50 ms. It is the delay of this whole process (the app, the fake
 * Space-Track and the load generator share it), so it bounds the app's from above; it is reported,
 * not judged (timings on a shared machine are noise).
 *
 *   npm run soak
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../server/app.ts';
import { createHistory } from '../../server/boxscore/history.ts';
import { createFileSnapshotStore } from '../../server/boxscore/snapshot-store.ts';
import { buildClientIfStale } from '../../server/build-client.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { createLive } from '../../server/test-support/live-harness.ts';
import { listen } from '../../server/test-support/listen.ts';
import { FAKE_SCENARIOS, startFakeSpaceTrack } from '../fake-upstream/fake-space-track.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 55);
const MAX_REQUESTS = Number(process.env.SOAK_MAX_REQUESTS ?? 100_000);
const MAX_RSS_GROWTH_MB = Number(process.env.SOAK_MAX_RSS_GROWTH_MB ?? 120);
const DAY_MS = 86_400_000;
const CONNECTIONS = 16;
const TOKEN = 'soak-token-0123456789abcdef';

const problems: string[] = [];
process.on('unhandledRejection', (err) => problems.push(`unhandled rejection: ${String(err)}`));
process.on('uncaughtException', (err) => problems.push(`uncaught exception: ${err.stack ?? String(err)}`));

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const gc = (globalThis as { gc?: () => void }).gc;

type Kind = 'boxscore' | 'revalidate' | 'health' | 'refresh' | 'history' | 'as-of' | 'changes' | 'trend'
  | 'page' | 'asset' | 'missing-asset' | 'missing' | 'bad-query' | 'bad-body' | 'wrong-token';
/** What each kind of request may answer; anything else is a failure. */
const EXPECTED: Record<Kind, number[]> = {
  boxscore: [200],
  revalidate: [200, 304],
  health: [200],
  refresh: [200, 429, 502],
  history: [200],
  'as-of': [200],
  changes: [200],
  trend: [200],
  page: [200],
  asset: [200],
  'missing-asset': [404],
  missing: [404],
  'bad-query': [400],
  'bad-body': [400, 413],
  'wrong-token': [401],
};
const WEIGHTS: [Kind, number][] = [
  ['boxscore', 22], ['revalidate', 18], ['health', 5], ['refresh', 5], ['history', 5], ['as-of', 5], ['changes', 5], ['trend', 5],
  ['page', 3], ['asset', 5], ['missing-asset', 5], ['missing', 5], ['bad-query', 5], ['bad-body', 4], ['wrong-token', 3],
];

async function main(): Promise<void> {
  const fake = await startFakeSpaceTrack();
  const dataDir = mkdtempSync(join(tmpdir(), 'boxscore-soak-'));
  // The real build, with its precompressed copies. Built only when absent: an older build serves the
  // soak as well, and rebuilding under someone's running tests would pull files from under them.
  const clientDir = join(PROJECT_ROOT, 'dist');
  if (!existsSync(join(clientDir, 'index.html'))) await buildClientIfStale();
  const asset = readdirSync(join(clientDir, 'assets')).find((name) => name.endsWith('.js'));
  if (!asset) throw new Error('The client build has no .js asset.');
  const errorLines: string[] = [];
  const logger = createLogger('warn', { write: (line: string) => void (line.includes('"level":50') && errorLines.push(line)) });
  // A day ahead at every scenario switch: each new copy is due, so Space-Track's daily rule lets refreshes through.
  let dayOffset = 0;
  const now = () => new Date(Date.now() + dayOffset * DAY_MS);
  const live = await createLive({ fake, dataDir, now, minRefreshSeconds: 1, timeoutMs: 1500, maxPerMinute: 29, maxPerHour: 299, logs: { logger, text: () => '' } });
  const history = createHistory({ source: live.source, store: live.store });
  const server = await listen(createApp({ source: live.source, history, logger, clientDir, dashboardToken: TOKEN, rateLimits: { apiPerMinute: 0, refreshPerMinute: 0 } }));
  const auth = { Authorization: `Bearer ${TOKEN}` };

  let etag = '';
  const statuses = new Map<string, number>();
  let sent = 0;
  // Every fault in turn; the rate-limit answers only in the last part, since each one (rightly)
  // stops upstream attempts for an hour.
  const cycle = FAKE_SCENARIOS.filter((s) => !s.startsWith('rate-limit'));
  const rateLimits = FAKE_SCENARIOS.filter((s) => s.startsWith('rate-limit'));
  let scenarioIndex = 0;

  async function one(kind: Kind): Promise<void> {
    const url = server.url;
    // No request may hang the soak: our server answers within the upstream timeout (1.5 s here).
    const fetch = (input: string, init: RequestInit = {}) => globalThis.fetch(input, { ...init, signal: AbortSignal.timeout(15_000) });
    let res: Response;
    try {
      if (kind === 'boxscore') res = await fetch(`${url}/api/boxscore`, { headers: { ...auth, 'Accept-Encoding': 'br' } });
      else if (kind === 'revalidate') res = await fetch(`${url}/api/boxscore`, { headers: { ...auth, 'If-None-Match': etag || '"none"' } });
      else if (kind === 'health') res = await fetch(`${url}/api/health`, { headers: auth });
      else if (kind === 'refresh') res = await fetch(`${url}/api/boxscore/refresh`, { method: 'POST', headers: auth });
      else if (kind === 'history') res = await fetch(`${url}/api/boxscore/history`, { headers: auth });
      else if (kind === 'as-of') res = await fetch(`${url}/api/boxscore?asOf=2015-02-23`, { headers: auth });
      else if (kind === 'changes') res = await fetch(`${url}/api/boxscore/changes?from=2015-02-23&to=2015-03-05`, { headers: auth });
      else if (kind === 'trend') res = await fetch(`${url}/api/boxscore/trend?code=CIS`, { headers: auth });
      else if (kind === 'page') res = await fetch(`${url}/`);
      else if (kind === 'asset') res = await fetch(`${url}/assets/${asset}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
      // A new name every time: nothing the server remembers may grow with them.
      else if (kind === 'missing-asset') res = await fetch(`${url}/assets/x${sent}.js`, { headers: { 'Accept-Encoding': 'br, gzip' } });
      else if (kind === 'missing') res = await fetch(`${url}/api/nothing-here/${sent}`, { headers: auth });
      else if (kind === 'bad-query') res = await fetch(`${url}/api/boxscore?asOf=2015-13-99&junk=1`, { headers: auth });
      else if (kind === 'bad-body') res = await fetch(`${url}/api/boxscore/refresh`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: sent % 2 ? '{"x":' : 'x'.repeat(40_000) });
      else res = await fetch(`${url}/api/boxscore`, { headers: { Authorization: 'Bearer wrong-token-value' } });
      if (kind === 'boxscore') etag = res.headers.get('etag') ?? etag;
      await res.arrayBuffer();
    } catch (err) {
      problems.push(`${kind}: connection error ${(err as Error).message}`);
      return;
    }
    const key = `${kind} ${res.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (!EXPECTED[kind].includes(res.status)) problems.push(`${kind}: unexpected HTTP ${res.status}`);
  }

  const total = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const pickKind = (n: number): Kind => {
    let r = (n * 7919) % total;
    for (const [kind, w] of WEIGHTS) if ((r -= w) < 0) return kind;
    return 'boxscore';
  };

  // Warm up, then measure RSS from a settled start. The fake makes its oversized answers (20,000
  // rows, 50 MB) now, once, rather than on this process's event loop while it is measured.
  for (const scenario of ['oversized-rows', 'oversized-bytes', 'ok'] as const) fake.setScenario(scenario);
  for (let i = 0; i < 200; i++) await one(pickKind(i));
  gc?.();
  const rssStart = process.memoryUsage().rss;
  const heapStart = process.memoryUsage().heapUsed;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const deadline = Date.now() + SECONDS * 1000;
  const startedAt = Date.now();
  // RSS halfway through (after a GC, as at the start and the end): printed, not judged.
  let rssMid: number | null = null;
  const midway = setTimeout(() => {
    gc?.();
    rssMid = process.memoryUsage().rss;
  }, SECONDS * 500);
  const cycler = setInterval(() => {
    const late = Date.now() > deadline - SECONDS * 150;
    const list = late ? rateLimits : cycle;
    fake.setScenario(list[++scenarioIndex % list.length]!);
    dayOffset++;
  }, 1100);
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline && sent < MAX_REQUESTS && problems.length < 50) await one(pickKind(sent++));
    }),
  );
  clearInterval(cycler);
  clearTimeout(midway);
  loop.disable();
  const seconds = (Date.now() - startedAt) / 1000;
  const loopMs = (ns: number) => (ns / 1e6).toFixed(1);
  gc?.();
  const rssEnd = process.memoryUsage().rss;
  const heapEnd = process.memoryUsage().heapUsed;

  fake.setScenario('ok');
  await server.close();
  await live.source.close?.();
  const counts = fake.counts();
  await fake.close();

  // The stored data: every file parses and validates, and nothing half-written is left.
  const dir = live.dataDir;
  const files = readdirSync(dir);
  const store = createFileSnapshotStore({ dir, logger: createLogger('silent') });
  let stored = 0;
  for (const file of files) {
    if (file.startsWith('.tmp-') || file.endsWith('.corrupt')) problems.push(`leftover in DATA_DIR: ${file}`);
    else if ((await store.read(file)) === undefined) problems.push(`stored snapshot does not validate: ${file}`);
    else stored++;
  }
  if (stored === 0) problems.push('no snapshot was stored: the soak did not exercise storing');
  if (counts.query < 5) problems.push(`only ${counts.query} upstream queries: the faults were not exercised`);
  if (rssEnd - rssStart > MAX_RSS_GROWTH_MB * 1024 * 1024) problems.push(`RSS grew by ${mb(rssEnd - rssStart)} MB (limit ${MAX_RSS_GROWTH_MB} MB)`);
  for (const line of errorLines) problems.push(`error logged: ${line.slice(0, 300)}`);

  const lines = [...statuses.entries()].sort().map(([k, n]) => `  ${k.padEnd(18)} ${n}`);
  process.stdout.write(
    [
      `soak: ${sent} requests in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s) over ${CONNECTIONS} connections`,
      `upstream: ${counts.login} logins, ${counts.query} queries, ${counts.logout} logouts, scenarios cycled ${scenarioIndex} times`,
      `stored snapshots: ${stored} valid of ${files.length} files`,
      `RSS: start ${mb(rssStart)} MB, halfway ${rssMid === null ? '-' : mb(rssMid)} MB, end ${mb(rssEnd)} MB (growth ${mb(rssEnd - rssStart)} MB, limit ${MAX_RSS_GROWTH_MB} MB)${gc ? '' : ' [no --expose-gc]'}`,
      `heap: start ${mb(heapStart)} MB, end ${mb(heapEnd)} MB (growth ${mb(heapEnd - heapStart)} MB)`,
      `event loop delay: p50 ${loopMs(loop.percentile(50))} ms, p99 ${loopMs(loop.percentile(99))} ms (goal at most 50 ms), max ${loopMs(loop.max)} ms`,
      'answers:',
      ...lines,
      problems.length ? `FAILED:\n${[...new Set(problems)].slice(0, 30).map((p) => `  - ${p}`).join('\n')}` : 'soak passed',
      '',
    ].join('\n'),
  );
  process.exit(problems.length ? 1 : 0);
}

void main();
