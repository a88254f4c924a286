import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedRows } from '../test-support/embedded-rows.ts';
import { captureLogs, tempDir } from '../test-support/live-harness.ts';
import { createFileSnapshotStore } from './snapshot-store.ts';

const realRows = embeddedRows('2015-03-05');
const olderRows = embeddedRows('2015-02-23');

function store(retain?: number) {
  const dir = tempDir();
  const logs = captureLogs();
  return { dir, logs, store: createFileSnapshotStore({ dir, logger: logs.logger, retain }) };
}

describe('file snapshot store', () => {
  it('stores the raw rows with the fetch time and serves the newest copy back', async () => {
    const { dir, store: s } = store();
    expect(await s.latest()).toBeUndefined();
    await s.save({ fetchedAt: new Date('2026-06-01T17:05:00.123Z'), rows: olderRows });
    await s.save({ fetchedAt: new Date('2026-06-02T17:06:00Z'), rows: realRows });
    const latest = await s.latest();
    expect(latest?.fetchedAt).toBe('2026-06-02T17:06:00.000Z');
    expect(latest?.rows).toEqual(realRows);
    expect(latest?.parsed.totals.counts.countryTotal).toBe(40454);
    expect(await s.list()).toEqual([
      { id: 'boxscore-2026-06-02T17-06-00.000Z.json', fetchedAt: '2026-06-02T17:06:00.000Z' },
      { id: 'boxscore-2026-06-01T17-05-00.123Z.json', fetchedAt: '2026-06-01T17:05:00.123Z' },
    ]);
    const onDisk = JSON.parse(readFileSync(join(dir, 'boxscore-2026-06-01T17-05-00.123Z.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual({ format: 1, fetchedAt: '2026-06-01T17:05:00.123Z', rows: olderRows });
    // Written through a temporary file that is renamed: none is left behind.
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it.each([
    ['a partial write', (text: string) => text.slice(0, text.length / 2)],
    ['a file that is not a snapshot', () => JSON.stringify({ hello: 'world' })],
    ['rows that are not a boxscore', () => JSON.stringify({ format: 1, fetchedAt: '2026-06-03T17:00:00.000Z', rows: [{ COUNTRY: '' }] })],
  ])('sets aside %s, reports it and serves the previous good copy', async (_name, corrupt) => {
    const { dir, logs, store: s } = store();
    await s.save({ fetchedAt: new Date('2026-06-01T17:05:00Z'), rows: realRows });
    const good = readFileSync(join(dir, 'boxscore-2026-06-01T17-05-00.000Z.json'), 'utf8');
    const bad = 'boxscore-2026-06-03T17-00-00.000Z.json';
    writeFileSync(join(dir, bad), corrupt(good));

    const latest = await s.latest();
    expect(latest?.fetchedAt).toBe('2026-06-01T17:05:00.000Z');
    expect(readdirSync(dir).sort()).toEqual(['boxscore-2026-06-01T17-05-00.000Z.json', `${bad}.corrupt`]);
    expect(logs.text()).toContain('stored snapshot is corrupt');
    expect(logs.text()).toContain(bad);
    expect(await s.read(bad)).toBeUndefined();
  });

  it('with only a corrupt file, serves nothing', async () => {
    const { dir, store: s } = store();
    writeFileSync(join(dir, 'boxscore-2026-06-03T17-00-00.000Z.json'), '{"format":1,"fetchedAt":"2026-06-03T17:00:00.000Z","rows":[{"COUN');
    expect(await s.latest()).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['boxscore-2026-06-03T17-00-00.000Z.json.corrupt']);
  });

  it('removes temporary files a crash left behind, never serving them', async () => {
    const { dir, store: s } = store();
    writeFileSync(join(dir, '.tmp-abc-boxscore-2026-06-09T17-00-00.000Z.json'), JSON.stringify({ format: 1, fetchedAt: '2026-06-09T17:00:00.000Z', rows: realRows }).slice(0, 100));
    expect(await s.latest()).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps only the newest snapshots allowed by the retention', async () => {
    const { dir, store: s } = store(3);
    for (let day = 1; day <= 5; day++) await s.save({ fetchedAt: new Date(`2026-06-0${day}T17:05:00Z`), rows: realRows });
    expect(readdirSync(dir).sort()).toEqual([
      'boxscore-2026-06-03T17-05-00.000Z.json',
      'boxscore-2026-06-04T17-05-00.000Z.json',
      'boxscore-2026-06-05T17-05-00.000Z.json',
    ]);
  });

  it('keeps one copy per publication day: a newer copy of the same day replaces the older one', async () => {
    const { dir, store: s } = store();
    await s.save({ fetchedAt: new Date('2026-06-01T17:05:00Z'), rows: olderRows });
    // 10:00 UTC the next day is still the 1 June publication: it replaces the 17:05 copy.
    await s.save({ fetchedAt: new Date('2026-06-02T10:00:00Z'), rows: realRows });
    // 17:00:00.000 UTC is the 2 June publication: a day of its own.
    await s.save({ fetchedAt: new Date('2026-06-02T17:00:00.000Z'), rows: realRows });
    expect(readdirSync(dir).sort()).toEqual(['boxscore-2026-06-02T10-00-00.000Z.json', 'boxscore-2026-06-02T17-00-00.000Z.json']);
    expect((await s.read('boxscore-2026-06-02T10-00-00.000Z.json'))?.rows).toEqual(realRows);
  });
});
