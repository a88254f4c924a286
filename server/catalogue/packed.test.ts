/**
 * The packed catalogue: every field of every object of the embedded catalogue reads back exactly
 * after packing, the file shipped is what packing the JSON gives, names in any script survive the
 * worker's transfer, and a damaged or foreign file is refused rather than misread.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { embeddedCatalogue } from '../test-support/catalogue.ts';
import { createEmbeddedCatalogue } from './catalogue-source.ts';
import { newestEmbeddedCatalogue, packedCatalogueFile } from './embedded.ts';
import { prepareInWorker } from './load.ts';
import { decodePacked, encodePacked, packCatalogue, readPackedFile, unpackCatalogue } from './packed.ts';
import type { PreparedCatalogue } from './prepare.ts';
import { allTexts } from './text-column.ts';

const date = newestEmbeddedCatalogue()!.date;

/** Everything a prepared catalogue holds, as plain values (texts decoded). */
function plain({ index, orders, events }: PreparedCatalogue) {
  const { data } = index;
  return {
    data: { ...data, noradId: [...data.noradId], type: [...data.type], owner: [...data.owner], launch: [...data.launch], decay: [...data.decay], name: allTexts(data.name), intlDes: allTexts(data.intlDes) },
    cataloguedFrom: [...index.cataloguedFrom],
    firstDay: index.firstDay,
    lastDay: index.lastDay,
    cells: [...index.cells, index.world].map((byType) => byType.map((c) => ({ counted: [...c.counted], decayed: [...c.decayed] }))),
    orders: Object.fromEntries(Object.entries(orders).map(([k, v]) => [k, [...(v as Int32Array)]])),
    events,
  };
}

let original: PreparedCatalogue;
let expected: ReturnType<typeof plain>;
beforeAll(() => {
  original = embeddedCatalogue();
  expected = plain(original);
});

describe('the packed catalogue', () => {
  it('gives back every field of every object of the embedded catalogue, its indices and events, through the file form', async () => {
    const read = await readPackedFile(gzipSync(encodePacked(packCatalogue(original))));
    const got = plain(read);
    expect(got.data.noradId).toHaveLength(67_422);
    // Column by column first: a difference then names the column, not a 67,000-row diff.
    for (const key of Object.keys(expected.data) as (keyof typeof expected.data)[]) expect(got.data[key], key).toEqual(expected.data[key]);
    expect(got).toEqual(expected);
    // Read in place: the typed columns are views of one buffer, not copies.
    expect(read.index.data.launch.buffer).toBe(read.orders.name.buffer);
  });

  it(`is shipped for the embedded catalogue of ${date}, exactly as packing the JSON gives it`, async () => {
    const shipped = readFileSync(packedCatalogueFile(date));
    expect(gunzipSync(shipped).equals(encodePacked(packCatalogue(original))), 'out of date: npm run catalogue:newest').toBe(true);
    expect(plain(await readPackedFile(shipped))).toEqual(expected);
  });

  it('is what the server loads without credentials (no worker), the same as preparing the JSON', async () => {
    const loaded = await createEmbeddedCatalogue(createLogger('silent')).current();
    expect(loaded?.ref).toMatchObject({ date, objects: 67_422, fetchedAt: null, stale: false });
    expect(plain(loaded!.prepared)).toEqual(expected);
  });

  it('keeps names in any script exactly, through a worker and its transfer, and matches prefixes by whole characters', async () => {
    const names = ['ÉTOILE 1', 'ΩΜΕΓΑ', '北斗三号 M1', '🚀 DEB', 'A\u202EB', 'PLAIN'];
    const rows = names.map((name, i) => ({ NORAD_CAT_ID: String(i + 1), INTLDES: i === 3 ? '' : `2020-00${i}É`, OBJECT_TYPE: 'PAYLOAD', SATNAME: name, COUNTRY: 'US', LAUNCH: '2020-01-01', DECAY: null }));
    const prepared = await prepareInWorker({ text: JSON.stringify(rows), date: '2026-01-23' });
    const { name, intlDes } = prepared.index.data;
    expect(allTexts(name)).toEqual(names);
    expect(allTexts(intlDes)).toEqual(['2020-000É', '2020-001É', '2020-002É', '', '2020-004É', '2020-005É']);
    expect(name.startsWith(2, '北斗')).toBe(true);
    expect(name.startsWith(0, 'É')).toBe(true);
    expect(name.startsWith(0, 'E')).toBe(false);
    expect(name.startsWith(3, '🚀')).toBe(true);
    expect(intlDes.startsWith(3, '2020')).toBe(false);
    expect(intlDes.startsWith(3, '')).toBe(true);
    expect(name.startsWith(5, 'PLAIN AND MORE')).toBe(false);
    // Sorted by the decoded names, as the objects list sorts (code units).
    expect([...prepared.orders.name].map((i) => name.at(i))).toEqual([...names].sort());
  });

  it('refuses a file of another version, a foreign file and a truncated one', () => {
    const file = encodePacked(packCatalogue(original));
    const other = Buffer.from(file);
    other.write('9', 6, 'latin1');
    expect(() => decodePacked(other)).toThrow(/Not a packed catalogue/);
    expect(() => decodePacked(Buffer.from('[{"NORAD_CAT_ID":"1"}]'))).toThrow(/Not a packed catalogue/);
    const { header, buffer, byteOffset } = decodePacked(file);
    expect(() => unpackCatalogue({ header, buffer: buffer.slice(0, buffer.byteLength - 8), byteOffset })).toThrow(/shorter than its header/);
    expect(() => unpackCatalogue({ header: { ...header, version: 0 }, buffer, byteOffset })).toThrow(/version 0/);
    expect(() => unpackCatalogue({ header: { ...header, columns: header.columns.slice(1) }, buffer, byteOffset })).toThrow(/columns/);
  });
});
