import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSpaceTrack, type FakeScenario, type FakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { captureLogs, type LogCapture } from '../test-support/live-harness.ts';
import { createMemoryBudget } from './budget.ts';
import { createSpaceTrackClient, type SpaceTrackClient } from './client.ts';
import { UpstreamError } from './errors.ts';
import { freePort } from '../test-support/free-port.ts';
import { rejectionOf } from '../test-support/rejection.ts';

let fake: FakeSpaceTrack;
let logs: LogCapture;
const clients: SpaceTrackClient[] = [];

beforeEach(async () => {
  fake = await startFakeSpaceTrack();
  logs = captureLogs();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await fake.close();
});

function client(o: { maxPerMinute?: number; timeoutMs?: number; password?: string; baseUrl?: string } = {}): SpaceTrackClient {
  const c = createSpaceTrackClient({
    baseUrl: o.baseUrl ?? fake.url,
    identity: fake.identity,
    password: o.password ?? fake.password,
    timeoutMs: o.timeoutMs ?? 5000,
    budget: createMemoryBudget({ maxPerMinute: o.maxPerMinute ?? 20, maxPerHour: 200 }),
    logger: logs.logger,
  });
  clients.push(c);
  return c;
}

describe('Space-Track session', () => {
  it('logs in once with the URL-encoded credentials and reuses the session for every query', async () => {
    const c = client();
    const first = await c.fetchBoxscore();
    await c.fetchBoxscore();
    await c.fetchBoxscore();
    expect(first.rows).toHaveLength(86); // 85 countries + ALL, the real 2015-03-05 file
    expect(first.parsed.totals.counts.countryTotal).toBe(40454);
    expect(fake.counts()).toEqual({ login: 1, query: 3, satcat: 0, logout: 0, total: 4, other: 0 });
  });

  it('on a 401 logs in again once and repeats the query once', async () => {
    const c = client();
    await c.fetchBoxscore();
    fake.setScenario('expired-once');
    const again = await c.fetchBoxscore();
    expect(again.parsed.rows).toHaveLength(85);
    expect(fake.counts()).toMatchObject({ login: 2, query: 3 });
  });

  it('gives up when the 401 persists after the re-login', async () => {
    fake.setScenario('expired-always');
    const err = await rejectionOf(client().fetchBoxscore(), UpstreamError);
    expect(err.code).toBe('UPSTREAM_SESSION_REJECTED');
    expect(fake.counts()).toMatchObject({ login: 2, query: 2, total: 4 });
  });

  it('recognises the HTTP-200 {"Login":"Failed"} answer and does not query or retry', async () => {
    const err = await rejectionOf(client({ password: 'wrong password' }).fetchBoxscore(), UpstreamError);
    expect(err.code).toBe('UPSTREAM_LOGIN_FAILED');
    expect(err.message).toBe('Space-Track rejected the credentials');
    expect(fake.counts()).toMatchObject({ login: 1, query: 0, total: 1 });
  });

  it('logs out on close, once, and not at all when never logged in', async () => {
    const c = client();
    await c.fetchBoxscore();
    await c.close();
    await c.close();
    expect(fake.counts()).toMatchObject({ login: 1, query: 1, logout: 1 });
    await client().close();
    expect(fake.counts().logout).toBe(1);
  });
});

describe('request budget', () => {
  it('refuses before sending: the fake never sees the refused request', async () => {
    const c = client({ maxPerMinute: 3 });
    await c.fetchBoxscore(); // login + query
    await c.fetchBoxscore(); // query
    const err = await rejectionOf(c.fetchBoxscore(), UpstreamError);
    expect(err.code).toBe('UPSTREAM_BUDGET_EXHAUSTED');
    expect(err.details.retryAfterSeconds).toBeGreaterThan(50);
    expect(err.message).toMatch(/request budget/);
    expect(fake.counts()).toEqual({ login: 1, query: 2, satcat: 0, logout: 0, total: 3, other: 0 });
  });

  it('counts the logout too: with the budget used up, close sends nothing and says why', async () => {
    const c = client({ maxPerMinute: 2 });
    await c.fetchBoxscore(); // login + query: the budget is used up
    await c.close();
    expect(fake.counts()).toEqual({ login: 1, query: 1, satcat: 0, logout: 0, total: 2, other: 0 });
    expect(logs.text()).toContain('"what":"logout"');
    expect(logs.text()).toContain('request budget used up: nothing sent');
    expect(logs.text()).toContain('"code":"UPSTREAM_BUDGET_EXHAUSTED","msg":"logout failed"');
  });

  it('counts the login: with a budget of one, the query is never sent', async () => {
    const err = await rejectionOf(client({ maxPerMinute: 1 }).fetchBoxscore(), UpstreamError);
    expect(err.code).toBe('UPSTREAM_BUDGET_EXHAUSTED');
    expect(fake.counts()).toMatchObject({ login: 1, query: 0, total: 1 });
  });
});

describe('classification of every upstream fault', () => {
  const cases: [FakeScenario, string, RegExp][] = [
    ['rate-limit-500', 'UPSTREAM_RATE_LIMITED', /rate limit/],
    ['rate-limit-200', 'UPSTREAM_RATE_LIMITED', /rate limit/],
    ['maintenance-200', 'UPSTREAM_MAINTENANCE', /web page instead of data/],
    ['maintenance-503', 'UPSTREAM_MAINTENANCE', /maintenance/],
    ['malformed-json', 'UPSTREAM_MALFORMED', /not valid JSON/],
    ['truncated-json', 'UPSTREAM_MALFORMED', /cut off/],
    ['empty-string', 'UPSTREAM_EMPTY', /empty answer/],
    ['empty-array', 'UPSTREAM_EMPTY', /empty answer/],
    ['invalid-rows', 'UPSTREAM_INVALID_DATA', /not a valid boxscore: Boxscore row 4 is invalid: ORBITAL_PAYLOAD_COUNT/],
    ['reset', 'UPSTREAM_RESET', /cut off/],
  ];
  it.each(cases)('%s -> %s', async (scenario, code, message) => {
    fake.setScenario(scenario);
    const err = await rejectionOf(client().fetchBoxscore(), UpstreamError);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(fake.counts()).toMatchObject({ login: 1, query: 1 }); // no immediate retry
  });

  it('times out an answer that never completes, after the configured timeout', async () => {
    fake.setScenario('hang');
    const started = Date.now();
    const err = await rejectionOf(client({ timeoutMs: 300 }).fetchBoxscore(), UpstreamError);
    expect(err.code).toBe('UPSTREAM_TIMEOUT');
    expect(err.message).toBe('Space-Track did not answer within 0.3 seconds.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a refused connection', async () => {
    const closedPort = await freePort();
    const err = await rejectionOf(client({ baseUrl: `http://127.0.0.1:${closedPort}` }).fetchBoxscore(), UpstreamError);
    expect(err.code).toBe('UPSTREAM_UNREACHABLE');
    expect(err.message).toBe('Space-Track could not be reached.');
  });

  it('never puts the credentials or the session cookie into an error or a log line', async () => {
    const c = client();
    await c.fetchBoxscore();
    const messages: string[] = [];
    for (const s of ['expired-always', 'rate-limit-500', 'maintenance-200', 'invalid-rows', 'reset'] as const) {
      fake.setScenario(s);
      messages.push((await rejectionOf(c.fetchBoxscore(), UpstreamError)).message);
    }
    messages.push((await rejectionOf(client({ password: 'wrong password' }).fetchBoxscore(), UpstreamError)).message);
    await c.close();
    const tokens = fake.issuedSessions();
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const everything = messages.join('\n') + logs.text();
    expect(logs.text()).toContain('logged in to Space-Track'); // the capture really holds the log
    for (const secret of [fake.identity, fake.password, encodeURIComponent(fake.password), 'wrong password', ...tokens]) {
      expect(everything).not.toContain(secret);
    }
  });
});
