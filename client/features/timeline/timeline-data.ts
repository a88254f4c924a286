/**
 * From the timeline's answer to what the chart draws and the CSV holds: a pure, unit-tested
 * transform. One country or the world is a stack of its object types (linear only: a stack's
 * segments mean nothing on a log axis); several countries are lines of one count, linear or log
 * (on a log axis a zero has no place, so it is left out of the line rather than drawn at 1).
 */
import type { CountKey, CountSeries, TimelineResponse } from '../../../server/shared/contract.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';
import { drawsLines, TIMELINE_MEASURES, type TimelineMeasure, type TimelineShow, type TimelineView } from './timeline-view.ts';

export interface TimelineSeries {
  key: string;
  name: string;
  color: string;
  dash?: string;
}

export interface TimelinePlot {
  kind: 'stack' | 'lines';
  /** One row per step: `date` and a value per series key (null: not drawn, a zero on a log axis). */
  rows: Record<string, string | number | null>[];
  series: TimelineSeries[];
  /** The figure's title: what is drawn, for whom, how. */
  title: string;
  /** What each column of the CSV holds beside its series' name: the count compared (lines) or whose types (stack). */
  what: string;
  log: boolean;
}

// Okabe-Ito (colour-vision safe) as the chart's bars; decayed types are lighter tints of the same hue.
const TYPE_SERIES: readonly { key: CountKey; show: 'orbital' | 'decayed'; color: string }[] = [
  { key: 'orbitalPayload', show: 'orbital', color: '#0072B2' },
  { key: 'orbitalRocketBody', show: 'orbital', color: '#E69F00' },
  { key: 'orbitalDebris', show: 'orbital', color: '#D55E00' },
  { key: 'orbitalTba', show: 'orbital', color: '#7A7A7A' },
  { key: 'decayedPayload', show: 'decayed', color: '#8CC3E3' },
  { key: 'decayedRocketBody', show: 'decayed', color: '#F5CF7A' },
  { key: 'decayedDebris', show: 'decayed', color: '#EFAA7F' },
];
/** Lines: eight distinguishable colours, then the same again dashed (up to twelve countries). */
const LINE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7A7A7A', '#882255'];

/** The counts whose sum is one line's value. */
export function measureKeys(measure: TimelineMeasure, show: TimelineShow): CountKey[] {
  if (measure === 'total') return show === 'orbital' ? ['orbitalTotal'] : show === 'decayed' ? ['decayedTotal'] : ['countryTotal'];
  const cap = `${measure[0]!.toUpperCase()}${measure.slice(1)}` as 'Payload' | 'RocketBody' | 'Debris';
  const orbital = `orbital${cap}` as CountKey;
  const decayed = `decayed${cap}` as CountKey;
  return show === 'orbital' ? [orbital] : show === 'decayed' ? [decayed] : [orbital, decayed];
}

const sumAt = (counts: CountSeries, keys: readonly CountKey[], i: number): number => keys.reduce((s, k) => s + (counts[k][i] ?? 0), 0);
const label = <T extends string>(options: readonly (readonly [T, string])[], value: T): string => options.find(([o]) => o === value)![1];

/** The step dates kept by the brush (from/to inclusive; null: open end). */
export function brushIndexes(dates: readonly string[], from: string | null, to: string | null): [number, number] {
  const start = from ? dates.findIndex((d) => d >= from) : 0;
  let end = dates.length - 1;
  if (to) while (end > 0 && dates[end]! > to) end -= 1;
  return start < 0 || start > end ? [0, dates.length - 1] : [start, end];
}

export function timelinePlot(data: TimelineResponse, view: TimelineView): TimelinePlot {
  const first = data.dates[0] ?? '';
  const last = data.dates.at(-1) ?? '';
  const span = `${first.slice(0, 4)}–${last.slice(0, 4)}, ${data.step === 'year' ? 'at the end of each year' : 'at the end of each month'}`;
  const showWords = view.show === 'orbital' ? 'in orbit' : view.show === 'decayed' ? 'decayed' : 'in orbit and decayed';

  if (drawsLines(view) && data.series.length >= 2) {
    const keys = measureKeys(view.measure, view.show);
    const log = view.scale === 'log';
    const series = data.series.map((s, i) => ({
      key: s.code,
      name: `${s.country} (${s.code})`,
      color: LINE_COLORS[i % LINE_COLORS.length]!,
      dash: i >= LINE_COLORS.length ? '6 3' : undefined,
    }));
    const rows = data.dates.map((date, i) => {
      const row: Record<string, string | number | null> = { date };
      for (const s of data.series) {
        const value = sumAt(s.counts, keys, i);
        row[s.code] = log && value === 0 ? null : value;
      }
      return row;
    });
    const measure = label(TIMELINE_MEASURES, view.measure).toLowerCase();
    const title = `${measure === 'all types' ? 'Objects' : measure[0]!.toUpperCase() + measure.slice(1)} ${showWords} by country, ${span}${log ? ' (log scale)' : ''}`;
    return { kind: 'lines', rows, series, title, what: `${measure === 'all types' ? 'objects' : measure} ${showWords}`, log };
  }

  const entity = data.series[0];
  const counts = entity?.counts ?? data.world.counts;
  const chosen = TYPE_SERIES.filter((s) => view.show === 'both' || s.show === view.show);
  const series = chosen.map((s) => ({ key: s.key, name: COUNT_LABELS[s.key], color: s.color }));
  const rows = data.dates.map((date, i) => {
    const row: Record<string, string | number | null> = { date };
    for (const s of chosen) row[s.key] = counts[s.key][i] ?? 0;
    return row;
  });
  const who = entity ? `${entity.country} (${entity.code})` : 'World';
  const title = `${who}: objects ${showWords} by type (stacked), ${span}`;
  return { kind: 'stack', rows, series, title, what: who, log: false };
}

/** The CSV of what is drawn, in the brushed range: a date column, then one per series, exact counts. */
export function timelineCsvRows(plot: TimelinePlot, [start, end]: [number, number]): { header: string[]; rows: (string | number | null)[][] } {
  // Each column says what it counts, for whom: a file read away from the chart cannot ask.
  const header = ['Date', ...plot.series.map((s) => (plot.kind === 'lines' ? `${s.name}: ${plot.what}` : `${plot.what}: ${s.name}`))];
  // A zero hidden from a log axis is still a zero in the file.
  const rows = plot.rows.slice(start, end + 1).map((row) => [row.date as string, ...plot.series.map((s) => row[s.key] ?? 0)]);
  return { header, rows };
}

/**
 * Where the time axis is labelled: dates a round span apart (1, 2, 3 or 6 months; 1, 2, 5, 10, 20
 * or 50 years), at most `most` of them in the range shown. Given to the axis as its ticks, so no
 * label needs measuring to keep labels apart (recharts measured every one of 69 years or 820
 * months in the DOM on each draw). Each step's date is its last day; the first month of a year
 * carries a year tick on a monthly axis.
 */
export function dateTicks(plot: Pick<TimelinePlot, 'rows'>, [start, end]: [number, number], monthly: boolean, most: number): string[] {
  const dates = plot.rows.slice(start, end + 1).map((row) => String(row.date));
  const months = dates.length * (monthly ? 1 : 12);
  const steps = monthly ? [1, 2, 3, 6, 12, 24, 60, 120, 240, 600] : [12, 24, 60, 120, 240, 600];
  const step = steps.find((s) => months / s <= most) ?? 1200;
  return dates.filter((date) => {
    const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
    // A yearly axis' dates are Decembers (the year's last day, or the catalogue's own day in its last year).
    return (monthly ? month : Number(date.slice(0, 4)) * 12) % step === 0;
  });
}

/** A time label: the year; on a monthly axis a month other than January adds the month ("2000-04"). */
export const tickDate = (monthly: boolean) => (date: string): string => (monthly && date.slice(5, 7) !== '01' ? date.slice(0, 7) : date.slice(0, 4));

/** Round ticks (1, 2 or 5 x 10^k apart, at most six) from zero past the largest value; powers of ten on a log axis. */
export function axisTicks(plot: TimelinePlot, [start, end]: [number, number]): number[] {
  let max = 0;
  for (const row of plot.rows.slice(start, end + 1)) {
    const values = plot.series.map((s) => Number(row[s.key] ?? 0));
    max = Math.max(max, plot.kind === 'stack' ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values));
  }
  if (plot.log) {
    const ticks = [1];
    while (ticks.at(-1)! < max) ticks.push(ticks.at(-1)! * 10);
    return ticks.length > 1 ? ticks : [1, 10];
  }
  if (max === 0) return [0, 1];
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [0.1, 0.2, 0.5, 1, 2, 5].map((f) => f * magnitude).find((s) => max / s <= 5) ?? magnitude * 2;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => Math.round(i * step));
}
