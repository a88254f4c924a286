/**
 * The rebuilt boxscore across time: counts at the last day of each year or month, for the world and
 * a few owner codes. The days ascend, so each cell's sorted arrays are walked once with a cursor
 * (a merge) rather than binary-searched per day: 13 series of 820 months cost one pass over the
 * objects involved. The answer is cached per catalogue and query anyway.
 */
import { COUNT_KEYS, type CountSeries, type TimelineStep } from '../shared/contract.ts';
import { endOfStep } from './day.ts';
import { DEBRIS, PAYLOAD, ROCKET_BODY, UNKNOWN } from './parse.ts';
import type { CatalogueIndex } from './rule.ts';

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

/** How many of the ascending `sorted` are <= each of the ascending `days`. */
function cumulative(sorted: Int32Array, days: readonly number[]): Int32Array {
  const out = new Int32Array(days.length);
  let i = 0;
  days.forEach((day, j) => {
    while (i < sorted.length && sorted[i]! <= day) i++;
    out[j] = i;
  });
  return out;
}

/** The ten counts at each day (ascending), of one owner code (its index in data.codes) or of the world (-1). Same rule as countsAt. */
export function countSeries(index: CatalogueIndex, code: number, days: readonly number[]): CountSeries {
  const cells = code < 0 ? index.world : index.cells[code]!;
  const counted = cells.map((cell) => cumulative(cell.counted, days));
  const decayed = cells.map((cell) => cumulative(cell.decayed, days));
  const series = Object.fromEntries(COUNT_KEYS.map((k) => [k, new Array<number>(days.length)])) as CountSeries;
  for (let j = 0; j < days.length; j++) {
    const inOrbit = (t: number) => counted[t]![j]! - decayed[t]![j]!;
    const gone = (t: number) => decayed[t]![j]!;
    const orbital = [inOrbit(UNKNOWN), inOrbit(PAYLOAD), inOrbit(ROCKET_BODY), inOrbit(DEBRIS)] as const;
    const decay = [gone(PAYLOAD), gone(ROCKET_BODY), gone(DEBRIS)] as const;
    series.orbitalTba[j] = orbital[0];
    series.orbitalPayload[j] = orbital[1];
    series.orbitalRocketBody[j] = orbital[2];
    series.orbitalDebris[j] = orbital[3];
    const orbitalTotal = orbital[0] + orbital[1] + orbital[2] + orbital[3];
    const decayedTotal = decay[0] + decay[1] + decay[2];
    series.orbitalTotal[j] = orbitalTotal;
    series.decayedPayload[j] = decay[0];
    series.decayedRocketBody[j] = decay[1];
    series.decayedDebris[j] = decay[2];
    series.decayedTotal[j] = decayedTotal;
    series.countryTotal[j] = orbitalTotal + decayedTotal;
  }
  return series;
}
