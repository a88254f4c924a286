/**
 * One country's counts over time, for the trend panels: its real snapshots and, with the satellite
 * catalogue, the end of every year since its first object. Each count is on an axis of its own that
 * spans its values (a change of 9 in 14,807 is invisible on an axis from zero, and the four counts
 * differ too much in size to share one), against time on a true time scale (two snapshots ten days
 * apart are not drawn a year apart), with the change in figures beside it, so the scale never has
 * to carry the size of the change alone.
 */
import type { CountKey, TrendResponse } from '../../../server/shared/contract.ts';
import { roundTicks } from '../../lib/ticks.ts';

export interface TrendPoint {
  asOf: string;
  /** asOf as milliseconds since 1970 (UTC): the x of a time axis. */
  t: number;
  /** Null where the country is absent from that snapshot. */
  value: number | null;
}

export interface TrendChange {
  /** The first snapshot with a value, and its value. */
  since: string;
  from: number;
  /** The last value (the newest snapshot with one). */
  to: number;
  delta: number;
  /** delta / from, or null when from is 0. */
  ratio: number | null;
}

export function trendPoints(trend: TrendResponse, key: CountKey): TrendPoint[] {
  return trend.points.map((p) => ({ asOf: p.asOf, t: Date.parse(p.asOf), value: p.counts ? p.counts[key] : null }));
}

const YEAR_MS = 365 * 86_400_000;

/** Whether the points span years (a history from the catalogue) rather than a few snapshots. */
export const spansYears = (points: readonly Pick<TrendPoint, 't'>[]): boolean => points.length > 1 && points.at(-1)!.t - points[0]!.t > 2 * YEAR_MS;

/**
 * The change to the newest value: over the last year where the history reaches back that far
 * (a change since 1958 would only repeat the count), else since the first value.
 */
export function trendChange(points: readonly TrendPoint[]): TrendChange | null {
  const present = points.filter((p): p is TrendPoint & { value: number } => p.value !== null);
  const last = present.at(-1);
  const first = last && (present.findLast((p) => p.t <= last.t - YEAR_MS) ?? present[0]);
  if (!first || !last || present.length < 2) return null;
  const delta = last.value - first.value;
  return { since: first.asOf, from: first.value, to: last.value, delta, ratio: first.value === 0 ? null : delta / first.value };
}

/** Round ticks that span the values (not from zero), and the axis' extent: the first and last tick. */
export function trendTicks(points: readonly Pick<TrendPoint, 'value'>[]): number[] {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length === 0) return [0, 1];
  return roundTicks(Math.min(...values), Math.max(...values), 3);
}

/** Time-axis ticks: each point's date for a few snapshots; round years (every 1, 2, 5, 10 or 20) for a history. */
export function timeTicks(points: readonly TrendPoint[]): number[] {
  if (!spansYears(points)) return points.map((p) => p.t);
  const first = new Date(points[0]!.t).getUTCFullYear() + 1;
  const last = new Date(points.at(-1)!.t).getUTCFullYear();
  const step = [1, 2, 5, 10, 20].find((s) => (last - first) / s <= 6) ?? 20;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) ticks.push(Date.UTC(year, 0, 1));
  return ticks;
}

/** A tick's words: the year of a history, the day of a snapshot. */
export const timeTickLabel = (history: boolean) => (t: number): string => new Date(t).toISOString().slice(0, history ? 4 : 10);
