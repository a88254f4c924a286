import { describe, expect, it } from 'vitest';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { logPosition, logTicks, seriesFor, toChartData } from './chart-data.ts';

const cis = realBoxscore.rows.find((r) => r.code === 'CIS')!;
const esro = realBoxscore.rows.find((r) => r.code === 'ESRO')!;

describe('toChartData', () => {
  it('keeps the given order and the first N rows, with full and short names', () => {
    const data = toChartData(realBoxscore.rows, 'both', 'linear', 3);
    expect(data.map((d) => d.code)).toEqual(realBoxscore.rows.slice(0, 3).map((r) => r.code));
    const [first] = toChartData([cis], 'both', 'linear', 15);
    expect(first?.country).toBe('COMMONWEALTH OF INDEPENDENT STATES');
    expect(first?.label).toBe('COMMONWEALTH OF… (CIS)');
    const labels = toChartData(realBoxscore.rows, 'both', 'linear', 85).map((d) => d.label);
    expect(new Set(labels).size).toBe(85);
    expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(24);
    expect(labels).toContain('PEOPLES REPUBLIC… (PRC)');
  });

  it('plots the real counts on the linear scale, only for the chosen mode', () => {
    const [both] = toChartData([cis], 'both', 'linear', 1);
    expect(both?.plotted).toEqual({
      orbitalPayload: 1493,
      orbitalRocketBody: 1020,
      orbitalDebris: 3847,
      orbitalTba: 0,
      decayedPayload: 1987,
      decayedRocketBody: 2791,
      decayedDebris: 10038,
    });
    const [orbital] = toChartData([cis], 'orbital', 'linear', 1);
    expect(Object.keys(orbital?.plotted ?? {})).toEqual(['orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'orbitalTba']);
    const [decayed] = toChartData([cis], 'decayed', 'linear', 1);
    expect(Object.keys(decayed?.plotted ?? {})).toEqual(['decayedPayload', 'decayedRocketBody', 'decayedDebris']);
  });

  it('on the log scale, stacks end at log10(1 + total) and zeros stay at zero', () => {
    const [d] = toChartData([cis], 'both', 'log', 1);
    const p = d!.plotted;
    const orbitalEnd = (p.orbitalPayload ?? 0) + (p.orbitalRocketBody ?? 0) + (p.orbitalDebris ?? 0) + (p.orbitalTba ?? 0);
    expect(orbitalEnd).toBeCloseTo(Math.log10(1 + 6360), 10);
    expect(p.orbitalPayload).toBeCloseTo(Math.log10(1 + 1493), 10);
    expect(p.orbitalTba).toBe(0);
    const decayedEnd = (p.decayedPayload ?? 0) + (p.decayedRocketBody ?? 0) + (p.decayedDebris ?? 0);
    expect(decayedEnd).toBeCloseTo(Math.log10(1 + 14816), 10);

    const [empty] = toChartData([esro], 'orbital', 'log', 1);
    expect(Object.values(empty!.plotted).every((v) => v === 0)).toBe(true);
  });

  it('handles a limit of zero or past the end', () => {
    expect(toChartData(realBoxscore.rows, 'both', 'linear', 0)).toEqual([]);
    expect(toChartData(realBoxscore.rows, 'both', 'linear', 1000)).toHaveLength(85);
  });
});

describe('logTicks', () => {
  it('labels decades up to the largest stack', () => {
    const data = toChartData([cis], 'both', 'log', 1);
    expect(logTicks(data, 'both').map((t) => t.count)).toEqual([0, 1, 10, 100, 1000, 10000, 100000]);
    expect(logTicks(data, 'orbital').map((t) => t.count)).toEqual([0, 1, 10, 100, 1000, 10000]);
    expect(logTicks(data, 'both')[2]?.position).toBeCloseTo(logPosition(10), 10);
  });
  it('copes with all-zero data', () => {
    const data = toChartData([esro], 'orbital', 'log', 1);
    expect(logTicks(data, 'orbital').map((t) => t.count)).toEqual([0, 1, 10]);
  });
});

describe('seriesFor', () => {
  it('gives a legend entry per type and stack', () => {
    expect(seriesFor('both').map((s) => s.name)).toHaveLength(7);
    expect(new Set(seriesFor('both').map((s) => s.color)).size).toBe(7);
  });
});
