/**
 * From table rows to what the chart draws: a pure, unit-tested transform, kept apart from the
 * rendering (the live recharts plot and the server's picture both draw from it).
 *
 * Honest lengths. A stacked bar is only drawn where a segment's length means its count:
 * - Linear counts: stacked, one bar per country and stack (in orbit, decayed).
 * - Share: stacked to 100% (each segment its percentage of the bar).
 * - Log: never stacked. On a log axis a segment's length is not its count (the first segment
 *   takes most of the bar), so each type gets its own bar, side by side, from zero. Zeros are
 *   common (ESRO has nothing in orbit) and log 0 is -infinity, so the axis is drawn linear with
 *   each bar at f(count) = log10(1 + count): zero stays at zero, and the ticks are labelled with
 *   the counts they stand for (1, 10, 100...).
 * - Change (when comparing): side by side too, since changes have signs and a stack of a +5 and
 *   a -3 would hide both.
 */
import type { CountKey, Counts, CountryRow, Deltas } from '../../../server/shared/contract.ts';
import { shortName } from '../../../server/shared/country-names.ts';
import { sumCounts, zeroCounts } from '../../../server/shared/counts.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';
import { shortenName } from '../../lib/text.ts';

export type ChartMode = 'orbital' | 'decayed' | 'both';
export type ChartScale = 'linear' | 'log';
export type ChartMeasure = 'absolute' | 'share' | 'change';
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
// In orbit first: what is up there now is what most readers come for (the default view).
export const CHART_MODES: Choices<ChartMode> = [['orbital', 'Orbital'], ['decayed', 'Decayed'], ['both', 'Orbital and decayed']];
/** "Change" is offered only while comparing two snapshots. */
export const CHART_MEASURES: Choices<ChartMeasure> = [['absolute', 'Counts'], ['share', 'Share (100%)'], ['change', 'Change']];
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

/** Stacked segments, or one bar per type side by side (see the top of this file for when). */
export type ChartLayout = 'stacked' | 'grouped';

export function chartLayout(options: Pick<ChartOptions, 'scale' | 'measure'>): ChartLayout {
  return options.measure === 'change' || (options.measure === 'absolute' && options.scale === 'log') ? 'grouped' : 'stacked';
}

/**
 * The series that get bars. Side by side, a type that is zero for every country shown (nobody has
 * TBA objects in 2015) would only leave an empty slot in each group, so it is left out (the legend
 * says so); stacked, a zero segment takes no room anyway.
 */
export function drawnSeries(data: readonly ChartDatum[], series: readonly Series[], options: Pick<ChartOptions, 'scale' | 'measure'>): Series[] {
  if (chartLayout(options) === 'stacked') return [...series];
  return series.filter((s) => data.some((d) => (d.plotted[s.key] ?? 0) !== 0));
}

/** A table row, with its change since the comparison snapshot when comparing. */
export type ChartRow = CountryRow & { change?: { delta: Deltas } | null };

export interface ChartDatum {
  /** Axis label: a readable short name where Space-Track's is long (country-names.ts). */
  label: string;
  /** Space-Track's name, for tooltips and the PNG's key. */
  country: string;
  code: string | null;
  /** The real counts, for tooltips. */
  counts: Counts;
  /** The change since the comparison snapshot (null when not comparing). */
  delta: Counts | null;
  /** Bar or segment lengths on the drawn axis, one per series key. */
  plotted: Partial<Record<CountKey, number>>;
  /** How many countries an "Others" bar stands for. */
  othersCount?: number;
}

const LABEL_MAX = 24;

/**
 * The label for a row: its short name where there is one ("CHINA (PRC)", "RUSSIA/USSR (CIS)",
 * the code added when it fits and says something), else Space-Track's name when it fits, else a
 * shortened name plus the code, so that two long names that start alike stay distinct.
 */
export function axisLabel(row: Pick<CountryRow, 'country' | 'code'>, max = LABEL_MAX): string {
  const short = shortName(row.code);
  if (short) {
    const withCode = row.code && !short.includes(row.code.toUpperCase()) ? `${short} (${row.code})` : short;
    return withCode.length <= max ? withCode : shortenName(short, max);
  }
  if (row.country.length <= max || !row.code) return shortenName(row.country, max);
  return `${shortenName(row.country, max - row.code.length - 3)} (${row.code})`;
}

export const logPosition = (count: number): number => Math.log10(1 + Math.max(0, count));

function plot(counts: Counts, delta: Counts | null, series: readonly Series[], options: Pick<ChartOptions, 'scale' | 'measure'>): ChartDatum['plotted'] {
  const plotted: ChartDatum['plotted'] = {};
  const totals = { orbital: 0, decayed: 0 };
  for (const s of series) totals[s.stack] += counts[s.key];
  for (const s of series) {
    const value = counts[s.key];
    if (options.measure === 'change') plotted[s.key] = delta?.[s.key] ?? 0;
    else if (options.measure === 'share') plotted[s.key] = totals[s.stack] === 0 ? 0 : (100 * value) / totals[s.stack];
    else if (options.scale === 'log') plotted[s.key] = logPosition(value);
    else plotted[s.key] = value;
  }
  return plotted;
}

export function toChartData(rows: readonly ChartRow[], options: ChartOptions, labelMax = LABEL_MAX): ChartDatum[] {
  const series = seriesFor(options.mode, options.types);
  const shown = rows.slice(0, Math.max(0, options.limit));
  const data: ChartDatum[] = shown.map((row) => {
    const delta = row.change ? (row.change.delta as Counts) : null;
    return { label: axisLabel(row, labelMax), country: row.country, code: row.code, counts: row.counts, delta, plotted: plot(row.counts, delta, series, options) };
  });
  const rest = rows.slice(shown.length);
  if (options.others && rest.length > 0) {
    const counts = sumCounts(rest);
    const comparing = rest.some((r) => r.change);
    const delta = comparing ? sumCounts(rest.map((r) => ({ counts: (r.change?.delta as Counts | undefined) ?? zeroCounts() }))) : null;
    data.push({
      label: `Others (${rest.length})`,
      country: `Others: ${rest.length} more ${rest.length === 1 ? 'country' : 'countries'}`,
      code: null,
      counts,
      delta,
      plotted: plot(counts, delta, series, options),
      othersCount: rest.length,
    });
  }
  return data;
}

const TYPE_WORDS: Record<ObjectType, string> = { payload: 'payloads', rocketBody: 'rocket bodies', debris: 'debris', tba: 'TBA objects' };

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * What the bars are, in words, for the chart's title: "Objects in orbit", "Decayed payloads and
 * debris", "Change in objects in orbit since 2015-02-23", "Objects in orbit, log scale".
 * `since`: the comparison snapshot's date, for the change.
 */
export function chartSubject(options: Pick<ChartOptions, 'mode' | 'scale' | 'measure' | 'types'>, since: string | null = null): string {
  const shown = seriesFor(options.mode, options.types);
  const types = OBJECT_TYPES.filter((t) => shown.some((s) => s.type === t));
  const possible = OBJECT_TYPES.filter((t) => seriesFor(options.mode).some((s) => s.type === t));
  const what = types.length === possible.length ? 'objects' : listWords(types.map((t) => TYPE_WORDS[t]));
  const where = { orbital: `${what} in orbit`, decayed: `decayed ${what}`, both: `${what} in orbit and decayed` }[options.mode];
  if (options.measure === 'change') return `Change in ${where}${since ? ` since ${since}` : ''}`;
  const subject = where.charAt(0).toUpperCase() + where.slice(1);
  if (options.measure === 'share') return `${subject}, each type's share of the bar`;
  return options.scale === 'log' ? `${subject}, log scale` : subject;
}

/**
 * The names in full for the PNG's key: each label that is not Space-Track's name, with that
 * name (a report must say which organisation "RUSSIA/USSR (CIS)" is), and what "Others" holds.
 */
export function nameKey(data: readonly ChartDatum[]): { label: string; name: string }[] {
  return data.flatMap((d) => {
    if (d.othersCount !== undefined) return [{ label: d.label, name: `the other ${d.othersCount} ${d.othersCount === 1 ? 'country' : 'countries'} of the table, added up` }];
    return d.label === d.country ? [] : [{ label: d.label, name: d.code ? `${d.country} (${d.code})` : d.country }];
  });
}
