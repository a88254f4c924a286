import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeSpaceTrack, type FakeScenario, type FakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { AppError } from '../http/app-error.ts';
import { createLive, manualClock, tempDir, type LiveOptions } from '../test-support/live-harness.ts';
import { boxscoreResponseSchema } from '../shared/contract.ts';
import type { BoxscoreSource } from './source.ts';
import { freePort } from '../test-support/free-port.ts';
import { rejectionOf } from '../test-support/rejection.ts';

let fake: FakeSpaceTrack;
const open: BoxscoreSource[] = [];

beforeEach(async () => {
  fake = await startFakeSpaceTrack();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close?.()));
  await fake.close();
});

async function live(o: Omit<LiveOptions, 'fake'> = {}) {
  const harness = await createLive({ fake, ...o });
  open.push(harness.source);
  return harness;
}

const info = async (s: BoxscoreSource) => boxscoreResponseSchema.parse((await s.current()).response).source;

describe('live source', () => {
  it('on a cold start waits for one fetch, stores it and serves it labelled live', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source, store } = await live({ now: clock.now });
    const first = await source.current();
    expect(first.response.source).toEqual({
      kind: 'live', asOf: '2026-06-01', fetchedAt: '2026-06-01T18:00:00.000Z', citation: 'Source: Space-Track.org', stale: false, message: null,
      // The next daily copy: pages poll by it, and Refresh has nothing to do before it.
      nextFetchAt: '2026-06-02T17:00:00.000Z',
    });
    expect(first.response.rows).toHaveLength(85);
    expect(await store.list()).toEqual([{ id: 'boxscore-2026-06-01T18-00-00.000Z.json', fetchedAt: '2026-06-01T18:00:00.000Z' }]);
    // The prepared response is reused, not rebuilt per call.
    expect(await source.current()).toBe(first);
    expect(fake.counts()).toMatchObject({ login: 1, query: 1, total: 2 });
  });

  it('labels a copy with its publication day, not the calendar day of the fetch', async () => {
    // At 10:00 UTC Space-Track still publishes the previous day's boxscore (published 17:00 UTC).
    const clock = manualClock('2026-06-02T10:00:00Z');
    const { source } = await live({ now: clock.now });
    expect(await info(source)).toMatchObject({ asOf: '2026-06-01', fetchedAt: '2026-06-02T10:00:00.000Z' });
    // Fetched exactly at 17:00:00.000 UTC: that day's copy.
    clock.set('2026-06-02T17:00:00.000Z');
    expect((await source.refresh!()).response.source).toMatchObject({ asOf: '2026-06-02', fetchedAt: '2026-06-02T17:00:00.000Z' });
  });

  it('single flight: concurrent callers share one login and one query', async () => {
    const { source } = await live({ now: manualClock('2026-06-01T18:00:00Z').now });
    const all = await Promise.all(Array.from({ length: 25 }, () => source.current()));
    expect(new Set(all).size).toBe(1);
    expect(fake.counts()).toMatchObject({ login: 1, query: 1, total: 2 });
  });

  it('single flight for manual refreshes too: concurrent refreshes and reads share one query', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source } = await live({ now: clock.now, minRefreshSeconds: 60 });
    await source.current();
    clock.set('2026-06-02T17:01:00Z'); // the next day's copy is due
    fake.setDelayMs(50);
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => source.refresh!()),
      ...Array.from({ length: 10 }, () => source.current()),
    ]);
    expect(new Set(results.slice(0, 10).map((r) => r.response.source.fetchedAt))).toEqual(new Set(['2026-06-02T17:01:00.000Z']));
    expect(fake.counts()).toMatchObject({ login: 1, query: 2, total: 3 });
  });

  it('fetches again only once the copy predates the latest 17:00 UTC, serving the old copy meanwhile', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source, store } = await live({ now: clock.now });
    await source.current();
    clock.set('2026-06-02T16:59:59Z');
    expect((await info(source)).fetchedAt).toBe('2026-06-01T18:00:00.000Z');
    expect(fake.counts().query).toBe(1);

    clock.set('2026-06-02T17:00:00Z');
    const during = await info(source); // answered at once from the stored copy
    // Due now: a page polls every few seconds until the new copy shows.
    expect(during).toMatchObject({ fetchedAt: '2026-06-01T18:00:00.000Z', stale: false, nextFetchAt: '2026-06-02T17:00:00.000Z' });
    await vi.waitFor(async () => expect((await info(source)).fetchedAt).toBe('2026-06-02T17:00:00.000Z'));
    expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
    expect(await store.list()).toHaveLength(2);
  });

  it('a restart with a stored copy serves it without any upstream request', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const first = await live({ now: clock.now });
    await first.source.current();
    await first.source.close?.();
    const before = fake.counts();

    clock.set('2026-06-02T09:00:00Z');
    const again = await live({ now: clock.now, dataDir: first.dataDir });
    expect(await info(again.source)).toMatchObject({ kind: 'live', fetchedAt: '2026-06-01T18:00:00.000Z', stale: false });
    expect(fake.counts()).toEqual(before);
  });

  it('manual refresh keeps to the daily rule: refused while the copy is current, whatever the minimum interval', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source } = await live({ now: clock.now, minRefreshSeconds: 600 });
    await source.current();
    clock.advance(3600); // well past the minimum interval
    const current = await rejectionOf(source.refresh!(), AppError);
    expect(current).toMatchObject({ status: 429, code: 'ALREADY_CURRENT', headers: { 'Retry-After': String(22 * 3600) } });
    expect(current.message).toBe(
      "This is already today's copy: Space-Track asks that the boxscore be fetched at most once a day, after 17:00 UTC. The next copy can be fetched from 2026-06-02 17:00 UTC.",
    );
    clock.set('2026-06-02T16:59:59Z');
    expect(await rejectionOf(source.refresh!(), AppError)).toMatchObject({ status: 429, code: 'ALREADY_CURRENT', headers: { 'Retry-After': '1' } });
    expect(fake.counts().query).toBe(1);

    clock.set('2026-06-02T17:00:00Z');
    const fresh = await source.refresh!();
    expect(fresh.response.source.fetchedAt).toBe('2026-06-02T17:00:00.000Z');
    expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
  });

  it('manual refresh after a failed attempt goes through the minimum interval, not the daily rule', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source } = await live({ now: clock.now, minRefreshSeconds: 600 });
    await source.current();
    fake.setScenario('maintenance-503');
    clock.set('2026-06-02T17:30:00Z');
    expect(await rejectionOf(source.refresh!(), AppError)).toMatchObject({ status: 502, code: 'UPSTREAM_MAINTENANCE' });
    clock.advance(100);
    const tooSoon = await rejectionOf(source.refresh!(), AppError);
    expect(tooSoon).toMatchObject({ status: 429, code: 'REFRESH_TOO_SOON', headers: { 'Retry-After': '500' } });
    expect(tooSoon.message).toMatch(/Try again in 8 min\.$/);
    // The page learns the same wait from the stale copy it shows: the end of the minimum interval.
    expect(await info(source)).toMatchObject({ stale: true, nextFetchAt: '2026-06-02T17:40:00.000Z' });
    expect(fake.counts().query).toBe(2);

    fake.setScenario('ok');
    clock.advance(500);
    expect((await source.refresh!()).response.source).toMatchObject({ fetchedAt: '2026-06-02T17:40:00.000Z', stale: false });
    expect(fake.counts()).toMatchObject({ login: 1, query: 3 });
  });

  it('with no good data at all, serves the embedded snapshot labelled as such and does not hammer', async () => {
    fake.setScenario('maintenance-503');
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source, dataDir } = await live({ now: clock.now, minRefreshSeconds: 600 });
    const shown = await info(source);
    expect(shown).toEqual({
      kind: 'snapshot', asOf: '2015-03-05', fetchedAt: null, citation: 'Source: Space-Track.org', stale: true,
      message: 'Space-Track answered with a web page instead of data (probably maintenance). No live data is available, so the embedded 2015 snapshot (as of 2015-03-05) is shown instead.',
      nextFetchAt: '2026-06-01T18:10:00.000Z',
    });
    expect((await source.current()).response.rows).toHaveLength(85);
    clock.advance(599);
    await source.current();
    expect(fake.counts()).toMatchObject({ login: 1, query: 1 });
    expect(readdirSync(dataDir)).toEqual([]);

    fake.setScenario('ok');
    clock.advance(1);
    expect(await info(source)).toMatchObject({ kind: 'live', stale: false, message: null });
    expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
  });

  it('a failed login is shown plainly and not retried until the minimum interval has passed', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source } = await live({ now: clock.now, password: 'not the password', minRefreshSeconds: 600 });
    expect((await info(source)).message).toMatch(/^Space-Track rejected the credentials\. No live data is available/);
    for (let i = 0; i < 5; i++) await source.current();
    expect(await rejectionOf(source.refresh!(), AppError)).toMatchObject({ status: 429, code: 'REFRESH_TOO_SOON' });
    expect(fake.counts()).toMatchObject({ login: 1, query: 0, total: 1 });
    clock.advance(600);
    const failed = await rejectionOf(source.refresh!(), AppError);
    expect(failed).toMatchObject({ status: 502, code: 'UPSTREAM_LOGIN_FAILED', message: 'Space-Track rejected the credentials' });
    expect(fake.counts()).toMatchObject({ login: 2, query: 0 });
  });

  it('backs off for an hour after a rate-limit answer, longer than the minimum interval', async () => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const { source } = await live({ now: clock.now, minRefreshSeconds: 60 });
    await source.current();
    fake.setScenario('rate-limit-500');
    clock.set('2026-06-02T17:00:00Z'); // the next day's copy is due
    expect(await rejectionOf(source.refresh!(), AppError)).toMatchObject({ status: 502, code: 'UPSTREAM_RATE_LIMITED' });
    clock.advance(61);
    expect(await rejectionOf(source.refresh!(), AppError)).toMatchObject({ status: 429, code: 'REFRESH_TOO_SOON', headers: { 'Retry-After': '3539' } });
    expect(fake.counts().query).toBe(2);
  });

  it('a used-up request budget answers 429 with its own Retry-After, sends nothing and keeps the data stale', async () => {
    // Fetched ten seconds before 17:00 UTC, so a new copy is due ten seconds later.
    const clock = manualClock('2026-06-01T16:59:50Z');
    const { source } = await live({ now: clock.now, minRefreshSeconds: 10, maxPerMinute: 2 });
    await source.current(); // login + query: the minute's budget is spent
    clock.advance(10);
    const refused = await rejectionOf(source.refresh!(), AppError);
    expect(refused).toMatchObject({ status: 429, code: 'UPSTREAM_BUDGET_EXHAUSTED', headers: { 'Retry-After': '50' } });
    expect(fake.counts()).toMatchObject({ login: 1, query: 1, total: 2 });
    expect(await info(source)).toMatchObject({ kind: 'live', stale: true, fetchedAt: '2026-06-01T16:59:50.000Z' });
    expect((await info(source)).message).toMatch(/request budget/);
    expect((await info(source)).nextFetchAt).toBe('2026-06-01T17:00:50.000Z');
    clock.advance(50);
    expect((await source.refresh!()).response.source).toMatchObject({ stale: false, fetchedAt: '2026-06-01T17:00:50.000Z' });
    expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
  });

  it('logs out upstream on close', async () => {
    const { source } = await live({ now: manualClock('2026-06-01T18:00:00Z').now });
    await source.current();
    await source.close?.();
    expect(fake.counts()).toMatchObject({ login: 1, query: 1, logout: 1 });
  });
});

describe('every upstream fault keeps the last good data, marked stale, with nothing stored overwritten', () => {
  const faults: [FakeScenario | 'refused', RegExp][] = [
    ['login-failed', /^Space-Track rejected the credentials\. /],
    ['expired-always', /^Space-Track refused the session even after logging in again\. /],
    ['rate-limit-500', /rate limit was exceeded/],
    ['rate-limit-200', /rate limit was exceeded/],
    ['maintenance-200', /web page instead of data/],
    ['maintenance-503', /web page instead of data/],
    ['malformed-json', /not valid JSON/],
    ['truncated-json', /not valid JSON \(malformed or cut off\)/],
    ['empty-string', /sent an empty answer/],
    ['empty-array', /sent an empty answer/],
    ['invalid-rows', /not a valid boxscore/],
    ['reset', /connection to Space-Track was cut off/],
    ['hang', /did not answer within 0\.3 seconds/],
    ['refused', /could not be reached/],
  ];

  it.each(faults)('%s', async (fault, message) => {
    const clock = manualClock('2026-06-01T18:00:00Z');
    const dataDir = tempDir();
    const first = await live({ now: clock.now, dataDir });
    await first.source.current();
    await first.source.close?.();
    const storedName = 'boxscore-2026-06-01T18-00-00.000Z.json';
    const storedBytes = readFileSync(join(dataDir, storedName));

    let baseUrl: string | undefined;
    if (fault === 'refused') {
      baseUrl = `http://127.0.0.1:${await freePort()}`;
    } else fake.setScenario(fault);
    clock.set('2026-06-02T17:30:00Z'); // due: the copy predates today's 17:00 UTC
    // A short timeout only where the timeout is the point: elsewhere a busy machine must not turn a fault into a timeout.
    const { source } = await live({ now: clock.now, dataDir, timeoutMs: fault === 'hang' ? 300 : 5000, baseUrl });
    expect(await info(source)).toMatchObject({ fetchedAt: '2026-06-01T18:00:00.000Z', stale: false });

    await vi.waitFor(async () => expect((await info(source)).stale).toBe(true), { timeout: 3000 });
    const shown = await info(source);
    expect(shown).toMatchObject({ kind: 'live', asOf: '2026-06-01', fetchedAt: '2026-06-01T18:00:00.000Z' });
    expect(shown.message).toMatch(message);
    expect(shown.message).toMatch(/Showing the last good copy, fetched 2026-06-01 18:00 UTC\.$/);
    expect((await source.current()).response.rows).toHaveLength(85);
    expect(readdirSync(dataDir)).toEqual([storedName]);
    expect(readFileSync(join(dataDir, storedName))).toEqual(storedBytes);
    // No immediate retry: more calls within the minimum interval reach nothing upstream.
    const after = fake.counts();
    for (let i = 0; i < 5; i++) await source.current();
    expect(fake.counts()).toEqual(after);
  });
});
