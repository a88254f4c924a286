/**
 * One country's counts across snapshots, for the trend panels: each count on an axis of its own
 * that spans its values (a change of 9 in 14,807 is invisible on an axis from zero, and the four
 * counts differ too much in size to share one), with the change since the first snapshot in figures
 * beside it, so the scale never has to carry the size of the change alone.
 */
import type { CountKey, TrendResponse } from '../../../server/shared/contract.ts';
import { roundTicks } from '../../lib/ticks.ts';

export interface TrendPoint {
  asOf: string;
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
  return trend.points.map((p) => ({ asOf: p.asOf, value: p.counts ? p.counts[key] : null }));
}

/** The change from the first value to the last; null with fewer than two snapshots that have one. */
export function trendChange(points: readonly TrendPoint[]): TrendChange | null {
  const present = points.filter((p): p is TrendPoint & { value: number } => p.value !== null);
  const first = present[0];
  const last = present.at(-1);
  if (!first || !last || present.length < 2) return null;
  const delta = last.value - first.value;
  return { since: first.asOf, from: first.value, to: last.value, delta, ratio: first.value === 0 ? null : delta / first.value };
}

/** Round ticks that span the values (not from zero), and the axis' extent: the first and last tick. */
export function trendTicks(points: readonly TrendPoint[]): number[] {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length === 0) return [0, 1];
  return roundTicks(Math.min(...values), Math.max(...values), 3);
}
