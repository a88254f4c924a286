import { describe, expect, it } from 'vitest';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { seriesFor, toChartData, type ChartOptions } from './chart-data.ts';
import { plotId } from './chart-picture.ts';

const options: ChartOptions = { mode: 'both', scale: 'linear', measure: 'absolute', types: ['payload', 'rocketBody', 'debris', 'tba'], limit: 15, others: false };
const id = (rows = realBoxscore.rows, patch: Partial<ChartOptions> = {}, labelMax = 24) => {
  const o = { ...options, ...patch };
  return plotId({ data: toChartData(rows, o, labelMax), series: seriesFor(o.mode, o.types), options: o });
};

describe('plotId: which plot a server picture shows', () => {
  it('is the same for the same bars, whatever the labels’ length (a phone shortens them)', () => {
    expect(id(realBoxscore.rows, {}, 14)).toBe(id());
    expect(id()).toMatch(/^[0-9a-f]+-[0-9a-f]+$/);
  });
  it('differs when the bars differ: order, number, scale, measure, types', () => {
    const ids = [
      id(),
      id([...realBoxscore.rows].reverse()),
      id(realBoxscore.rows, { limit: 14 }),
      id(realBoxscore.rows, { scale: 'log' }),
      id(realBoxscore.rows, { measure: 'share' }),
      id(realBoxscore.rows, { types: ['debris'] }),
      id(realBoxscore.rows, { mode: 'orbital' }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
