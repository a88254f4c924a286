/**
 * The embedded catalogue's own day, rebuilt ahead of time: the file shipped is what the catalogue
 * rebuilds (same bytes, same ETag), it is served while the catalogue loads, and afterwards as long
 * as it is right (a wrong one gives way to the rebuilt boxscore, with a warning).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareBoxscore } from '../boxscore/source.ts';
import { QUICK } from '../http/prepared-json.ts';
import type { BoxscoreResponse } from '../shared/contract.ts';
import { captureLogs } from '../test-support/live-harness.ts';
import { embeddedCatalogue } from '../test-support/catalogue.ts';
import { describeCatalogue, type CatalogueSource, type LoadedCatalogue } from './catalogue-source.ts';
import { newestEmbeddedCatalogue } from './embedded.ts';
import { embeddedRealRows, readNewestRebuilt, rebuildNewest } from './newest-rebuilt.ts';
import { createRebuilt } from './rebuilt.ts';

const date = newestEmbeddedCatalogue()!.date;
let loaded: LoadedCatalogue;
let shipped: BoxscoreResponse;
beforeAll(() => {
  loaded = describeCatalogue(embeddedCatalogue(), null, false, null);
  shipped = readNewestRebuilt(date)!;
});

const prepare = ({ source, ...parsed }: BoxscoreResponse) => prepareBoxscore(source, parsed, QUICK);

/** A catalogue that loads when the test says so. */
function loadingCatalogue() {
  let release!: (value: LoadedCatalogue) => void;
  const loading = new Promise<LoadedCatalogue>((resolve) => (release = resolve));
  const catalogues: CatalogueSource = { current: () => loading };
  return { catalogues, release: async () => (release(loaded), await loading, await Promise.resolve()) };
}

const settledWithin = async <T>(promise: Promise<T>, ms = 50): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(resolve, ms, 'pending'))]);

describe('the boxscore rebuilt ahead of time', () => {
  it(`is shipped for the embedded catalogue of ${date}, and is what the catalogue rebuilds: the same content and ETags`, async () => {
    expect(shipped, `server/catalogue/embedded/rebuilt-${date}.json is missing: npm run catalogue:newest`).toBeDefined();
    const rebuilt = await rebuildNewest(loaded);
    expect(shipped, 'out of date: npm run catalogue:newest').toEqual(rebuilt);
    expect(prepare(shipped).body.etags).toEqual(prepare(rebuilt).body.etags);
    expect(shipped.rows).toHaveLength(121);
    expect(shipped.source).toMatchObject({ kind: 'rebuilt', asOf: date, rebuilt: { catalogue: { date, objects: 67_422 } } });
  });

  it('is served at once while the catalogue loads, and stays the same object (same ETag) once it has loaded', async () => {
    const { catalogues, release } = loadingCatalogue();
    const rebuilt = createRebuilt({ catalogues, newestRealRows: async () => embeddedRealRows(), ahead: { response: shipped, logger: captureLogs().logger } });
    expect(await settledWithin(rebuilt.catalogue())).toEqual({ ref: shipped.source.rebuilt!.catalogue, version: loaded.version });
    const early = await settledWithin(rebuilt.boxscore(date));
    expect(early).not.toBe('pending');
    if (early === 'pending') return;
    expect(early.response).toEqual(shipped);
    // Any other day needs the catalogue itself.
    const otherDay = rebuilt.boxscore('2000-01-01');
    expect(await settledWithin(otherDay)).toBe('pending');

    await release();
    expect((await otherDay).response.source.asOf).toBe('2000-01-01');
    expect(await rebuilt.catalogue()).toBe(loaded);
    const after = await rebuilt.boxscore(date);
    expect(after).toBe(early);
    expect(after.body.etags).toEqual(prepare(await rebuildNewest(loaded)).body.etags);
  });

  it('gives way to the rebuilt boxscore once the catalogue has loaded when it is not what the catalogue rebuilds, and says so', async () => {
    const wrong = structuredClone(shipped);
    wrong.rows[0]!.counts.orbitalPayload += 1;
    const logs = captureLogs();
    const { catalogues, release } = loadingCatalogue();
    const rebuilt = createRebuilt({ catalogues, newestRealRows: async () => embeddedRealRows(), ahead: { response: wrong, logger: logs.logger } });
    expect((await rebuilt.boxscore(date)).response).toEqual(wrong);
    await release();
    const after = await rebuilt.boxscore(date);
    expect(after.response).toEqual(shipped);
    expect(after.body.etags).toEqual(prepare(shipped).body.etags);
    expect(logs.text()).toContain('the boxscore rebuilt ahead of time is not what the catalogue rebuilds');
  });
});
