import { describe, expect, it } from 'vitest';
import { CITATION, type TrendResponse } from '../../../server/shared/contract.ts';
import { zeroCounts } from '../../../server/shared/counts.ts';
import { spansYears, timeTickLabel, timeTicks, trendChange, trendPoints, trendTicks, type TrendPoint } from './trend-data.ts';

const at = (asOf: string, value: number | null): TrendPoint => ({ asOf, t: Date.parse(asOf), value });

// The CIS in the two real snapshots of 2015.
const counts = (orbitalTotal: number, decayedTotal: number) => ({ ...zeroCounts(), orbitalTotal, decayedTotal });
const cis: TrendResponse = {
  country: 'COMMONWEALTH OF INDEPENDENT STATES',
  code: 'CIS',
  points: [
    { asOf: '2015-02-23', kind: 'snapshot', counts: counts(6364, 14807) },
    { asOf: '2015-03-05', kind: 'snapshot', counts: counts(6360, 14816) },
  ],
  citation: CITATION,
};

describe('trend panels', () => {
  it('span the values on round ticks instead of starting at zero, so a change of a few objects shows', () => {
    expect(trendTicks(trendPoints(cis, 'orbitalTotal'))).toEqual([6360, 6362, 6364]);
    expect(trendTicks(trendPoints(cis, 'decayedTotal'))).toEqual([14805, 14810, 14815, 14820]);
  });
  it('give a flat line room above and below, and cope with no values', () => {
    expect(trendTicks([{ value: 48 }, { value: 48 }])).toEqual([47, 48, 49]);
    expect(trendTicks([{ value: 14816 }])).toEqual([14600, 14800, 15000, 15200]);
    expect(trendTicks([{ value: null }])).toEqual([0, 1]);
  });
  it('state the change since the first snapshot with a value', () => {
    expect(trendChange(trendPoints(cis, 'orbitalTotal'))).toEqual({ since: '2015-02-23', from: 6364, to: 6360, delta: -4, ratio: -4 / 6364 });
    expect(trendChange(trendPoints(cis, 'orbitalTba'))).toEqual({ since: '2015-02-23', from: 0, to: 0, delta: 0, ratio: null });
    // Absent from the first snapshot: the change counts from the first one it is in.
    const late = [at('2015-01-01', null), at('2015-02-01', 3), at('2015-03-01', 5)];
    expect(trendChange(late)).toMatchObject({ since: '2015-02-01', delta: 2 });
    expect(trendChange(late.slice(0, 2))).toBeNull();
  });

  it('over a history since the first object: time ticks on round years, the change over the last year', () => {
    // The end of each year since 1958 and the catalogue's day, as /api/boxscore/trend gives them with the catalogue.
    const years = Array.from({ length: 68 }, (_, i) => at(`${1958 + i}-12-31`, 10 * i));
    const history = [...years, at('2026-01-23', 700)];
    expect(spansYears(history)).toBe(true);
    expect(spansYears(trendPoints(cis, 'orbitalTotal'))).toBe(false);
    expect(timeTicks(history).map(timeTickLabel(true))).toEqual(['1960', '1980', '2000', '2020']);
    // A few snapshots: a tick on each, by its day.
    expect(timeTicks(trendPoints(cis, 'orbitalTotal')).map(timeTickLabel(false))).toEqual(['2015-02-23', '2015-03-05']);
    // Not "+700 since 1958": the change since the newest point a year or more before the last.
    expect(trendChange(history)).toMatchObject({ since: '2024-12-31', from: 660, to: 700, delta: 40 });
  });
});
