import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpaceTrack, type FakeSpaceTrack } from '../e2e/fake-upstream/fake-space-track.ts';
import { createApp } from './app.ts';
import { boxscoreResponseSchema, changesResponseSchema, historyResponseSchema, trendResponseSchema } from './shared/contract.ts';
import { createEmbeddedSource } from './boxscore/embedded.ts';
import { createHistory } from './boxscore/history.ts';
import { createLogger } from './logger.ts';
import { createLive, manualClock } from './test-support/live-harness.ts';
import { listen, type Listening } from './test-support/listen.ts';

const clientDir = mkdtempSync(join(tmpdir(), 'boxscore-client-'));
const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('history in snapshot mode', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createApp({ source: createEmbeddedSource(), logger: createLogger('silent'), clientDir }));
  });
  afterAll(() => server.close());

  it('lists the two embedded snapshots, oldest first', async () => {
    const { status, body } = await getJson(`${server.url}/api/boxscore/history`);
    expect(status).toBe(200);
    expect(historyResponseSchema.parse(body)).toEqual({
      snapshots: [
        { asOf: '2015-02-23', kind: 'snapshot', fetchedAt: null },
        { asOf: '2015-03-05', kind: 'snapshot', fetchedAt: null },
      ],
      catalogue: null,
    });
  });

  it('serves an older snapshot by date, and the current one under its own date', async () => {
    const older = boxscoreResponseSchema.parse((await getJson(`${server.url}/api/boxscore?asOf=2015-02-23`)).body);
    expect(older.source.asOf).toBe('2015-02-23');
    expect(older.totals.counts.countryTotal).toBe(40390);
    const current = boxscoreResponseSchema.parse((await getJson(`${server.url}/api/boxscore?asOf=2015-03-05`)).body);
    expect(current.totals.counts.countryTotal).toBe(40454);
    // Same bytes as the plain request: one prepared body, not a second copy.
    const [a, b] = await Promise.all([fetch(`${server.url}/api/boxscore?asOf=2015-03-05`), fetch(`${server.url}/api/boxscore`)]);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });

  it('answers per-country deltas between two dates', async () => {
    const changes = changesResponseSchema.parse((await getJson(`${server.url}/api/boxscore/changes?from=2015-02-23&to=2015-03-05`)).body);
    expect(changes.from.asOf).toBe('2015-02-23');
    expect(changes.rows.filter((r) => r.status === 'changed').map((r) => r.code).sort()).toEqual(['CIS', 'EUTE', 'IRAN', 'PRC', 'US']);
    expect(changes.totals.delta.orbitalTotal).toBe(48);
    expect(changes.totals.delta.countryTotal).toBe(64);
  });

  it('answers one country across all snapshots', async () => {
    const trend = trendResponseSchema.parse((await getJson(`${server.url}/api/boxscore/trend?code=cis`)).body);
    expect(trend.country).toBe('COMMONWEALTH OF INDEPENDENT STATES');
    expect(trend.points.map((p) => [p.asOf, p.counts?.orbitalTotal])).toEqual([
      ['2015-02-23', expect.any(Number)],
      ['2015-03-05', 6360],
    ]);
  });

  it.each([
    ['/api/boxscore?asOf=2015-3-5', 400, 'The query parameter asOf must be a date written YYYY-MM-DD, e.g. 2015-03-05.'],
    ['/api/boxscore?asOf=2015-02-30', 400, 'The query parameter asOf is not a real calendar date.'],
    ['/api/boxscore?asOf=2015-03-05&asOf=2015-02-23', 400, 'The query parameter asOf must be given once, as text.'],
    ['/api/boxscore?asof=2015-03-05', 400, 'Unknown query parameter: asof. Allowed: asOf, rebuilt.'],
    ['/api/boxscore?asOf=2015-03-06', 404, 'There is no snapshot as of 2015-03-06. Snapshots exist for: 2015-02-23, 2015-03-05.'],
    ['/api/boxscore/changes?from=2015-02-23', 400, 'The query parameter to is required.'],
    ['/api/boxscore/changes?from=2014-01-01&to=2016-01-01', 404, 'There is no snapshot as of 2014-01-01 or 2016-01-01. Snapshots exist for: 2015-02-23, 2015-03-05.'],
    ['/api/boxscore/history?x=1', 400, 'Unknown query parameter: x. Allowed: none.'],
    ['/api/boxscore/trend', 400, 'The query parameter code is required.'],
    ['/api/boxscore/trend?code=ATLANTIS', 404, 'No snapshot has a country with the code ATLANTIS.'],
  ])('%s answers %i with a clear message', async (path, status, message) => {
    const res = await getJson(`${server.url}${path}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code: status === 400 ? 'BAD_REQUEST' : status === 404 && path.includes('trend') ? 'NOT_FOUND' : 'SNAPSHOT_NOT_FOUND', message } });
  });
});

describe('history in live mode', () => {
  let fake: FakeSpaceTrack;
  beforeAll(async () => {
    fake = await startFakeSpaceTrack();
  });
  afterAll(() => fake.close());

  it('adds every stored copy after the embedded ones, each labelled with its publication day, and serves them by date', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const live = await createLive({ fake, now: clock.now, minRefreshSeconds: 60 });
    const history = createHistory({ source: live.source, store: live.store });
    const server = await listen(createApp({ source: live.source, history, logger: createLogger('silent'), clientDir }));
    try {
      await live.source.current(); // first fetch, 24 Nov before 17:00 UTC: the 23 Nov publication
      clock.set('2026-11-25T16:30:00Z'); // due: the copy predates 24 Nov 17:00 UTC; the 24 Nov publication
      await live.source.refresh?.();
      clock.set('2026-11-25T17:30:00Z'); // due again: the 25 Nov publication, which does not hide the 24th's
      await live.source.refresh?.();
      const list = historyResponseSchema.parse((await getJson(`${server.url}/api/boxscore/history`)).body);
      expect(list.snapshots).toEqual([
        { asOf: '2015-02-23', kind: 'snapshot', fetchedAt: null },
        { asOf: '2015-03-05', kind: 'snapshot', fetchedAt: null },
        { asOf: '2026-11-23', kind: 'live', fetchedAt: '2026-11-24T10:00:00.000Z' },
        { asOf: '2026-11-24', kind: 'live', fetchedAt: '2026-11-25T16:30:00.000Z' },
        { asOf: '2026-11-25', kind: 'live', fetchedAt: '2026-11-25T17:30:00.000Z' },
      ]);
      const older = boxscoreResponseSchema.parse((await getJson(`${server.url}/api/boxscore?asOf=2026-11-24`)).body);
      expect(older.source).toMatchObject({ kind: 'live', asOf: '2026-11-24', fetchedAt: '2026-11-25T16:30:00.000Z', stale: false });
      const changes = changesResponseSchema.parse((await getJson(`${server.url}/api/boxscore/changes?from=2015-03-05&to=2026-11-25`)).body);
      // The fake serves the 2015-03-05 data, so nothing changed.
      expect(changes.rows.every((r) => r.status === 'unchanged')).toBe(true);
      const trend = trendResponseSchema.parse((await getJson(`${server.url}/api/boxscore/trend?code=US`)).body);
      expect(trend.points.map((p) => p.asOf)).toEqual(['2015-02-23', '2015-03-05', '2026-11-23', '2026-11-24', '2026-11-25']);
      expect(fake.counts().query).toBe(3);
    } finally {
      await server.close();
      await live.source.close?.();
    }
  });
});
