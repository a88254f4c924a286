import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeSpaceTrack, type FakeScenario, type FakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { createLogger } from '../logger.ts';
import { createMemoryBudget } from '../spacetrack/budget.ts';
import { createSpaceTrackClient } from '../spacetrack/client.ts';
import { fixedCatalogueSource } from '../test-support/catalogue.ts';
import { manualClock, tempDir } from '../test-support/live-harness.ts';
import type { CatalogueSource, LoadedCatalogue } from './catalogue-source.ts';
import { createCatalogueStore } from './catalogue-store.ts';
import { createLiveCatalogue } from './live-catalogue.ts';

const logger = createLogger('silent');
// Each fetched copy is parsed in a worker: seconds on a busy machine.
const SETTLE = { timeout: 60_000, interval: 100 };

describe('the live catalogue against the fake Space-Track', () => {
  let fake: FakeSpaceTrack;
  let clock: ReturnType<typeof manualClock>;
  let dir: string;
  beforeEach(async () => {
    fake = await startFakeSpaceTrack();
    clock = manualClock('2026-11-26T18:00:00Z');
    dir = tempDir();
  });
  afterEach(() => fake.close());

  function live(): CatalogueSource {
    const budget = createMemoryBudget({ maxPerMinute: 20, maxPerHour: 200, now: () => clock.now().getTime() });
    const client = createSpaceTrackClient({ baseUrl: fake.url, identity: fake.identity, password: fake.password, timeoutMs: 10_000, budget, logger });
    return createLiveCatalogue({ client, store: createCatalogueStore({ dir, logger }), embedded: fixedCatalogueSource(), logger, minRefreshSeconds: 60, now: clock.now });
  }
  const settled = async (source: CatalogueSource, done: (c: LoadedCatalogue) => boolean) =>
    vi.waitFor(async () => {
      const c = (await source.current())!;
      if (!done(c)) throw new Error('not yet');
      return c;
    }, SETTLE);

  it('serves the shipped copy at once, fetches once after 17:00 UTC (only the fields used), stores it compressed, and a restart asks nothing', async () => {
    const catalogues = live();
    const first = (await catalogues.current())!;
    expect(first.ref).toMatchObject({ date: '2026-01-23', fetchedAt: null, stale: false });
    const fetched = await settled(catalogues, (c) => c.ref.fetchedAt !== null);
    expect(fetched.ref).toEqual({ date: '2026-11-26', firstDay: '1957-10-04', objects: 67422, leftOut: 0, fetchedAt: '2026-11-26T18:00:00.000Z', stale: false });
    await catalogues.current();
    clock.advance(3600);
    await catalogues.current();
    expect(fake.counts()).toMatchObject({ login: 1, satcat: 1, query: 0 });
    expect(readdirSync(dir)).toEqual(['satcat-2026-11-26T18-00-00-000Z.json.gz']);

    const before = fake.counts();
    const restarted = live();
    expect((await restarted.current())!.ref).toMatchObject({ fetchedAt: '2026-11-26T18:00:00.000Z', objects: 67422, stale: false });
    expect(fake.counts()).toEqual(before);
  }, 120_000);

  it.each<[FakeScenario, RegExp]>([
    ['maintenance-503', /web page instead of data/],
    ['truncated-json', /rejected whole: The satellite catalogue answer is not complete JSON/],
    ['empty-array', /empty answer|rejected whole: The satellite catalogue answer is empty/],
    ['rate-limit-200', /rate limit/],
  ])('%s: keeps the last good catalogue, stale, saying why in plain words', async (scenario, why) => {
    fake.setScenario(scenario);
    const catalogues = live();
    const stale = await settled(catalogues, (c) => c.ref.stale);
    expect(stale.ref).toMatchObject({ date: '2026-01-23', objects: 67422, fetchedAt: null, stale: true });
    expect(stale.message).toMatch(why);
    expect(stale.message).toMatch(/The satellite catalogue shipped with the dashboard is used instead\.$/);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  }, 120_000);

  it('rejects a catalogue missing a field, or cut to a small valid array, whole', async () => {
    await fake.close();
    for (const [rows, why] of [
      [[{ NORAD_CAT_ID: '1', OBJECT_TYPE: 'PAYLOAD' }], /has no INTLDES field/],
      [[{ NORAD_CAT_ID: '1', INTLDES: '1957-001A', OBJECT_TYPE: 'PAYLOAD', SATNAME: 'X', COUNTRY: 'CIS', LAUNCH: '1957-10-04', DECAY: null }], /holds 1 objects, under half of the 67422/],
    ] as const) {
      fake = await startFakeSpaceTrack({ satcat: Buffer.from(JSON.stringify(rows)) });
      const stale = await settled(live(), (c) => c.ref.stale);
      expect(stale.ref.objects).toBe(67422);
      expect(stale.message).toMatch(why);
      await fake.close();
    }
    fake = await startFakeSpaceTrack(); // for afterEach
  }, 120_000);
});
