import { describe, expect, it } from 'vitest';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { logPosition, logTicks, seriesFor, toChartData, type ChartOptions } from './chart-data.ts';

const cis = realBoxscore.rows.find((r) => r.code === 'CIS')!;
const esro = realBoxscore.rows.find((r) => r.code === 'ESRO')!;
const ALL_TYPES = ['payload', 'rocketBody', 'debris', 'tba'] as const;
const opts = (patch: Partial<ChartOptions> = {}): ChartOptions => ({ mode: 'both', scale: 'linear', measure: 'absolute', types: ALL_TYPES, limit: 15, others: false, ...patch });

describe('toChartData', () => {
  it('charts decayed objects alone: the three decayed segments, nothing in orbit', () => {
    expect(seriesFor('decayed').map((s) => s.key)).toEqual(['decayedPayload', 'decayedRocketBody', 'decayedDebris']);
    const [d] = toChartData([cis], opts({ mode: 'decayed' }));
    expect(Object.keys(d!.plotted).sort()).toEqual(['decayedDebris', 'decayedPayload', 'decayedRocketBody']);
    expect(d!.plotted.decayedDebris).toBe(cis.counts.decayedDebris);
  });
  it('keeps the given order and the first N rows, with full and short names', () => {
    const data = toChartData(realBoxscore.rows, opts({ limit: 3 }));
    expect(data.map((d) => d.code)).toEqual(realBoxscore.rows.slice(0, 3).map((r) => r.code));
    const [first] = toChartData([cis], opts());
    expect(first?.country).toBe('COMMONWEALTH OF INDEPENDENT STATES');
    expect(first?.label).toBe('COMMONWEALTH OF… (CIS)');
    const labels = toChartData(realBoxscore.rows, opts({ limit: 85 })).map((d) => d.label);
    expect(new Set(labels).size).toBe(85);
    expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(24);
    expect(labels).toContain('PEOPLES REPUBLIC… (PRC)');
    // Narrow screens get shorter labels.
    expect(toChartData([cis], opts(), 14)[0]?.label).toBe('COMMONW… (CIS)');
  });

  it('plots the real counts on the linear scale, only for the chosen mode and types', () => {
    const [both] = toChartData([cis], opts());
    expect(both?.plotted).toEqual({
      orbitalPayload: 1493,
      orbitalRocketBody: 1020,
      orbitalDebris: 3847,
      orbitalTba: 0,
      decayedPayload: 1987,
      decayedRocketBody: 2791,
      decayedDebris: 10038,
    });
    const [orbital] = toChartData([cis], opts({ mode: 'orbital' }));
    expect(Object.keys(orbital?.plotted ?? {})).toEqual(['orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'orbitalTba']);
    const [debrisOnly] = toChartData([cis], opts({ types: ['debris'] }));
    expect(debrisOnly?.plotted).toEqual({ orbitalDebris: 3847, decayedDebris: 10038 });
  });

  it('on the log scale, stacks end at log10(1 + total) and zeros stay at zero', () => {
    const [d] = toChartData([cis], opts({ scale: 'log' }));
    const p = d!.plotted;
    const orbitalEnd = (p.orbitalPayload ?? 0) + (p.orbitalRocketBody ?? 0) + (p.orbitalDebris ?? 0) + (p.orbitalTba ?? 0);
    expect(orbitalEnd).toBeCloseTo(Math.log10(1 + 6360), 10);
    expect(p.orbitalPayload).toBeCloseTo(Math.log10(1 + 1493), 10);
    expect(p.orbitalTba).toBe(0);
    const decayedEnd = (p.decayedPayload ?? 0) + (p.decayedRocketBody ?? 0) + (p.decayedDebris ?? 0);
    expect(decayedEnd).toBeCloseTo(Math.log10(1 + 14816), 10);
    const [empty] = toChartData([esro], opts({ mode: 'orbital', scale: 'log' }));
    expect(Object.values(empty!.plotted).every((v) => v === 0)).toBe(true);
  });

  it('as shares, each bar adds up to 100% of the types shown, and an empty bar stays empty', () => {
    const [d] = toChartData([cis], opts({ measure: 'share', types: ['payload', 'debris'] }));
    expect(d!.plotted.orbitalPayload).toBeCloseTo((100 * 1493) / (1493 + 3847), 10);
    expect((d!.plotted.orbitalPayload ?? 0) + (d!.plotted.orbitalDebris ?? 0)).toBeCloseTo(100, 10);
    expect((d!.plotted.decayedPayload ?? 0) + (d!.plotted.decayedDebris ?? 0)).toBeCloseTo(100, 10);
    const [empty] = toChartData([esro], opts({ mode: 'orbital', measure: 'share' }));
    expect(Object.values(empty!.plotted).every((v) => v === 0)).toBe(true);
  });

  it('aggregates the rest as "Others" when asked', () => {
    const data = toChartData(realBoxscore.rows, opts({ limit: 5, others: true }));
    expect(data).toHaveLength(6);
    const others = data[5]!;
    expect(others.label).toBe('Others (80)');
    expect(others.othersCount).toBe(80);
    const restTotal = realBoxscore.rows.slice(5).reduce((s, r) => s + r.counts.orbitalTotal, 0);
    expect(others.counts.orbitalTotal).toBe(restTotal);
    expect(others.plotted.orbitalDebris).toBe(realBoxscore.rows.slice(5).reduce((s, r) => s + r.counts.orbitalDebris, 0));
    // Nothing left over: no Others bar.
    expect(toChartData(realBoxscore.rows, opts({ limit: 85, others: true }))).toHaveLength(85);
  });

  it('handles a limit of zero or past the end', () => {
    expect(toChartData(realBoxscore.rows, opts({ limit: 0 }))).toEqual([]);
    expect(toChartData(realBoxscore.rows, opts({ limit: 1000 }))).toHaveLength(85);
  });
});

describe('logTicks', () => {
  it('labels decades up to the largest stack of the series shown', () => {
    const data = toChartData([cis], opts({ scale: 'log' }));
    expect(logTicks(data, seriesFor('both')).map((t) => t.count)).toEqual([0, 1, 10, 100, 1000, 10000, 100000]);
    expect(logTicks(data, seriesFor('orbital')).map((t) => t.count)).toEqual([0, 1, 10, 100, 1000, 10000]);
    expect(logTicks(data, seriesFor('both'))[2]?.position).toBeCloseTo(logPosition(10), 10);
  });
  it('copes with all-zero data', () => {
    const data = toChartData([esro], opts({ mode: 'orbital', scale: 'log' }));
    expect(logTicks(data, seriesFor('orbital')).map((t) => t.count)).toEqual([0, 1, 10]);
  });
});

describe('seriesFor', () => {
  it('gives a legend entry per type and stack; TBA exists only in orbit', () => {
    expect(seriesFor('both').map((s) => s.name)).toHaveLength(7);
    expect(new Set(seriesFor('both').map((s) => s.color)).size).toBe(7);
    expect(seriesFor('decayed', ['tba'])).toEqual([]);
    expect(seriesFor('both', ['debris']).map((s) => s.key)).toEqual(['orbitalDebris', 'decayedDebris']);
  });
});
