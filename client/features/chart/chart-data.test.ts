import { describe, expect, it } from 'vitest';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { chartAxis, niceTicks, plotHeight } from './chart-axis.ts';
import { axisLabel, chartLayout, chartSubject, logPosition, nameKey, seriesFor, toChartData, type ChartOptions, type ChartRow } from './chart-data.ts';

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
  it('keeps the given order and the first N rows, with Space-Track’s names and readable labels', () => {
    const data = toChartData(realBoxscore.rows, opts({ limit: 3 }));
    expect(data.map((d) => d.code)).toEqual(realBoxscore.rows.slice(0, 3).map((r) => r.code));
    const [first] = toChartData([cis], opts());
    expect(first?.country).toBe('COMMONWEALTH OF INDEPENDENT STATES');
    expect(first?.label).toBe('RUSSIA/USSR (CIS)');
    for (const max of [24, 14]) {
      const labels = toChartData(realBoxscore.rows, opts({ limit: 85 }), max).map((d) => d.label);
      expect(new Set(labels).size, `labels of at most ${max}`).toBe(85);
      expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(max);
    }
    const labels = toChartData(realBoxscore.rows, opts({ limit: 85 })).map((d) => d.label);
    expect(labels).toEqual(expect.arrayContaining(['CHINA (PRC)', 'USA', 'CHINA/BRAZIL (CHBZ)', 'TAIWAN (ROC)', 'ESA', 'UNITED KINGDOM', 'FRANCE', 'ORBITAL TELECOMMU… (ORB)']));
    // Narrow screens get shorter labels: the short name without its code when both do not fit.
    expect(toChartData([cis], opts(), 14)[0]?.label).toBe('RUSSIA/USSR');
    expect(axisLabel({ country: 'PEOPLES REPUBLIC OF CHINA', code: 'PRC' }, 14)).toBe('CHINA (PRC)');
    expect(axisLabel({ country: 'SOME VERY LONG ORGANISATION NAME', code: null }, 14)).toBe('SOME VERY…');
  });

  it('keys every label that is not Space-Track’s name to that name, for the PNG', () => {
    const byOrbit = [...realBoxscore.rows].sort((a, b) => b.counts.orbitalTotal - a.counts.orbitalTotal);
    const key = nameKey(toChartData(byOrbit, opts({ limit: 3, others: true })));
    expect(key).toEqual([
      { label: 'RUSSIA/USSR (CIS)', name: 'COMMONWEALTH OF INDEPENDENT STATES (CIS)' },
      { label: 'USA', name: 'UNITED STATES OF AMERICA (US)' },
      { label: 'CHINA (PRC)', name: 'PEOPLES REPUBLIC OF CHINA (PRC)' },
      { label: 'Others (82)', name: 'the other 82 countries of the table, added up' },
    ]);
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

  it('on the log scale, never stacks: each type is its own bar from zero, at log10(1 + count)', () => {
    expect(chartLayout({ scale: 'log', measure: 'absolute' })).toBe('grouped');
    expect(chartLayout({ scale: 'linear', measure: 'absolute' })).toBe('stacked');
    expect(chartLayout({ scale: 'log', measure: 'share' })).toBe('stacked');
    const [d] = toChartData([cis], opts({ scale: 'log' }));
    // Debris (3,847) is drawn longer than payloads (1,493), as it is: a stack drew payloads first and longest.
    expect(d!.plotted.orbitalDebris).toBeCloseTo(Math.log10(1 + 3847), 10);
    expect(d!.plotted.orbitalPayload).toBeCloseTo(Math.log10(1 + 1493), 10);
    expect(d!.plotted.orbitalDebris!).toBeGreaterThan(d!.plotted.orbitalPayload!);
    expect(d!.plotted.decayedDebris).toBeCloseTo(Math.log10(1 + 10038), 10);
    expect(d!.plotted.orbitalTba).toBe(0);
    const [empty] = toChartData([esro], opts({ mode: 'orbital', scale: 'log' }));
    expect(Object.values(empty!.plotted).every((v) => v === 0)).toBe(true);
  });

  it('when comparing, plots each type’s change, signed, side by side', () => {
    const row: ChartRow = { ...cis, change: { delta: { ...Object.fromEntries(Object.keys(cis.counts).map((k) => [k, 0])), orbitalDebris: 12, orbitalPayload: -3 } as ChartRow['counts'] } };
    const [d] = toChartData([row], opts({ mode: 'orbital', measure: 'change', scale: 'log' }));
    expect(chartLayout({ scale: 'log', measure: 'change' })).toBe('grouped');
    expect(d!.plotted).toEqual({ orbitalPayload: -3, orbitalRocketBody: 0, orbitalDebris: 12, orbitalTba: 0 });
    expect(d!.delta?.orbitalDebris).toBe(12);
    // Without a change (the row is not in the comparison) nothing is drawn.
    expect(Object.values(toChartData([cis], opts({ measure: 'change' }))[0]!.plotted).every((v) => v === 0)).toBe(true);
    const others = toChartData([cis, row, row], opts({ limit: 1, others: true, measure: 'change' })).at(-1)!;
    expect(others.plotted.orbitalDebris).toBe(24);
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

describe('niceTicks', () => {
  it('puts ticks on round numbers (1, 2 or 5 times a power of ten) from zero past the largest value', () => {
    expect(niceTicks(0, 6360)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(niceTicks(0, 3847)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(niceTicks(0, 14816, 3)).toEqual([0, 5000, 10000, 15000]);
    expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 2)).toEqual([0, 1, 2]);
    expect(niceTicks(-3, 12)).toEqual([-5, 0, 5, 10, 15]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
});

describe('chartAxis', () => {
  const axis = (patch: Partial<ChartOptions>, rows = [cis]) => {
    const o = opts(patch);
    return chartAxis(toChartData(rows, o), seriesFor(o.mode, o.types), o);
  };
  it('linear: from zero past the longest stack, on round numbers', () => {
    const a = axis({ mode: 'orbital' });
    expect(a.ticks.map((t) => t.label)).toEqual(['0', '2,000', '4,000', '6,000', '8,000']);
    expect(a.domain).toEqual([0, 8000]);
    expect(a.title).toBe('Objects');
    expect(axis({}).domain).toEqual([0, 15000]); // the decayed stack, 14,816, is the longest
  });
  it('log: decades up to the largest single bar, labelled in counts', () => {
    const a = axis({ scale: 'log' });
    expect(a.ticks.map((t) => t.label)).toEqual(['0', '1', '10', '100', '1,000', '10,000', '100,000']);
    expect(a.ticks[2]?.position).toBeCloseTo(logPosition(10), 10);
    expect(a.domain[1]).toBeCloseTo(logPosition(100000), 10);
    expect(axis({ scale: 'log', mode: 'orbital' }).ticks.map((t) => t.label)).toEqual(['0', '1', '10', '100', '1,000', '10,000']);
    expect(axis({ scale: 'log', mode: 'orbital' }, [esro]).ticks.map((t) => t.label)).toEqual(['0', '1', '10']);
    expect(a.title).toBe('Objects (log scale)');
  });
  it('share: 0 to 100%; change: signed round ticks around zero', () => {
    expect(axis({ measure: 'share' }).ticks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    const row: ChartRow = { ...cis, change: { delta: { ...cis.counts, orbitalPayload: -3, orbitalRocketBody: 0, orbitalDebris: 12, orbitalTba: 0 } } };
    const a = axis({ mode: 'orbital', measure: 'change' }, [row]);
    expect(a.ticks.map((t) => t.label)).toEqual(['−5', '0', '+5', '+10', '+15']);
    expect(a.title).toBe('Change (objects)');
  });
  it('makes room for every bar: grouped bars need a taller plot', () => {
    expect(plotHeight(15, 4, opts({ mode: 'orbital' }))).toBe(15 * 22 + 120);
    expect(plotHeight(15, 4, opts({ mode: 'orbital', scale: 'log' }))).toBe(15 * 40 + 120);
    expect(plotHeight(1, 1, opts())).toBe(180);
  });
});

describe('chartSubject', () => {
  it('says what the bars are: where, which types, scale, share or change', () => {
    expect(chartSubject(opts({ mode: 'orbital' }))).toBe('Objects in orbit');
    expect(chartSubject(opts({ mode: 'decayed' }))).toBe('Decayed objects');
    // TBA exists only in orbit: all three decayed types are all of them.
    expect(chartSubject(opts({ mode: 'decayed', types: ['payload', 'rocketBody', 'debris'] }))).toBe('Decayed objects');
    expect(chartSubject(opts({ mode: 'orbital', types: ['payload', 'rocketBody', 'debris'] }))).toBe('Payloads, rocket bodies and debris in orbit');
    expect(chartSubject(opts({ mode: 'both', types: ['debris'] }))).toBe('Debris in orbit and decayed');
    expect(chartSubject(opts({ mode: 'orbital', scale: 'log' }))).toBe('Objects in orbit, log scale');
    expect(chartSubject(opts({ mode: 'orbital', measure: 'share', scale: 'log' }))).toBe("Objects in orbit, each type's share of the bar");
    expect(chartSubject(opts({ mode: 'orbital', measure: 'change', types: ['payload', 'debris'] }), '2015-02-23')).toBe('Change in payloads and debris in orbit since 2015-02-23');
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
