/**
 * Oversized upstream answers (a broken or hostile Space-Track): refused while they stream in, in
 * bounded time, with the server answering /api/health throughout and the last good copy kept.
 * The real app on port 0 in front of the real fake Space-Track serving 20,000 rows or 50 MB.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSpaceTrack, type FakeScenario, type FakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { manualClock, startLiveApp, type LiveOptions } from '../test-support/live-harness.ts';
import { createRowCounter } from './answer-limits.ts';

let fake: FakeSpaceTrack | undefined;
const apps: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await fake?.close();
});

/**
 * Asks /api/health every 20 ms (a new request each time, on a connection kept alive) until
 * stopped: a blocked event loop shows as slow answers. Its latencies are the server's and this
 * process's together (the app, the fake and this loop share one event loop), so they are an upper
 * bound on how long the server kept a health check waiting.
 */
function watchHealth(url: string) {
  let stopped = false;
  const latencies: number[] = [];
  const failures: string[] = [];
  const running = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/api/health`);
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`status ${res.status}`);
      } catch (err) {
        failures.push(String(err));
      }
      const ms = performance.now() - t0;
      latencies.push(ms);
      await new Promise((r) => setTimeout(r, Math.max(0, 20 - ms)));
    }
  })();
  return async () => {
    stopped = true;
    await running;
    const sorted = [...latencies].sort((a, b) => a - b);
    return { latencies: latencies.map(Math.round), count: sorted.length, secondSlowest: sorted.at(-2) ?? Number.NaN, slowest: sorted.at(-1) ?? Number.NaN, failures };
  };
}

async function refuse(scenario: FakeScenario, limits?: LiveOptions['limits']) {
  fake = await startFakeSpaceTrack();
  const clock = manualClock('2026-06-01T18:00:00Z');
  const app = await startLiveApp({ fake, now: clock.now, minRefreshSeconds: 60, limits });
  apps.push(app);
  expect((await fetch(`${app.url}/api/boxscore`)).status).toBe(200); // the good copy
  fake.setScenario(scenario);
  clock.set('2026-06-02T17:30:00Z'); // the next day's copy is due
  const stop = watchHealth(app.url);
  const t0 = performance.now();
  const refused = await fetch(`${app.url}/api/boxscore/refresh`, { method: 'POST' });
  const refusedMs = performance.now() - t0;
  const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
  // A few more health checks after the refusal: the server is not busy with what it refused.
  await new Promise((r) => setTimeout(r, 100));
  const health = await stop();
  const still = (await (await fetch(`${app.url}/api/boxscore`)).json()) as { rows: unknown[]; source: { stale: boolean; fetchedAt: string } };
  return { status: refused.status, error, refusedMs, health, still, queries: fake.counts().query };
}

describe('oversized upstream answers', () => {
  // The goal: /api/health answered within 100 ms throughout. Measured here (the app, the
  // fake and this poller in one process, sampled every 20 ms from the refusal's start to 100 ms
  // after it), over three runs of five cases: slowest 4-91 ms, most answers 2-5 ms; the refusal
  // itself takes 25-220 ms. Every sample but one must meet the goal: on our shared 2-core machine
  // a lone request has taken up to ~650 ms with nothing blocking (load average 30), so the slowest
  // is printed and only held to a freeze bound. Before the limits the event loop froze for 9.4 s
  // on 20,000 rows and 86 s on 50 MB.
  const HEALTH_GOAL_MS = 100;
  const FREEZE_MS = 1000;
  const expectHealthy = (health: Awaited<ReturnType<ReturnType<typeof watchHealth>>>, what: string) => {
    console.info(`${what}: /api/health every 20 ms during the refusal, ms: ${health.latencies.join(' ')}`);
    expect(health.failures).toEqual([]);
    expect(health.count).toBeGreaterThan(3);
    expect(health.secondSlowest).toBeLessThanOrEqual(HEALTH_GOAL_MS);
    expect(health.slowest).toBeLessThan(FREEZE_MS);
  };
  const ROOM_FOR_ROWS = { what: 'the boxscore', maxBytes: 1_000_000, maxRows: 1_000_000 };
  it.each([
    ['oversized-rows', 'the default limits', 'over 1,000 rows', undefined],
    ['oversized-bytes', 'the default limits', 'over 1,000 rows', undefined],
    ['oversized-rows', 'room for a million rows', 'over 1,000,000 bytes', { boxscore: ROOM_FOR_ROWS }],
    ['oversized-bytes', 'room for a million rows', 'over 1,000,000 bytes', { boxscore: ROOM_FOR_ROWS }],
  ] as const)('%s with %s: refused (%s) in bounded time, health answering throughout, the last good copy kept', { timeout: 30_000 }, async (scenario, name, limit, limits) => {
    const r = await refuse(scenario, limits);
    expect(r.status).toBe(502);
    expect(r.error).toEqual({ code: 'UPSTREAM_TOO_LARGE', message: `Space-Track's answer was larger than the dashboard accepts for the boxscore (${limit}): it was refused.` });
    expect(r.refusedMs).toBeLessThan(5000);
    expectHealthy(r.health, `${scenario} with ${name}`);
    expect(r.still.rows).toHaveLength(85);
    expect(r.still.source).toMatchObject({ stale: true, fetchedAt: '2026-06-01T18:00:00.000Z' });
    expect(r.queries).toBe(2); // the good one and the refused one: a refused answer is not asked again at once
  });

  it('the limits are set per query: with room for 60 MB, 20,000 rows are refused at a row limit of 1,000', { timeout: 30_000 }, async () => {
    const r = await refuse('oversized-rows', { boxscore: { what: 'the boxscore', maxBytes: 60 * 1024 * 1024, maxRows: 1_000 } });
    expect(r.status).toBe(502);
    expect(r.error.message).toBe("Space-Track's answer was larger than the dashboard accepts for the boxscore (over 1,000 rows): it was refused.");
    expectHealthy(r.health, 'oversized-rows with room for 60 MB');
    expect(r.still.rows).toHaveLength(85);
  });

  it('a limit with room for the answer lets it through: the real boxscore (27 kB, 86 rows) within tight limits', async () => {
    fake = await startFakeSpaceTrack();
    const app = await startLiveApp({ fake, now: manualClock('2026-06-01T18:00:00Z').now, limits: { boxscore: { what: 'the boxscore', maxBytes: 30_000, maxRows: 86 } } });
    apps.push(app);
    const body = (await (await fetch(`${app.url}/api/boxscore`)).json()) as { rows: unknown[]; source: { kind: string } };
    expect(body.source.kind).toBe('live');
    expect(body.rows).toHaveLength(85);
  });
});

describe('the row counter', () => {
  it('counts the objects of the top-level array across chunks, whatever the strings hold', () => {
    const counter = createRowCounter();
    const text = JSON.stringify([{ COUNTRY: 'A {[', X: { nested: [{ a: 1 }] } }, { COUNTRY: 'B "quoted" \\ }]' }, { COUNTRY: '}' }]);
    let rows = 0;
    for (let i = 0; i < text.length; i += 7) rows = counter.feed(text.slice(i, i + 7));
    expect(rows).toBe(3);
    expect(createRowCounter().feed('[]')).toBe(0);
    expect(createRowCounter().feed('{"error":"x"}')).toBe(0);
  });
});
