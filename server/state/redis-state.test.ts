/**
 * The Redis implementations on their own, against a real redis-server started here: the shared
 * budget is atomic and fenced, the lock is exclusive and expires, the session is compare-and-delete,
 * and Redis being down is an UpstreamError (nothing sent), never a crash.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { createSpaceTrackClient } from '../spacetrack/client.ts';
import { embeddedRows } from '../test-support/embedded-rows.ts';
import { captureLogs } from '../test-support/live-harness.ts';
import { startRedis, type TestRedis } from '../test-support/redis-server.ts';
import { UpstreamError } from '../spacetrack/errors.ts';
import { redisState, type SharedState } from './shared-state.ts';

let redis: TestRedis;
let state: SharedState;
const logs = captureLogs();

beforeAll(async () => {
  redis = await startRedis();
  state = await redisState({ url: redis.url, lockTtlMs: 1000 }, logs.logger);
});
afterAll(async () => {
  await state.close();
  await redis.close();
});
beforeEach(async () => {
  await redis.cli('flushall');
});

describe('shared state in Redis', () => {
  it('the budget grants exactly the limit to 60 concurrent takers, and says how long until the next', async () => {
    const budget = state.budget({ maxPerMinute: 20, maxPerHour: 200 });
    const decisions = await Promise.all(Array.from({ length: 60 }, () => budget.take()));
    expect(decisions.filter((d) => d.granted)).toHaveLength(20);
    const refused = decisions.find((d) => !d.granted);
    expect(refused && !refused.granted && refused.retryAfterMs).toBeGreaterThan(55_000);
    // A second instance (another budget object) shares the same windows.
    expect(await state.budget({ maxPerMinute: 20, maxPerHour: 200 }).take()).toMatchObject({ granted: false });
    expect(await redis.cli('zcard', 'boxscore:budget')).toBe('20');
  });

  it('the lock lets one holder in; another waits until it is released, and learns what the attempt left', async () => {
    const other = await redisState({ url: redis.url, lockTtlMs: 1000 }, logs.logger);
    try {
      const first = await state.gate.acquire();
      let secondIn = false;
      const second = other.gate.acquire().then((lease) => ((secondIn = true), lease));
      await new Promise((r) => setTimeout(r, 300));
      expect(secondIn).toBe(false);
      await first.release({ nextAttemptAt: Date.now() + 60_000, error: { code: 'UPSTREAM_MAINTENANCE', message: 'down', status: 503 } });
      const lease = await second;
      expect(lease.previous).toMatchObject({ error: { code: 'UPSTREAM_MAINTENANCE', status: 503 } });
      await lease.release({ nextAttemptAt: 0 });
    } finally {
      await other.close();
    }
  });

  it('a holder that lost its lock (expired, taken by another) can send nothing more: the budget is fenced', async () => {
    const other = await redisState({ url: redis.url, lockTtlMs: 1000 }, logs.logger);
    try {
      const stalled = await state.gate.acquire();
      // The holder's process stalls past the expiry: simulated by the lock expiring under it.
      await redis.cli('pexpire', 'boxscore:fetch-lock', '1');
      const takeover = await other.gate.acquire();
      const error = await Promise.resolve(state.budget({ maxPerMinute: 20, maxPerHour: 200 }).take()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).code).toBe('FETCH_TAKEN_OVER');
      expect(await other.budget({ maxPerMinute: 20, maxPerHour: 200 }).take()).toEqual({ granted: true });
      await stalled.release({ nextAttemptAt: 0 });
      expect(await redis.cli('get', 'boxscore:fetch-lock')).toMatch(/^\d+:/);
      await takeover.release({ nextAttemptAt: 0 });
    } finally {
      await other.close();
    }
  });

  it('the session is shared, and a refused cookie is forgotten only if no newer one replaced it', async () => {
    await state.session.save('chocolatechip=old; Path=/', 60_000);
    expect(await state.session.load()).toBe('chocolatechip=old; Path=/');
    await state.session.save('chocolatechip=new; Path=/', 60_000);
    await state.session.discard('chocolatechip=old; Path=/');
    expect(await state.session.load()).toBe('chocolatechip=new; Path=/');
    await state.session.discard('chocolatechip=new; Path=/');
    expect(await state.session.load()).toBeUndefined();
    expect(logs.text()).not.toContain('chocolatechip=');
  });

  it('the store keeps copies atomically, newest first, and announces each to watchers', async () => {
    const store = state.snapshots('');
    const heard: string[] = [];
    store.watch?.((s) => heard.push(s.fetchedAt));
    await new Promise((r) => setTimeout(r, 100));
    await store.save({ fetchedAt: new Date('2026-03-01T17:05:00Z'), rows: embeddedRows('2015-02-23') });
    await store.save({ fetchedAt: new Date('2026-03-02T17:05:00Z'), rows: embeddedRows() });
    expect((await store.list()).map((s) => s.fetchedAt)).toEqual(['2026-03-02T17:05:00.000Z', '2026-03-01T17:05:00.000Z']);
    expect((await store.latest())?.parsed.rows.length).toBeGreaterThan(80);
    await expect.poll(() => heard).toEqual(['2026-03-01T17:05:00.000Z', '2026-03-02T17:05:00.000Z']);
  });

  it('a holder of two locks (boxscore and catalogue) that lost one sends nothing more until it lets go of it', async () => {
    const other = await redisState({ url: redis.url, lockTtlMs: 1000 }, logs.logger);
    try {
      const boxscore = await state.gate.acquire();
      const catalogue = await state.catalogueGate.acquire();
      const budget = state.budget({ maxPerMinute: 20, maxPerHour: 200 });
      expect(await budget.take()).toEqual({ granted: true });
      await redis.cli('pexpire', 'boxscore:catalogue-fetch-lock', '1');
      const takeover = await other.catalogueGate.acquire();
      const error = await Promise.resolve(budget.take()).catch((e: unknown) => e);
      expect((error as UpstreamError).code).toBe('FETCH_TAKEN_OVER');
      await catalogue.release({ nextAttemptAt: 0 });
      expect(await budget.take()).toEqual({ granted: true });
      await Promise.all([takeover.release({ nextAttemptAt: 0 }), boxscore.release({ nextAttemptAt: 0 })]);
    } finally {
      await other.close();
    }
  });

  it('the catalogue store keeps the newest two copies compressed, atomically, and announces each; a bad one is set aside', async () => {
    const store = state.catalogues('');
    const heard: string[] = [];
    store.watch?.((copy) => heard.push(copy.fetchedAt));
    await new Promise((r) => setTimeout(r, 100));
    const text = JSON.stringify([{ NORAD_CAT_ID: '1', OBJECT_TYPE: 'PAYLOAD' }]);
    for (const day of ['01', '02', '03']) await store.save(new Date(`2026-03-${day}T17:05:00Z`), text);
    expect(await store.list()).toEqual([
      { id: 'satcat-2026-03-03T17-05-00-000Z.json.gz', fetchedAt: '2026-03-03T17:05:00.000Z' },
      { id: 'satcat-2026-03-02T17-05-00-000Z.json.gz', fetchedAt: '2026-03-02T17:05:00.000Z' },
    ]);
    expect(gunzipSync((await store.read('satcat-2026-03-03T17-05-00-000Z.json.gz'))!).toString()).toBe(text);
    expect(await redis.cli('exists', 'boxscore:catalogue:satcat-2026-03-01T17-05-00-000Z.json.gz')).toBe('0');
    await expect.poll(() => heard).toEqual(['2026-03-01T17:05:00.000Z', '2026-03-02T17:05:00.000Z', '2026-03-03T17:05:00.000Z']);
    // One that could not be read is moved aside (kept for inspection) and no longer listed.
    await store.setAside('satcat-2026-03-03T17-05-00-000Z.json.gz');
    expect((await store.list()).map((c) => c.fetchedAt)).toEqual(['2026-03-02T17:05:00.000Z']);
    expect(await redis.cli('keys', 'boxscore:corrupt:*')).toMatch(/^boxscore:corrupt:\d+:catalogue:satcat-2026-03-03/);
    expect(logs.text()).toContain('bad value in the shared catalogue store');
  });

  it('with Redis down every part answers SHARED_STATE_UNAVAILABLE (nothing is sent upstream) and health says degraded', async () => {
    await redis.stop();
    try {
      await expect.poll(() => state.health(), { timeout: 10_000 }).toEqual({ status: 'degraded', redis: 'down' });
      const attempts: (() => unknown)[] = [
        () => state.budget({ maxPerMinute: 20, maxPerHour: 200 }).take(),
        () => state.gate.acquire(),
        () => state.catalogueGate.acquire(),
        () => state.session.load(),
        () => state.snapshots('').latest(),
        () => state.catalogues('').list(),
      ];
      for (const attempt of attempts) {
        const error = await Promise.resolve().then(attempt).catch((e: unknown) => e);
        expect((error as UpstreamError).code).toBe('SHARED_STATE_UNAVAILABLE');
      }
    } finally {
      await redis.start();
    }
    await expect.poll(() => state.health(), { timeout: 20_000 }).toEqual({ status: 'ok', redis: 'up' });
  }, 60_000);
});

describe('two Space-Track clients sharing one session through Redis', () => {
  it('two at once make one login; after a 401 one new login serves both, even when both meet it at once; the cookie is in no log', async () => {
    const fake = await startFakeSpaceTrack();
    const other = await redisState({ url: redis.url, lockTtlMs: 1000 }, logs.logger);
    const client = (s: SharedState) =>
      createSpaceTrackClient({ baseUrl: fake.url, identity: fake.identity, password: fake.password, timeoutMs: 5000, budget: s.budget({ maxPerMinute: 20, maxPerHour: 200 }), session: s.session, logger: logs.logger });
    const [a, b] = [client(state), client(other)];
    try {
      // Cold, at once (the boxscore's and the catalogue's fetches on two instances): one login.
      await Promise.all([a.fetchBoxscore(), b.fetchBoxscore()]);
      expect(fake.counts()).toMatchObject({ login: 1, query: 2 });
      // The session runs out upstream: A meets the 401 and logs in again; B then adopts A's new session.
      fake.setScenario('expired-once');
      await a.fetchBoxscore();
      expect(fake.counts()).toMatchObject({ login: 2, query: 4 });
      await b.fetchBoxscore();
      expect(fake.counts()).toMatchObject({ login: 2, query: 6 });
      // Both meet a 401 at once (two fetches, two instances): still one new login, shared.
      fake.setScenario('expired-once');
      await Promise.all([a.fetchBoxscore(), b.fetchBoxscore()]);
      expect(fake.counts()).toMatchObject({ login: 3 });
      await Promise.all([a.close(), b.close()]);
      // A shared session is not logged out by one instance leaving.
      expect(fake.counts().logout).toBe(0);
      for (const cookie of fake.issuedSessions()) expect(logs.text()).not.toContain(cookie);
    } finally {
      await other.close();
      await fake.close();
    }
  });
});
