import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSpaceTrack, type FakeSpaceTrack } from './fake-space-track.ts';

let fake: FakeSpaceTrack;
beforeEach(async () => {
  fake = await startFakeSpaceTrack();
});
afterEach(() => fake.close());

const form = (identity: string, password: string) => new URLSearchParams({ identity, password }).toString();

async function login(identity = fake.identity, password = fake.password) {
  return fetch(`${fake.url}/ajaxauth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form(identity, password),
  });
}

async function sessionCookie(): Promise<string> {
  const [setCookie] = (await login()).headers.getSetCookie();
  return (setCookie ?? '').split(';')[0] ?? '';
}

const query = (cookie?: string) =>
  fetch(`${fake.url}/basicspacedata/query/class/boxscore/format/json`, { headers: cookie ? { cookie } : {} });

describe('fake Space-Track', () => {
  it('listens on 127.0.0.1 and logs in with the URL-encoded credentials, setting the chocolatechip cookie', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await login();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^chocolatechip=[0-9a-f]{48}; expires=[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT; Max-Age=7200; path=\/; HttpOnly;HttpOnly;Secure$/);
    expect(fake.issuedSessions()).toEqual([cookies[0]?.slice('chocolatechip='.length, 62)]);
  });

  it('answers a failed login with HTTP 200 {"Login":"Failed"} and no cookie', async () => {
    for (const res of [await login(fake.identity, 'wrong'), await login('someone@else', fake.password)]) {
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{"Login":"Failed"}');
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    fake.setScenario('login-failed');
    expect(await (await login()).text()).toBe('{"Login":"Failed"}');
  });

  it('serves the real snapshot byte for byte to a logged-in session, 401 otherwise', async () => {
    expect((await query()).status).toBe(401);
    expect((await query('chocolatechip=forged')).status).toBe(401);
    const cookie = await sessionCookie();
    const res = await query(cookie);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(new URL('../../server/boxscore/snapshots/boxscore-2015-03-05.json', import.meta.url)))).toBe(true);
  });

  it('ends the session on logout and counts every request by kind', async () => {
    const cookie = await sessionCookie();
    await query(cookie);
    await fetch(`${fake.url}/ajaxauth/logout`, { headers: { cookie } });
    expect((await query(cookie)).status).toBe(401);
    expect((await fetch(`${fake.url}/basicspacedata/query/class/gp/format/json`, { headers: { cookie } })).status).toBe(404);
    expect(fake.counts()).toEqual({ login: 1, query: 2, satcat: 0, logout: 1, total: 5, other: 1 });
  });

  it('expires the session once in expired-once, always in expired-always', async () => {
    fake.setScenario('expired-once');
    expect((await query(await sessionCookie())).status).toBe(401);
    expect((await query(await sessionCookie())).status).toBe(200);
    fake.setScenario('expired-always');
    expect((await query(await sessionCookie())).status).toBe(401);
    expect((await query(await sessionCookie())).status).toBe(401);
  });

  it.each([
    ['rate-limit-500', 500, /violated your query rate limit/],
    ['rate-limit-200', 200, /^\[\{"error":"You've violated your query rate limit\./],
    ['maintenance-200', 200, /Horribly Wrong/],
    ['maintenance-503', 503, /maintenance/],
    ['empty-string', 200, /^$/],
    ['empty-array', 200, /^\[\]$/],
    ['invalid-rows', 200, /"ORBITAL_PAYLOAD_COUNT":"twelve"/],
  ] as const)('scenario %s answers %i', async (scenario, status, body) => {
    const cookie = await sessionCookie();
    fake.setScenario(scenario);
    const res = await query(cookie);
    expect(res.status).toBe(status);
    expect(await res.text()).toMatch(body);
  });

  it('cuts the connection in reset, and can be switched and read through its control endpoints', async () => {
    const cookie = await sessionCookie();
    const switched = await fetch(`${fake.url}/__fake/scenario`, { method: 'POST', body: JSON.stringify({ scenario: 'reset' }) });
    expect(await switched.json()).toEqual({ scenario: 'reset', delayMs: 0 });
    await expect(query(cookie)).rejects.toThrow(/fetch failed/);
    expect(await (await fetch(`${fake.url}/__fake/counts`)).json()).toEqual({ login: 1, query: 1, satcat: 0, logout: 0, total: 2, other: 0 });
    expect((await fetch(`${fake.url}/__fake/scenario`, { method: 'POST', body: '{"scenario":"nope"}' })).status).toBe(400);
  });

  it('delays answers to queries by the configured time', async () => {
    const cookie = await sessionCookie();
    fake.setDelayMs(150);
    const started = Date.now();
    expect((await query(cookie)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
