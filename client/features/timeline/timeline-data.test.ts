import { describe, expect, it } from 'vitest';
import { COUNT_KEYS } from '../../../server/shared/counts.ts';
import type { CountSeries, TimelineResponse } from '../../../server/shared/contract.ts';
import { axisTicks, brushIndexes, measureKeys, timelinePlot, timelineCsvRows } from './timeline-data.ts';
import { DEFAULT_TIMELINE } from './timeline-view.ts';

const series = (values: Partial<Record<string, number[]>>, n = 3): CountSeries =>
  Object.fromEntries(COUNT_KEYS.map((k) => [k, values[k] ?? Array.from({ length: n }, () => 0)])) as CountSeries;

const catalogue = { date: '2026-01-23', firstDay: '1957-10-04', objects: 3, leftOut: 0, fetchedAt: null, stale: false };
const response: TimelineResponse = {
  step: 'year',
  dates: ['1957-12-31', '1958-12-31', '1959-12-31'],
  world: { counts: series({ orbitalPayload: [1, 3, 5], orbitalDebris: [0, 2, 7] }) },
  series: [
    { code: 'CIS', country: 'COMMONWEALTH OF INDEPENDENT STATES', counts: series({ orbitalDebris: [0, 0, 4], decayedDebris: [0, 1, 1] }) },
    { code: 'US', country: 'UNITED STATES OF AMERICA', counts: series({ orbitalDebris: [0, 2, 3] }) },
  ],
  catalogue,
  citation: 'Source: Space-Track.org (satellite catalogue of 2026-01-23)',
};

describe('the timeline plot', () => {
  it('stacks the world by type when no country is chosen, in orbit by default', () => {
    const plot = timelinePlot({ ...response, series: [] }, DEFAULT_TIMELINE);
    expect(plot.kind).toBe('stack');
    expect(plot.log).toBe(false);
    expect(plot.series.map((s) => s.key)).toEqual(['orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'orbitalTba']);
    expect(plot.rows[2]).toEqual({ date: '1959-12-31', orbitalPayload: 5, orbitalRocketBody: 0, orbitalDebris: 7, orbitalTba: 0 });
    expect(plot.title).toBe('World: objects in orbit by type (stacked), 1957–1959, at the end of each year');
  });

  it('stacks one chosen country, never on a log axis', () => {
    const plot = timelinePlot({ ...response, series: [response.series[0]!] }, { ...DEFAULT_TIMELINE, codes: ['CIS'], scale: 'log', show: 'decayed' });
    expect(plot.kind).toBe('stack');
    expect(plot.log).toBe(false);
    expect(plot.rows.map((r) => r.decayedDebris)).toEqual([0, 1, 1]);
  });

  it('draws a line per country on one count; on a log axis zeros are left out, not drawn', () => {
    const view = { ...DEFAULT_TIMELINE, codes: ['CIS', 'US'], show: 'both' as const, measure: 'debris' as const };
    const plot = timelinePlot(response, view);
    expect(plot.kind).toBe('lines');
    expect(plot.rows.map((r) => [r.CIS, r.US])).toEqual([[0, 0], [1, 2], [5, 3]]);
    const log = timelinePlot(response, { ...view, scale: 'log' });
    expect(log.rows.map((r) => [r.CIS, r.US])).toEqual([[null, null], [1, 2], [5, 3]]);
    expect(log.title).toBe('Debris in orbit and decayed by country, 1957–1959, at the end of each year (log scale)');
    // The CSV keeps the exact counts, zeros included, in the brushed range.
    expect(timelineCsvRows(log, [0, 1]).rows).toEqual([['1957-12-31', 0, 0], ['1958-12-31', 1, 2]]);
    expect(timelineCsvRows(log, [0, 1]).header).toEqual(['Date', 'COMMONWEALTH OF INDEPENDENT STATES (CIS): debris in orbit and decayed', 'UNITED STATES OF AMERICA (US): debris in orbit and decayed']);
    expect(timelineCsvRows(timelinePlot({ ...response, series: [] }, DEFAULT_TIMELINE), [0, 1]).header).toEqual(['Date', 'World: Orbital payload', 'World: Orbital rocket body', 'World: Orbital debris', 'World: Orbital TBA']);
  });

  it('puts ticks on round numbers from zero, powers of ten on a log axis', () => {
    const stack = timelinePlot({ ...response, series: [] }, DEFAULT_TIMELINE);
    expect(axisTicks(stack, [0, 2])).toEqual([0, 5, 10, 15]); // 5 + 7 = 12 stacked
    expect(axisTicks(stack, [0, 1])).toEqual([0, 1, 2, 3, 4, 5]);
    const log = timelinePlot(response, { ...DEFAULT_TIMELINE, codes: ['CIS', 'US'], scale: 'log' });
    expect(axisTicks(log, [0, 2])).toEqual([1, 10]);
  });

  it('sums the counts of a measure and state', () => {
    expect(measureKeys('total', 'both')).toEqual(['countryTotal']);
    expect(measureKeys('rocketBody', 'both')).toEqual(['orbitalRocketBody', 'decayedRocketBody']);
    expect(measureKeys('payload', 'decayed')).toEqual(['decayedPayload']);
  });

  it('maps the brushed dates to indexes, ignoring a range that keeps nothing', () => {
    expect(brushIndexes(response.dates, '1958-01-01', '1958-12-31')).toEqual([1, 1]);
    expect(brushIndexes(response.dates, null, null)).toEqual([0, 2]);
    expect(brushIndexes(response.dates, '2000-01-01', null)).toEqual([0, 2]);
  });
});
