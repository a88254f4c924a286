import { describe, expect, it } from 'vitest';
import { computeChanges } from '../../../server/boxscore/changes.ts';
import { EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from '../../../server/boxscore/embedded.ts';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { derive, formatDerived, subtotal } from './derived.ts';
import { withChanges } from './table-rows.ts';

const WORLD = realBoxscore.totals.counts.orbitalTotal;

describe('derive', () => {
  it('gives the share of the world in orbit and the orbital debris per orbital payload', () => {
    const cis = realBoxscore.rows.find((r) => r.code === 'CIS')!;
    expect(derive(cis.counts, cis.missing, WORLD)).toEqual({ worldShare: 6360 / 17094, debrisPerPayload: 3847 / 1493 });
    expect(formatDerived('worldShare', 6360 / 17094)).toBe('37.2%');
    expect(formatDerived('debrisPerPayload', 3847 / 1493)).toBe('2.58');
  });
  it('says "—" with no payload in orbit, an unknown count or an empty world, and "<0.1%" for a sliver', () => {
    const counts = { ...realBoxscore.rows[0]!.counts, orbitalPayload: 0, orbitalDebris: 5 };
    expect(derive(counts, [], WORLD).debrisPerPayload).toBeNull();
    expect(derive(realBoxscore.rows[0]!.counts, ['orbitalDebris'], WORLD).debrisPerPayload).toBeNull();
    expect(derive(realBoxscore.rows[0]!.counts, ['orbitalTotal'], WORLD).worldShare).toBeNull();
    expect(derive(realBoxscore.rows[0]!.counts, [], 0).worldShare).toBeNull();
    expect(formatDerived('debrisPerPayload', null)).toBe('—');
    expect(formatDerived('worldShare', 1 / 17094)).toBe('<0.1%');
    expect(formatDerived('worldShare', 0)).toBe('0.0%');
  });
});

describe('subtotal', () => {
  it('sums the rows shown: the three France rows', () => {
    const france = withChanges(realBoxscore.rows.filter((r) => r.country.includes('FRANCE')), undefined, WORLD);
    const sub = subtotal(france, WORLD, false);
    expect(sub.rows).toBe(3);
    // FRANCE 60/136/314/510, FRANCE/GERMANY 2/0/0/2, FRANCE/ITALY 1/0/0/1 in orbit.
    expect(sub.counts).toMatchObject({ orbitalPayload: 63, orbitalRocketBody: 136, orbitalDebris: 314, orbitalTotal: 513, decayedTotal: 705, countryTotal: 1218 });
    expect(sub.delta).toBeNull();
    expect(sub.derived.worldShare).toBeCloseTo(513 / 17094, 12);
    expect(sub.derived.debrisPerPayload).toBeCloseTo(314 / 63, 12);
  });
  it('sums the changes when comparing, and leaves unreported counts out, counted', () => {
    const feb = readEmbeddedSnapshot(EMBEDDED_SNAPSHOTS[0]!);
    const rows = withChanges(realBoxscore.rows, computeChanges(feb.rows, realBoxscore.rows), WORLD);
    const all = subtotal(rows, WORLD, true);
    // Over every row the changes add up to the change of the world's totals (+48 in orbit, +64 in all).
    expect(all.delta).toMatchObject({ orbitalTotal: 48, countryTotal: 64 });
    const withUnknown = [{ ...rows[0]!, missing: ['orbitalTba' as const] }, rows[1]!];
    const sub = subtotal(withUnknown, WORLD, true);
    expect(sub.unreported).toEqual({ orbitalTba: 1 });
    expect(sub.counts.orbitalTotal).toBe(rows[0]!.counts.orbitalTotal + rows[1]!.counts.orbitalTotal);
  });
});
