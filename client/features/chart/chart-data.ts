/**
 * From table rows to what the chart draws: a pure, unit-tested transform, kept apart from the
 * rendering.
 *
 * Log scale: a stacked bar on a log axis has no floor (log 0 is -infinity), and zeros are common
 * (ESRO has nothing in orbit). So the chart always draws on a linear axis; in log mode each stack
 * boundary is placed at f(cumulative count) with f(x) = log10(1 + x), so the bar's end sits at
 * f(total), zero stays at zero, and ticks are labelled with the counts they stand for.
 */
import type { CountKey, CountryRow } from '../../../server/boxscore/contract.ts';
import { shortenName } from '../../lib/text.ts';

export type ChartMode = 'orbital' | 'decayed' | 'both';
export type ChartScale = 'linear' | 'log';

export interface Series {
  key: CountKey;
  stack: 'orbital' | 'decayed';
  name: string;
  color: string;
}

// Okabe-Ito colours, safe for the common colour-vision deficiencies; decayed objects use lighter
// tints of the same hue so the type reads the same in both bars.
export const SERIES: readonly Series[] = [
  { key: 'orbitalPayload', stack: 'orbital', name: 'Orbital payload', color: '#0072B2' },
  { key: 'orbitalRocketBody', stack: 'orbital', name: 'Orbital rocket body', color: '#E69F00' },
  { key: 'orbitalDebris', stack: 'orbital', name: 'Orbital debris', color: '#D55E00' },
  { key: 'orbitalTba', stack: 'orbital', name: 'Orbital TBA', color: '#6B6B6B' },
  { key: 'decayedPayload', stack: 'decayed', name: 'Decayed payload', color: '#8CC3E3' },
  { key: 'decayedRocketBody', stack: 'decayed', name: 'Decayed rocket body', color: '#F5CF7A' },
  { key: 'decayedDebris', stack: 'decayed', name: 'Decayed debris', color: '#EFAA7F' },
];

export function seriesFor(mode: ChartMode): Series[] {
  return SERIES.filter((s) => mode === 'both' || s.stack === mode);
}

export interface ChartDatum {
  /** Axis label: the name shortened. */
  label: string;
  country: string;
  code: string | null;
  /** The real counts, for tooltips. */
  counts: CountryRow['counts'];
  /** Segment lengths on the drawn axis, one per series key. */
  plotted: Partial<Record<CountKey, number>>;
}

const LABEL_MAX = 24;

/** The name when it fits; otherwise a shortened name plus the code, so that two long names
 * that start alike ("PEOPLES REPUBLIC OF CHINA", "PEOPLES REPUBLIC OF CHINA/BRAZIL") stay distinct. */
export function axisLabel(row: Pick<CountryRow, 'country' | 'code'>): string {
  if (row.country.length <= LABEL_MAX || !row.code) return shortenName(row.country, LABEL_MAX);
  return `${shortenName(row.country, LABEL_MAX - row.code.length - 3)} (${row.code})`;
}

export const logPosition = (count: number): number => Math.log10(1 + count);

export function toChartData(rows: readonly CountryRow[], mode: ChartMode, scale: ChartScale, limit: number): ChartDatum[] {
  const series = seriesFor(mode);
  return rows.slice(0, Math.max(0, limit)).map((row) => {
    const plotted: Partial<Record<CountKey, number>> = {};
    const cumulative = { orbital: 0, decayed: 0 };
    for (const s of series) {
      const value = row.counts[s.key];
      if (scale === 'linear') {
        plotted[s.key] = value;
      } else {
        const before = cumulative[s.stack];
        plotted[s.key] = logPosition(before + value) - logPosition(before);
      }
      cumulative[s.stack] += value;
    }
    return { label: axisLabel(row), country: row.country, code: row.code, counts: row.counts, plotted };
  });
}

/** Tick positions and their labels in count units, for the log mode's linear axis. */
export function logTicks(data: readonly ChartDatum[], mode: ChartMode): { position: number; count: number }[] {
  const series = seriesFor(mode);
  const stacks = new Set(series.map((s) => s.stack));
  let max = 0;
  for (const d of data) {
    for (const stack of stacks) {
      const total = series.filter((s) => s.stack === stack).reduce((sum, s) => sum + d.counts[s.key], 0);
      max = Math.max(max, total);
    }
  }
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(1, max))));
  const ticks = [{ position: 0, count: 0 }];
  for (let k = 0; k <= decades; k++) ticks.push({ position: logPosition(10 ** k), count: 10 ** k });
  return ticks;
}
