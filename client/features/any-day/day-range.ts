/** Days the dashboard can show: the real boxscores, and any day of the catalogue's range. Pure helpers. */
import { ISO_DATE } from '../../../server/shared/iso-date.ts';

export interface DayRange {
  /** First day that can be rebuilt (1957-10-04). */
  first: string;
  /** The catalogue's date: the last day that can be rebuilt. */
  last: string;
}

/** A real day within the range (ISO dates compare as strings). */
export function inRange(day: string, range: DayRange | null): boolean {
  return range !== null && ISO_DATE.test(day) && isRealDay(day) && day >= range.first && day <= range.last;
}

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

export function clampDay(day: string, range: DayRange): string {
  return day < range.first ? range.first : day > range.last ? range.last : day;
}

/**
 * The same day of the month in another year, for the year slider: 2015-03-05 -> 1990-03-05; 29
 * February becomes the 28th in a common year; clamped to the range (1957 starts on 4 October).
 */
export function sameDayInYear(day: string, year: number, range: DayRange): string {
  let monthDay = day.slice(5);
  if (monthDay === '02-29' && !isRealDay(`${year}-02-29`)) monthDay = '02-28';
  return clampDay(`${String(year).padStart(4, '0')}-${monthDay}`, range);
}

export const yearOf = (day: string): number => Number(day.slice(0, 4));
