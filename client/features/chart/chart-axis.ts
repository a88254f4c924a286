/**
 * The value axis, the plot's height and its accessible name: what the drawn plot needs (the live
 * recharts plot, loaded on demand, and the server's picture), kept apart from chart-data.ts so the
 * page's first JavaScript carries none of it.
 */
import { formatCount, formatDelta } from '../../lib/format.ts';
import { roundTicks } from '../../lib/ticks.ts';
import { chartLayout, logPosition, type ChartDatum, type ChartOptions, type Series } from './chart-data.ts';

/** Ticks on round numbers (1, 2 or 5 times a power of ten) from below `lo` to above `hi`, zero included: bars start at zero. */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  const min = Math.min(0, lo);
  const max = Math.max(0, hi);
  return min === max ? [0, 1] : roundTicks(min, max, target);
}

export interface ChartAxis {
  /** The value axis' extent, in plotted units. */
  domain: [number, number];
  /** Where the ticks go (plotted units) and what they say (counts, percentages or changes). */
  ticks: { position: number; label: string }[];
  /** The axis' title. */
  title: string;
}

/** The value axis for what is drawn: round ticks in the units the reader thinks in. */
export function chartAxis(data: readonly ChartDatum[], series: readonly Series[], options: Pick<ChartOptions, 'scale' | 'measure'>, targetTicks = 5): ChartAxis {
  if (options.measure === 'share') {
    return { domain: [0, 100], ticks: [0, 25, 50, 75, 100].map((v) => ({ position: v, label: `${v}%` })), title: 'Share of the bar (%)' };
  }
  const layout = chartLayout(options);
  let lo = 0;
  let hi = 0;
  for (const d of data) {
    if (layout === 'stacked') {
      const stacks = { orbital: 0, decayed: 0 };
      for (const s of series) stacks[s.stack] += d.plotted[s.key] ?? 0;
      hi = Math.max(hi, stacks.orbital, stacks.decayed);
    } else {
      for (const s of series) {
        const v = options.measure === 'change' ? (d.plotted[s.key] ?? 0) : d.counts[s.key];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (options.measure === 'absolute' && options.scale === 'log') {
    const decades = Math.max(1, Math.ceil(Math.log10(Math.max(1, hi))));
    const ticks = [{ position: 0, label: '0' }];
    for (let k = 0; k <= decades; k++) ticks.push({ position: logPosition(10 ** k), label: formatCount(10 ** k) });
    return { domain: [0, ticks.at(-1)!.position], ticks, title: 'Objects (log scale)' };
  }
  const values = niceTicks(lo, hi, targetTicks);
  const change = options.measure === 'change';
  return {
    domain: [values[0]!, values.at(-1)!],
    ticks: values.map((v) => ({ position: v, label: change ? formatDelta(v) : formatCount(v) })),
    title: change ? 'Change (objects)' : 'Objects',
  };
}

/** How tall the plot is for `bars` bars: it grows with the number of countries and of bars per country. */
export function plotHeight(bars: number, series: number, options: Pick<ChartOptions, 'mode' | 'scale' | 'measure'>): number {
  const band = chartLayout(options) === 'grouped' ? Math.max(22, series * 8 + 8) : options.mode === 'both' ? 34 : 22;
  return Math.max(180, bars * band + 120);
}

const MODE_TEXT = { orbital: 'in orbit', decayed: 'decayed', both: 'in orbit and decayed' } as const;

/** The plot's accessible name, the same for the live plot and the server's picture of it. */
export function plotLabel(bars: number, series: number, options: Pick<ChartOptions, 'mode' | 'scale' | 'measure'>): string {
  const what = options.measure === 'change' ? `changes of objects ${MODE_TEXT[options.mode]}` : `objects ${MODE_TEXT[options.mode]}`;
  return `Bar chart of ${what} for ${bars} ${bars === 1 ? 'bar' : 'bars'}${chartLayout(options) === 'grouped' && series > 1 ? ', one bar per type' : ''}`;
}
