import { describe, expect, it } from 'vitest';
import { CITATION, type TrendResponse } from '../../../server/shared/contract.ts';
import { zeroCounts } from '../../../server/shared/counts.ts';
import { trendChange, trendPoints, trendTicks } from './trend-data.ts';

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
    expect(trendTicks([{ asOf: 'a', value: 48 }, { asOf: 'b', value: 48 }])).toEqual([47, 48, 49]);
    expect(trendTicks([{ asOf: 'a', value: 14816 }])).toEqual([14600, 14800, 15000, 15200]);
    expect(trendTicks([{ asOf: 'a', value: null }])).toEqual([0, 1]);
  });
  it('state the change since the first snapshot with a value', () => {
    expect(trendChange(trendPoints(cis, 'orbitalTotal'))).toEqual({ since: '2015-02-23', from: 6364, to: 6360, delta: -4, ratio: -4 / 6364 });
    expect(trendChange(trendPoints(cis, 'orbitalTba'))).toEqual({ since: '2015-02-23', from: 0, to: 0, delta: 0, ratio: null });
    // Absent from the first snapshot: the change counts from the first one it is in.
    const late = [{ asOf: 'a', value: null }, { asOf: 'b', value: 3 }, { asOf: 'c', value: 5 }];
    expect(trendChange(late)).toMatchObject({ since: 'b', delta: 2 });
    expect(trendChange(late.slice(0, 2))).toBeNull();
  });
});
