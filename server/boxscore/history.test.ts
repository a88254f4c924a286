import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import { embeddedRows } from '../test-support/embedded-rows.ts';
import { tempDir } from '../test-support/live-harness.ts';
import { CITATION, type TrendResponse } from '../shared/contract.ts';
import { createEmbeddedSource, EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from './embedded.ts';
import { createHistory } from './history.ts';
import { createFileSnapshotStore, type SnapshotStore } from './snapshot-store.ts';
import { prepareBoxscore, type BoxscoreSource } from './source.ts';


/** The real file store holding one copy of 2026-11-25, with reads that can be made to fail. */
async function storeWithOneCopy() {
  const real = createFileSnapshotStore({ dir: tempDir(), logger: createLogger('silent') });
  await real.save({ fetchedAt: new Date('2026-11-25T18:00:00Z'), rows: embeddedRows() });
  let reads = 0;
  const faults: ('reject' | 'missing')[] = [];
  const store: Pick<SnapshotStore, 'list' | 'read'> = {
    list: () => real.list(),
    read: async (id) => {
      reads++;
      const fault = faults.shift();
      if (fault === 'reject') throw new Error('EIO: i/o error, read');
      if (fault === 'missing') return undefined;
      return real.read(id);
    },
  };
  return { store, faults, reads: () => reads };
}

/** The embedded source, counting how often it is asked. */
function countingSource() {
  const embedded = createEmbeddedSource();
  let calls = 0;
  const source: BoxscoreSource = { mode: 'snapshot', current: () => (calls++, embedded.current()) };
  return { source, calls: () => calls };
}

describe('history', () => {
  it('a read that fails once is tried again on the next request, not remembered as a failure', async () => {
    const { store, faults } = await storeWithOneCopy();
    const history = createHistory({ source: createEmbeddedSource(), store });
    faults.push('reject');
    await expect(history.snapshot('2026-11-25')).rejects.toThrow(/EIO/);
    const again = await history.snapshot('2026-11-25');
    expect(again?.response.source).toMatchObject({ kind: 'live', asOf: '2026-11-25' });
    expect(again?.response.rows).toHaveLength(85);
  });

  it('a read that finds nothing once is tried again too', async () => {
    const { store, faults, reads } = await storeWithOneCopy();
    const history = createHistory({ source: createEmbeddedSource(), store });
    faults.push('missing');
    expect(await history.snapshot('2026-11-25')).toBeUndefined();
    expect((await history.snapshot('2026-11-25'))?.response.rows).toHaveLength(85);
    expect(reads()).toBe(2);
  });

  it('remembers an unknown country code instead of rescanning every snapshot each time', async () => {
    const { store, faults, reads } = await storeWithOneCopy();
    const history = createHistory({ source: createEmbeddedSource(), store });
    // A copy that cannot be read is not cached, so every scan would read it again.
    faults.push('missing', 'missing', 'missing');
    expect(await history.trend('NOPE')).toBeUndefined();
    expect(reads()).toBe(1);
    expect(await history.trend('NOPE')).toBeUndefined();
    expect(await history.trend('nope')).toBeUndefined();
    expect(reads()).toBe(1);
  });

  it('asks the source for the current boxscore once per snapshot request', async () => {
    const { source, calls } = countingSource();
    const history = createHistory({ source });
    const older = await history.snapshot('2015-02-23');
    expect(older?.response.source.asOf).toBe('2015-02-23');
    expect(calls()).toBe(1);
  });

  it('a trend never takes another country\'s figures from a snapshot where its code is shared', async () => {
    const store = createFileSnapshotStore({ dir: tempDir(), logger: createLogger('silent') });
    const rows = embeddedRows() as { COUNTRY: string; SPADOC_CD: string | null }[];
    // FRANCE sent under the USA's code, listed before the USA.
    for (const row of rows) if (row.SPADOC_CD === 'FR') row.SPADOC_CD = 'US';
    rows.sort((a, b) => Number(b.COUNTRY === 'FRANCE') - Number(a.COUNTRY === 'FRANCE'));
    await store.save({ fetchedAt: new Date('2026-11-25T18:00:00Z'), rows });
    const history = createHistory({ source: createEmbeddedSource(), store });
    const body = await history.trend('US');
    const trend = JSON.parse(body!.identity.toString('utf8')) as TrendResponse;
    const us = readEmbeddedSnapshot(EMBEDDED_SNAPSHOTS[1]!).rows.find((r) => r.code === 'US')!;
    expect(trend.points.map((p) => [p.asOf, p.counts?.countryTotal ?? null])).toEqual([
      ['2015-02-23', expect.any(Number)],
      ['2015-03-05', us.counts.countryTotal],
      ['2026-11-25', null],
    ]);
  });

  it('a trend computed while a new copy arrives is not cached as the trend of the new list', async () => {
    const real = createFileSnapshotStore({ dir: tempDir(), logger: createLogger('silent') });
    await real.save({ fetchedAt: new Date('2026-11-25T18:00:00Z'), rows: embeddedRows() });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let hold = true;
    let waiting = 0;
    const store: Pick<SnapshotStore, 'list' | 'read'> = {
      list: () => real.list(),
      read: async (id) => {
        if (hold) {
          waiting++;
          await held;
        }
        return real.read(id);
      },
    };
    const parsed = readEmbeddedSnapshot(EMBEDDED_SNAPSHOTS[1]!);
    const copy = (fetchedAt: string) => prepareBoxscore({ kind: 'live', asOf: fetchedAt.slice(0, 10), fetchedAt, citation: CITATION, stale: false, message: null }, parsed);
    let current = copy('2026-11-25T18:00:00.000Z');
    const history = createHistory({ source: { mode: 'live', current: async () => current }, store });

    const early = history.trend('US'); // works from the list of 25 Nov, waiting on its read
    await vi.waitFor(() => expect(waiting).toBe(1));
    await real.save({ fetchedAt: new Date('2026-11-26T18:00:00Z'), rows: embeddedRows() });
    current = copy('2026-11-26T18:00:00.000Z');
    expect(await history.dates()).toContain('2026-11-26'); // the new list is built (and the trends dropped)
    hold = false;
    release();
    const points = (body: Awaited<typeof early>) => (JSON.parse(body!.identity.toString('utf8')) as TrendResponse).points.map((p) => p.asOf);
    expect(points(await early)).toEqual(['2015-02-23', '2015-03-05', '2026-11-25']);
    expect(points(await history.trend('US'))).toEqual(['2015-02-23', '2015-03-05', '2026-11-25', '2026-11-26']);
  });
});

