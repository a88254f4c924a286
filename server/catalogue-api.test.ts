import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createEmbeddedSource, NEWEST_EMBEDDED, readEmbeddedSnapshot } from './boxscore/embedded.ts';
import { createHistory } from './boxscore/history.ts';
import { createNewestDaySource } from './catalogue/newest-day-source.ts';
import { createRebuilt } from './catalogue/rebuilt.ts';
import { createLogger } from './logger.ts';
import {
  boxscoreResponseSchema,
  changesResponseSchema,
  eventsResponseSchema,
  historyResponseSchema,
  objectsResponseSchema,
  timelineResponseSchema,
  trendResponseSchema,
} from './shared/contract.ts';
import { fixedCatalogueSource } from './test-support/catalogue.ts';
import { listen, type Listening } from './test-support/listen.ts';

const clientDir = mkdtempSync(join(tmpdir(), 'boxscore-client-'));
const CITATION = 'Source: Space-Track.org (satellite catalogue of 2026-01-23)';

describe('the API over the satellite catalogue, without credentials', () => {
  let server: Listening;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { res, body: res.status === 304 ? undefined : ((await res.json()) as unknown) };
  };
  const error = async (path: string) => {
    const { res, body } = await get(path);
    return [res.status, (body as { error: { message: string } }).error.message] as const;
  };

  beforeAll(async () => {
    const logger = createLogger('silent');
    const embedded = readEmbeddedSnapshot(NEWEST_EMBEDDED);
    const rebuilt = createRebuilt({ catalogues: fixedCatalogueSource(), newestRealRows: async () => embedded.rows });
    const source = createNewestDaySource(rebuilt, createEmbeddedSource(), logger);
    server = await listen(createApp({ source, rebuilt, history: createHistory({ source, rebuilt }), logger, clientDir }));
    // Preparing the real catalogue (67,422 objects) takes a few seconds on a busy machine.
  }, 60_000);
  afterAll(() => server.close());

  it('opens on the catalogue\'s newest day, rebuilt and labelled so, with the catalogue it came from', async () => {
    const body = boxscoreResponseSchema.parse((await get('/api/boxscore')).body);
    expect(body.source).toMatchObject({ kind: 'rebuilt', asOf: '2026-01-23', fetchedAt: null, citation: CITATION, stale: false });
    expect(body.source.message).toMatch(/^Rebuilt from Space-Track's satellite catalogue of 2026-01-23 .*not Space-Track's own boxscore\. 399 decayed objects of unknown type are in no count/);
    expect(body.source.rebuilt).toEqual({
      catalogue: { date: '2026-01-23', firstDay: '1957-10-04', objects: 67422, leftOut: 0, fetchedAt: null, stale: false },
      counted: 67422,
      decayedUnknown: 399,
    });
    expect(body.totals.counts.countryTotal + 399).toBe(67422);
    // Names: owner-codes.json first; the codes it lacks keep their code (no real boxscore names them either).
    expect(body.rows.find((r) => r.code === 'US')?.country).toBe('UNITED STATES OF AMERICA');
    expect(body.rows.find((r) => r.code === 'TWN')?.country).toBe('TWN');
  });

  it('serves a real boxscore where one exists, the rebuilt one on request, and any other day rebuilt', async () => {
    const real = boxscoreResponseSchema.parse((await get('/api/boxscore?asOf=2015-03-05')).body);
    expect(real.source.kind).toBe('snapshot');
    expect(real.totals.counts.orbitalTotal).toBe(17094);
    const forced = boxscoreResponseSchema.parse((await get('/api/boxscore?asOf=2015-03-05&rebuilt=true')).body);
    expect(forced.source).toMatchObject({ kind: 'rebuilt', asOf: '2015-03-05', citation: CITATION });
    expect(forced.totals.counts.orbitalTotal).toBe(17012);
    const sputnik = boxscoreResponseSchema.parse((await get('/api/boxscore?asOf=1957-10-04')).body);
    expect(sputnik.rows.map((r) => [r.code, r.counts.orbitalPayload, r.counts.orbitalRocketBody])).toEqual([['CIS', 1, 1]]);
  });

  it('answers a day outside the catalogue with a 404 naming the range, and bad parameters with a 400 naming them', async () => {
    expect(await error('/api/boxscore?asOf=1957-10-03')).toEqual([404, expect.stringContaining('Any day from 1957-10-04 to 2026-01-23 can be rebuilt')]);
    expect(await error('/api/boxscore?asOf=2030-01-01&rebuilt=true')).toEqual([404, 'There is no boxscore for 2030-01-01: any day from 1957-10-04 to 2026-01-23 can be rebuilt from the satellite catalogue.']);
    expect(await error('/api/boxscore?rebuilt=yes')).toEqual([400, 'The query parameter rebuilt must be true or false.']);
    expect(await error('/api/timeline?step=week')).toEqual([400, 'The query parameter step must be year or month.']);
    expect(await error('/api/timeline?codes=A,B,C,D,E,F,G,H,I,J,K,L,M')).toEqual([400, 'The query parameter codes must name at most 12 owner codes.']);
    expect(await error('/api/timeline?from=2000-01-01&to=1999-01-01')).toEqual([400, 'The query parameter from (2000-01-01) must not be after to (1999-01-01).']);
    expect(await error('/api/timeline?codes=ZZZ')).toEqual([404, 'No object of the satellite catalogue of 2026-01-23 has the owner code ZZZ.']);
    expect(await error('/api/objects?limit=501')).toEqual([400, 'The query parameter limit must be from 1 to 500.']);
    expect(await error('/api/objects?sort=weight')).toEqual([400, expect.stringMatching(/^The query parameter sort must be one of noradId, name, intlDes, launch, decay/)]);
    expect(await error('/api/objects?type=station')).toEqual([400, 'The query parameter type must be one of payload, rocketBody, debris, tba.']);
    expect(await error('/api/objects?asOf=1900-01-01')).toEqual([404, expect.stringContaining('any day from 1957-10-04 to 2026-01-23')]);
    expect(await error('/api/events?limit=0')).toEqual([400, 'The query parameter limit must be from 1 to 100.']);
    expect(await error('/api/events?top=3')).toEqual([400, 'Unknown query parameter: top. Allowed: limit.']);
  });

  it('objects: a page of the objects behind a count, whose total equals that count', async () => {
    const box = boxscoreResponseSchema.parse((await get('/api/boxscore?asOf=2015-03-05&rebuilt=true')).body);
    const body = objectsResponseSchema.parse((await get('/api/objects?code=us&type=debris&state=orbital&asOf=2015-03-05&sort=-launch&offset=10&limit=5')).body);
    expect(body.total).toBe(box.rows.find((r) => r.code === 'US')!.counts.orbitalDebris);
    expect(body).toMatchObject({ code: 'US', type: 'debris', state: 'orbital', sort: '-launch', offset: 10, limit: 5, citation: CITATION });
    expect(body.objects).toHaveLength(5);
    expect(body.objects.map((o) => o.launch)).toEqual([...body.objects.map((o) => o.launch)].sort().reverse());
  });

  it('timeline: the world and each code asked for, every count aligned with the dates', async () => {
    const body = timelineResponseSchema.parse((await get('/api/timeline?codes=CIS,US&step=year&to=1960-06-30')).body);
    expect(body.dates).toEqual(['1957-12-31', '1958-12-31', '1959-12-31', '1960-06-30']);
    expect(body.series.map((s) => [s.code, s.country])).toEqual([
      ['CIS', 'COMMONWEALTH OF INDEPENDENT STATES'],
      ['US', 'UNITED STATES OF AMERICA'],
    ]);
    expect(body.world.counts.decayedRocketBody).toHaveLength(4);
    expect(body.series[0]!.counts.countryTotal[0]).toBe(3); // Sputnik 1, its rocket body, Sputnik 2
    expect(body.citation).toBe(CITATION);
    const world = timelineResponseSchema.parse((await get('/api/timeline?step=month')).body);
    expect(world.series).toEqual([]);
    expect(world.dates).toHaveLength(820);
    expect(world.dates.at(-1)).toBe('2026-01-23');
  });

  it('events: the breakups with the most catalogued debris, named from their pieces', async () => {
    const body = eventsResponseSchema.parse((await get('/api/events?limit=3')).body);
    expect(body.events.map((e) => [e.launch, e.name, e.owner, e.country])).toEqual([
      ['1999-025', 'FENGYUN 1C', 'PRC', 'PEOPLES REPUBLIC OF CHINA'],
      ['1982-092', 'COSMOS 1408', 'CIS', 'COMMONWEALTH OF INDEPENDENT STATES'],
      ['1993-036', 'COSMOS 2251', 'CIS', 'COMMONWEALTH OF INDEPENDENT STATES'],
    ]);
    expect(eventsResponseSchema.parse((await get('/api/events')).body).events).toHaveLength(10);
  });

  it('objects of one launch: an event\'s pieces, as many as the event says, each of that launch', async () => {
    const [fengyun] = eventsResponseSchema.parse((await get('/api/events?limit=1')).body).events;
    const pieces = objectsResponseSchema.parse((await get(`/api/objects?launch=${fengyun!.launch}&type=debris&sort=-decay&limit=500`)).body);
    expect(pieces).toMatchObject({ launch: '1999-025', type: 'debris', code: null, state: null, total: fengyun!.pieces });
    expect(pieces.objects).toHaveLength(Math.min(500, fengyun!.pieces));
    expect(pieces.objects.every((o) => o.intlDes.startsWith('1999-025'))).toBe(true);
    const inOrbit = objectsResponseSchema.parse((await get(`/api/objects?launch=1999-025&type=debris&state=orbital&limit=1`)).body);
    expect(inOrbit.total).toBe(fengyun!.inOrbit);
    // The launch's payloads are of it too: the two the event names (Fengyun 1C and SJ-5 shared the rocket).
    const payloads = objectsResponseSchema.parse((await get('/api/objects?launch=1999-025&type=payload')).body);
    expect(payloads.objects.map((o) => o.name)).toEqual(fengyun!.payloads);
    expect(fengyun!.payloads).toEqual(['FENGYUN 1C', 'SJ-5']);
    expect(await error('/api/objects?launch=1999-25')).toEqual([400, 'The query parameter launch must be a launch such as 1999-025 (year and launch number).']);
    expect(await error('/api/objects?launch=1999-025A')).toEqual([400, 'The query parameter launch must be a launch such as 1999-025 (year and launch number).']);
  });

  it('history says the catalogue\'s range and lists its day; changes and trends work for any days', async () => {
    const history = historyResponseSchema.parse((await get('/api/boxscore/history')).body);
    expect(history.snapshots.map((s) => [s.asOf, s.kind])).toEqual([
      ['2015-02-23', 'snapshot'],
      ['2015-03-05', 'snapshot'],
      ['2026-01-23', 'rebuilt'],
    ]);
    expect(history.catalogue).toMatchObject({ firstDay: '1957-10-04', date: '2026-01-23' });

    const real = changesResponseSchema.parse((await get('/api/boxscore/changes?from=2015-02-23&to=2015-03-05')).body);
    expect([real.from.kind, real.to.kind]).toEqual(['snapshot', 'snapshot']);
    // One real day and one other: both sides rebuilt, so the differences are the sky's, not the method's.
    const mixed = changesResponseSchema.parse((await get('/api/boxscore/changes?from=2007-01-01&to=2015-03-05')).body);
    expect([mixed.from.kind, mixed.to.kind]).toEqual(['rebuilt', 'rebuilt']);
    expect(mixed.rows.find((r) => r.code === 'PRC')!.delta.orbitalDebris).toBeGreaterThan(2000); // Fengyun 1C, 2007-01-11
    expect(await error('/api/boxscore/changes?from=1950-01-01&to=2015-03-05')).toEqual([404, expect.stringContaining('1950-01-01')]);

    const trend = trendResponseSchema.parse((await get('/api/boxscore/trend?code=PRC')).body);
    expect(trend.points[0]).toMatchObject({ asOf: '1970-12-31', kind: 'rebuilt' });
    expect(trend.points.filter((p) => p.kind === 'snapshot').map((p) => p.asOf)).toEqual(['2015-02-23', '2015-03-05']);
    expect(trend.points.at(-1)).toMatchObject({ asOf: '2026-01-23', kind: 'rebuilt' });
    expect(trend.citation).toBe(CITATION);
  });

  it('prepares each answer once: compressed, with an ETag that revalidates', async () => {
    const first = await fetch(`${server.url}/api/timeline?codes=US&step=month`, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/-gz"$/);
    const again = await get('/api/timeline?codes=US&step=month', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    const raw = await fetch(`${server.url}/api/objects?code=PRC`, { headers: { 'accept-encoding': 'br' } });
    expect(raw.headers.get('content-encoding')).toBe('br');
    expect(objectsResponseSchema.parse(await raw.json()).total).toBeGreaterThan(0);
  });
});
