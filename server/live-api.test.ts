/**
 * Live mode over real HTTP: the real Express app on port 0 in front of the fake Space-Track on
 * port 0, with a hand-moved clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSpaceTrack, type FakeSpaceTrack } from '../e2e/fake-upstream/fake-space-track.ts';
import { apiErrorSchema, boxscoreResponseSchema } from './shared/contract.ts';
import { manualClock, startLiveApp, type LiveOptions } from './test-support/live-harness.ts';

let fake: FakeSpaceTrack;
const apps: { close: () => Promise<void> }[] = [];
/** Every response seen in a test, headers and body, to scan for secrets. */
let seen: string[];

beforeEach(async () => {
  fake = await startFakeSpaceTrack();
  seen = [];
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await fake.close();
});

async function app(o: Omit<LiveOptions, 'fake'> = {}) {
  const a = await startLiveApp({ fake, ...o });
  apps.push(a);
  return a;
}

async function call(url: string, method = 'GET', headers: Record<string, string> = {}) {
  const res = await fetch(url, { method, headers });
  const text = await res.text();
  seen.push(JSON.stringify([...res.headers]), text);
  return { status: res.status, headers: res.headers, json: JSON.parse(text) as unknown };
}

describe('live mode over HTTP', () => {
  it('100 concurrent GET /api/boxscore on a cold server cause exactly one login and one query', async () => {
    const { url } = await app({ now: manualClock('2026-06-01T18:00:00Z').now });
    const answers = await Promise.all(Array.from({ length: 100 }, () => call(`${url}/api/boxscore`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const bodies = answers.map((a) => boxscoreResponseSchema.parse(a.json));
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
    expect(bodies[0]?.source).toMatchObject({ kind: 'live', fetchedAt: '2026-06-01T18:00:00.000Z', citation: 'Source: Space-Track.org', stale: false });
    expect(fake.counts()).toEqual({ login: 1, query: 1, satcat: 0, logout: 0, total: 2, other: 0 });
  });

  it('a restart with a stored copy answers without any upstream request', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const first = await app({ now: clock.now });
    await call(`${first.url}/api/boxscore`);
    await first.close();
    const before = fake.counts();
    clock.set('2026-06-02T12:00:00Z');
    const second = await app({ now: clock.now, dataDir: first.dataDir });
    const res = await call(`${second.url}/api/boxscore`);
    expect(boxscoreResponseSchema.parse(res.json).source).toMatchObject({ kind: 'live', fetchedAt: '2026-06-01T18:00:00.000Z', stale: false });
    expect(fake.counts()).toEqual(before);
  });

  it('POST /api/boxscore/refresh answers 429 with Retry-After while the copy is current, then refreshes after the next 17:00 UTC', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { url } = await app({ now: clock.now, minRefreshSeconds: 3600 });
    await call(`${url}/api/boxscore`);
    clock.advance(7200); // past the minimum interval, but the copy is still today's
    const current = await call(`${url}/api/boxscore/refresh`, 'POST');
    expect(current.status).toBe(429);
    expect(current.headers.get('retry-after')).toBe(String(21 * 3600)); // 20:00 until 17:00 the next day
    expect(apiErrorSchema.parse(current.json).error).toEqual({
      code: 'ALREADY_CURRENT',
      message: "This is already today's copy: Space-Track asks that the boxscore be fetched at most once a day, after 17:00 UTC. The next copy can be fetched from 2026-06-02 17:00 UTC.",
    });
    expect(fake.counts().query).toBe(1);

    clock.set('2026-06-02T17:00:00Z');
    // A conditional header does not turn the refresh into a 304: only reads revalidate.
    const fresh = await call(`${url}/api/boxscore/refresh`, 'POST', { 'If-None-Match': '*' });
    expect(fresh.status).toBe(200);
    expect(boxscoreResponseSchema.parse(fresh.json).source.fetchedAt).toBe('2026-06-02T17:00:00.000Z');
    expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
  });

  // Every fault Space-Track can answer with, through our own HTTP API (the source-level tests
  // check the same faults without HTTP).
  it.each([
    ['maintenance-503', 'UPSTREAM_MAINTENANCE', /^Space-Track answered with a web page instead of data \(probably maintenance\)\.$/],
    ['expired-always', 'UPSTREAM_SESSION_REJECTED', /^Space-Track refused the session even after logging in again\.$/],
    ['rate-limit-500', 'UPSTREAM_RATE_LIMITED', /query rate limit was exceeded/],
    ['rate-limit-200', 'UPSTREAM_RATE_LIMITED', /query rate limit was exceeded/],
    ['maintenance-200', 'UPSTREAM_MAINTENANCE', /web page instead of data/],
    ['malformed-json', 'UPSTREAM_MALFORMED', /not valid JSON/],
    ['truncated-json', 'UPSTREAM_MALFORMED', /not valid JSON \(malformed or cut off\)/],
    ['empty-string', 'UPSTREAM_EMPTY', /^Space-Track sent an empty answer\.$/],
    ['empty-array', 'UPSTREAM_EMPTY', /^Space-Track sent an empty answer\.$/],
    ['invalid-rows', 'UPSTREAM_INVALID_DATA', /not a valid boxscore: Boxscore row 4 is invalid/],
    ['oversized-rows', 'UPSTREAM_TOO_LARGE', /^Space-Track's answer was larger than the dashboard accepts for the boxscore \(over 1,000 rows\): it was refused\.$/],
    ['oversized-bytes', 'UPSTREAM_TOO_LARGE', /^Space-Track's answer was larger than the dashboard accepts for the boxscore \(over 1,000 rows\): it was refused\.$/],
    ['reset', 'UPSTREAM_RESET', /^The connection to Space-Track was cut off\.$/],
    ['hang', 'UPSTREAM_TIMEOUT', /^Space-Track did not answer within 0\.3 seconds\.$/],
  ] as const)('%s on refresh: 502 %s, and GET keeps the last good data, stale, saying why', async (scenario, code, message) => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { url } = await app({ now: clock.now, minRefreshSeconds: 60, timeoutMs: scenario === 'hang' ? 300 : 5000 });
    await call(`${url}/api/boxscore`);
    fake.setScenario(scenario);
    clock.set('2026-06-02T17:30:00Z'); // the next day's copy is due
    const failed = await call(`${url}/api/boxscore/refresh`, 'POST');
    expect(failed.status).toBe(502);
    const { error } = apiErrorSchema.parse(failed.json);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    const still = await call(`${url}/api/boxscore`);
    expect(still.status).toBe(200);
    const body = boxscoreResponseSchema.parse(still.json);
    expect(body.source).toMatchObject({ kind: 'live', fetchedAt: '2026-06-01T18:00:00.000Z', stale: true });
    expect(body.source.message).toBe(`${error.message} Showing the last good copy, fetched 2026-06-01 18:00 UTC.`);
    expect(body.rows).toHaveLength(85);
    expect((await call(`${url}/api/health`)).status).toBe(200);
  });

  it('wrong credentials: the page gets the embedded snapshot with the plain message; refresh says 429 then 502', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { url } = await app({ now: clock.now, password: 'Tr0ub4dor&3', minRefreshSeconds: 60 });
    const first = boxscoreResponseSchema.parse((await call(`${url}/api/boxscore`)).json);
    expect(first.source).toMatchObject({ kind: 'snapshot', asOf: '2015-03-05', stale: true });
    expect(first.source.message).toBe(
      'Space-Track rejected the credentials. No live data is available, so the embedded 2015 snapshot (as of 2015-03-05) is shown instead.',
    );
    expect((await call(`${url}/api/boxscore/refresh`, 'POST')).status).toBe(429);
    clock.advance(60);
    const refused = await call(`${url}/api/boxscore/refresh`, 'POST');
    expect(refused.status).toBe(502);
    expect(apiErrorSchema.parse(refused.json).error).toEqual({ code: 'UPSTREAM_LOGIN_FAILED', message: 'Space-Track rejected the credentials' });
    expect(fake.counts()).toMatchObject({ login: 2, query: 0, total: 2 });
  });

  it('logs out upstream when the server shuts down', async () => {
    const a = await startLiveApp({ fake, now: manualClock('2026-06-01T18:00:00Z').now });
    await call(`${a.url}/api/boxscore`);
    await a.close();
    expect(fake.counts()).toEqual({ login: 1, query: 1, satcat: 0, logout: 1, total: 3, other: 0 });
  });

  it('never shows the credentials or the session cookie in a response, a header or a log line', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const a = await startLiveApp({ fake, now: clock.now, minRefreshSeconds: 60 });
    await call(`${a.url}/api/boxscore`);
    for (const scenario of ['expired-once', 'expired-always', 'rate-limit-200', 'invalid-rows', 'reset', 'ok'] as const) {
      fake.setScenario(scenario);
      clock.advance(86400); // a day later each time: the copy is due, so the refresh reaches upstream
      await call(`${a.url}/api/boxscore/refresh`, 'POST');
      await call(`${a.url}/api/boxscore`);
    }
    await call(`${a.url}/api/health`);
    await call(`${a.url}/api/nope`);
    await a.close();
    const wrong = await startLiveApp({ fake, now: clock.now, password: 'hunter2-wrong', logs: a.logs });
    apps.push(wrong);
    await call(`${wrong.url}/api/boxscore`);

    const tokens = fake.issuedSessions();
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    expect(fake.counts().logout).toBe(1);
    const logs = a.logs.text();
    expect(logs).toContain('session expired (401)'); // the capture really holds the relay's log
    const everything = seen.join('\n') + logs;
    for (const secret of [fake.identity, fake.password, encodeURIComponent(fake.password), 'hunter2-wrong', 'chocolatechip', ...tokens]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('serves the boxscore only: no upstream path is reachable through the relay', async () => {
    const { url } = await app({ now: manualClock('2026-06-01T18:00:00Z').now });
    for (const path of ['/api/basicspacedata/query/class/gp/format/json', '/api/ajaxauth/login', '/api/boxscore/class/satcat']) {
      expect((await call(`${url}${path}`)).status).toBe(404);
    }
    expect(fake.counts().total).toBe(0);
  });
});
