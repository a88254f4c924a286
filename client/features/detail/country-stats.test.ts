import { describe, expect, it } from 'vitest';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { countryStats } from './country-stats.ts';

describe('countryStats', () => {
  const stats = (code: string) => countryStats(realBoxscore.rows, realBoxscore.totals, realBoxscore.rows.find((r) => r.code === code)!);

  it('ranks the CIS first for orbital debris, with its share of the world', () => {
    const debris = stats('CIS').find((s) => s.key === 'orbitalDebris')!;
    expect(debris).toEqual({ key: 'orbitalDebris', value: 3847, share: 3847 / 11057, rank: 1, missing: false });
    expect(stats('US').find((s) => s.key === 'orbitalPayload')?.rank).toBe(2);
    expect(stats('PRC').find((s) => s.key === 'orbitalDebris')?.rank).toBe(2);
  });

  it('gives equal counts an equal rank, and neither share nor rank of an empty world total', () => {
    // FRANCE's 9 decayed payloads: CIS, ESA, GER, IND, IT, JPN, PRC and US have more.
    expect(stats('FR').find((s) => s.key === 'decayedPayload')?.rank).toBe(9);
    // 14 countries have rocket bodies in orbit; the 71 without share 15th place.
    expect(stats('GLOB').find((s) => s.key === 'orbitalRocketBody')).toMatchObject({ value: 0, rank: 15 });
    expect(stats('EUTE').find((s) => s.key === 'orbitalRocketBody')).toMatchObject({ value: 0, rank: 15 });
    const tba = stats('FR').find((s) => s.key === 'orbitalTba')!; // everybody has 0 TBA objects
    expect(tba.rank).toBeNull();
    expect(tba.share).toBeNull();
    expect(stats('CIS')).toHaveLength(10);
  });
});
