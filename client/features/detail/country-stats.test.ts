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

  it('gives equal counts an equal rank and has no share of an empty world total', () => {
    const tba = stats('FR').find((s) => s.key === 'orbitalTba')!;
    expect(tba.rank).toBe(1); // everybody has 0 TBA objects
    expect(tba.share).toBeNull();
    expect(stats('CIS')).toHaveLength(10);
  });
});
