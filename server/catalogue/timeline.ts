/**
 * The rebuilt boxscore across time: counts at the last day of each year or month, for the world and
 * a few owner codes. Each point is a few binary searches (rule.ts), so 13 series of ~820 months cost
 * about a million comparisons; the answer is cached per catalogue and query anyway.
 */
import { COUNT_KEYS, type CountSeries, type TimelineStep } from '../shared/contract.ts';
import { endOfStep } from './day.ts';
import { countsAt, type CatalogueIndex } from './rule.ts';

/** The last day of each step from `from` to `to`; the last point is `to` itself when it ends a step early. */
export function stepDays(from: number, to: number, step: TimelineStep): number[] {
  const days: number[] = [];
  for (let end = endOfStep(from, step); ; end = endOfStep(end + 1, step)) {
    if (end >= to) {
      days.push(to);
      return days;
    }
    days.push(end);
  }
}

/** The ten counts at each day, of one owner code (its index in data.codes) or of the world (-1). */
export function countSeries(index: CatalogueIndex, code: number, days: readonly number[]): CountSeries {
  const series = Object.fromEntries(COUNT_KEYS.map((k) => [k, new Array<number>(days.length)])) as CountSeries;
  days.forEach((day, j) => {
    const { counts } = countsAt(index, code, day);
    for (const k of COUNT_KEYS) series[k][j] = counts[k];
  });
  return series;
}
