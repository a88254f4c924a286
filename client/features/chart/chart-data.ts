/**
 * From table rows to what the chart draws: a pure, unit-tested transform, kept apart from the
 * rendering.
 *
 * Log scale: a stacked bar on a log axis has no floor (log 0 is -infinity), and zeros are common
 * (ESRO has nothing in orbit). So the chart always draws on a linear axis; in log mode each stack
 * boundary is placed at f(cumulative count) with f(x) = log10(1 + x), so the bar's end sits at
 * f(total), zero stays at zero, and ticks are labelled with the counts they stand for.
 *
 * Share: each bar is drawn as 100%, its segments as percentages of that bar (a 100% stacked chart).
 */
import type { CountKey, Counts, CountryRow } from '../../../server/shared/contract.ts';
import { sumCounts } from '../../../server/shared/counts.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';
import { shortenName } from '../../lib/text.ts';

export type ChartMode = 'orbital' | 'decayed' | 'both';
export type ChartScale = 'linear' | 'log';
export type ChartMeasure = 'absolute' | 'share';
export type ObjectType = 'payload' | 'rocketBody' | 'debris' | 'tba';
export const OBJECT_TYPES: readonly ObjectType[] = ['payload', 'rocketBody', 'debris', 'tba'];

export interface Series {
  key: CountKey;
  stack: 'orbital' | 'decayed';
  type: ObjectType;
  name: string;
  color: string;
}

// Okabe-Ito colours, safe for the common colour-vision deficiencies; decayed objects use lighter
// tints of the same hue so the type reads the same in both bars.
export const SERIES: readonly Series[] = [
  { key: 'orbitalPayload', stack: 'orbital', type: 'payload', name: COUNT_LABELS.orbitalPayload, color: '#0072B2' },
  { key: 'orbitalRocketBody', stack: 'orbital', type: 'rocketBody', name: COUNT_LABELS.orbitalRocketBody, color: '#E69F00' },
  { key: 'orbitalDebris', stack: 'orbital', type: 'debris', name: COUNT_LABELS.orbitalDebris, color: '#D55E00' },
  { key: 'orbitalTba', stack: 'orbital', type: 'tba', name: COUNT_LABELS.orbitalTba, color: '#7A7A7A' },
  { key: 'decayedPayload', stack: 'decayed', type: 'payload', name: COUNT_LABELS.decayedPayload, color: '#8CC3E3' },
  { key: 'decayedRocketBody', stack: 'decayed', type: 'rocketBody', name: COUNT_LABELS.decayedRocketBody, color: '#F5CF7A' },
  { key: 'decayedDebris', stack: 'decayed', type: 'debris', name: COUNT_LABELS.decayedDebris, color: '#EFAA7F' },
];

/** Each setting's values with their names on screen (the address stores the values). */
export type Choices<T extends string> = readonly (readonly [T, string])[];
export const CHART_MODES: Choices<ChartMode> = [['both', 'Orbital and decayed'], ['orbital', 'Orbital'], ['decayed', 'Decayed']];
export const CHART_MEASURES: Choices<ChartMeasure> = [['absolute', 'Counts'], ['share', 'Share (100%)']];
export const CHART_SCALES: Choices<ChartScale> = [['linear', 'Linear'], ['log', 'Log']];

export const OBJECT_TYPE_LABELS: Record<ObjectType, string> = { payload: 'Payload', rocketBody: 'Rocket body', debris: 'Debris', tba: 'TBA' };

export function seriesFor(mode: ChartMode, types: readonly ObjectType[] = OBJECT_TYPES): Series[] {
  return SERIES.filter((s) => (mode === 'both' || s.stack === mode) && types.includes(s.type));
}

export interface ChartOptions {
  mode: ChartMode;
  scale: ChartScale;
  measure: ChartMeasure;
  types: readonly ObjectType[];
  limit: number;
  /** Add one bar for all the rows past `limit`. */
  others: boolean;
}

export interface ChartDatum {
  /** Axis label: the name shortened (with the code when cut). */
  label: string;
  country: string;
  code: string | null;
  /** The real counts, for tooltips. */
  counts: Counts;
  /** Segment lengths on the drawn axis, one per series key. */
  plotted: Partial<Record<CountKey, number>>;
  /** How many countries an "Others" bar stands for. */
  othersCount?: number;
}

const LABEL_MAX = 24;

/** The name when it fits; otherwise a shortened name plus the code, so that two long names
 * that start alike ("PEOPLES REPUBLIC OF CHINA", "PEOPLES REPUBLIC OF CHINA/BRAZIL") stay distinct. */
export function axisLabel(row: Pick<CountryRow, 'country' | 'code'>, max = LABEL_MAX): string {
  if (row.country.length <= max || !row.code) return shortenName(row.country, max);
  return `${shortenName(row.country, max - row.code.length - 3)} (${row.code})`;
}

export const logPosition = (count: number): number => Math.log10(1 + count);

function plot(counts: Counts, series: readonly Series[], options: Pick<ChartOptions, 'scale' | 'measure'>): ChartDatum['plotted'] {
  const plotted: ChartDatum['plotted'] = {};
  const totals = { orbital: 0, decayed: 0 };
  for (const s of series) totals[s.stack] += counts[s.key];
  const cumulative = { orbital: 0, decayed: 0 };
  for (const s of series) {
    const value = counts[s.key];
    if (options.measure === 'share') {
      plotted[s.key] = totals[s.stack] === 0 ? 0 : (100 * value) / totals[s.stack];
    } else if (options.scale === 'log') {
      const before = cumulative[s.stack];
      plotted[s.key] = logPosition(before + value) - logPosition(before);
    } else {
      plotted[s.key] = value;
    }
    cumulative[s.stack] += value;
  }
  return plotted;
}

export function toChartData(rows: readonly CountryRow[], options: ChartOptions, labelMax = LABEL_MAX): ChartDatum[] {
  const series = seriesFor(options.mode, options.types);
  const shown = rows.slice(0, Math.max(0, options.limit));
  const data: ChartDatum[] = shown.map((row) => ({
    label: axisLabel(row, labelMax),
    country: row.country,
    code: row.code,
    counts: row.counts,
    plotted: plot(row.counts, series, options),
  }));
  const rest = rows.slice(shown.length);
  if (options.others && rest.length > 0) {
    const counts = sumCounts(rest);
    data.push({
      label: `Others (${rest.length})`,
      country: `Others: ${rest.length} more ${rest.length === 1 ? 'country' : 'countries'}`,
      code: null,
      counts,
      plotted: plot(counts, series, options),
      othersCount: rest.length,
    });
  }
  return data;
}

/** Tick positions and their labels in count units, for the log mode's linear axis. */
export function logTicks(data: readonly ChartDatum[], series: readonly Series[]): { position: number; count: number }[] {
  let max = 0;
  for (const d of data) {
    for (const stack of ['orbital', 'decayed'] as const) {
      const total = series.filter((s) => s.stack === stack).reduce((sum, s) => sum + d.counts[s.key], 0);
      max = Math.max(max, total);
    }
  }
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(1, max))));
  const ticks = [{ position: 0, count: 0 }];
  for (let k = 0; k <= decades; k++) ticks.push({ position: logPosition(10 ** k), count: 10 ** k });
  return ticks;
}
