/**
 * Calendar days as whole numbers (days since 1970-01-01, UTC): the catalogue's dates are compared,
 * sorted and binary-searched millions of times, so they are kept as integers, never as strings.
 */
import { ISO_DATE } from '../shared/iso-date.ts';

const MS_PER_DAY = 86_400_000;

/** A day after every real one: the decay day of an object still in orbit. */
export const NEVER = 2_147_483_647;

/** The day number of a YYYY-MM-DD date; undefined when it is not a real calendar date. */
export function toDay(iso: string): number | undefined {
  if (!ISO_DATE.test(iso)) return undefined;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) return undefined;
  const day = ms / MS_PER_DAY;
  // Date.parse rolls 2015-02-30 over to March: a date that does not read back is not real.
  return fromDay(day) === iso ? day : undefined;
}

export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The last day of the month or year holding `day`. */
export function endOfStep(day: number, step: 'year' | 'month'): number {
  const d = new Date(day * MS_PER_DAY);
  const end = step === 'year' ? Date.UTC(d.getUTCFullYear() + 1, 0, 0) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  return end / MS_PER_DAY;
}

/** Index of the first element of the ascending `sorted` that is greater than `value` (= how many are <= value). */
export function countAtMost(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
