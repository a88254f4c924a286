import { describe, expect, it } from 'vitest';
import { COUNT_KEYS } from '../../../server/shared/counts.ts';
import type { CountSeries, TimelineResponse } from '../../../server/shared/contract.ts';
import { axisTicks, brushIndexes, dateTicks, tickDate, measureKeys, timelinePlot, timelineCsvRows } from './timeline-data.ts';
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

  it('labels the time axis a round span apart, at most the number asked for', () => {
    const years = { rows: Array.from({ length: 69 }, (_, i) => ({ date: `${1957 + i}-12-31` })) };
    years.rows.push({ date: '2026-01-23' });
    expect(dateTicks(years, [0, 69], false, 10)).toEqual(['1960-12-31', '1970-12-31', '1980-12-31', '1990-12-31', '2000-12-31', '2010-12-31', '2020-12-31']);
    expect(dateTicks(years, [0, 69], false, 5)).toEqual(['1960-12-31', '1980-12-31', '2000-12-31', '2020-12-31']);
    // Zoomed in to 2000-2009: every other year.
    expect(dateTicks(years, [43, 52], false, 5)).toEqual(['2000-12-31', '2002-12-31', '2004-12-31', '2006-12-31', '2008-12-31']);
    const months = { rows: Array.from({ length: 30 }, (_, i) => ({ date: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-28` })) };
    // 30 months: a quarter apart for ten labels, half a year apart for six; the first 7 months: every month.
    expect(dateTicks(months, [0, 29], true, 10)).toEqual(['2000-01-28', '2000-04-28', '2000-07-28', '2000-10-28', '2001-01-28', '2001-04-28', '2001-07-28', '2001-10-28', '2002-01-28', '2002-04-28']);
    expect(dateTicks(months, [0, 29], true, 6)).toEqual(['2000-01-28', '2000-07-28', '2001-01-28', '2001-07-28', '2002-01-28']);
    expect(dateTicks(months, [0, 6], true, 10)).toHaveLength(7);
    // The whole monthly timeline (820 months) on a phone: every 20 years.
    const all = { rows: Array.from({ length: 820 }, (_, i) => ({ date: `${1957 + Math.floor((i + 9) / 12)}-${String(((i + 9) % 12) + 1).padStart(2, '0')}-28` })) };
    expect(dateTicks(all, [0, 819], true, 5)).toEqual(['1960-01-28', '1980-01-28', '2000-01-28', '2020-01-28']);
    // Labelled as years where they are Januaries; other months with their month.
    expect(dateTicks(all, [0, 819], true, 5).map(tickDate(true))).toEqual(['1960', '1980', '2000', '2020']);
    expect(['2000-04-30', '2000-12-31'].map(tickDate(true))).toEqual(['2000-04', '2000-12']);
    expect(['2000-12-31'].map(tickDate(false))).toEqual(['2000']);
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
