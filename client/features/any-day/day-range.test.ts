import { describe, expect, it } from 'vitest';
import { clampDay, inRange, sameDayInYear } from './day-range.ts';

const range = { first: '1957-10-04', last: '2026-01-23' };

describe('days the dashboard can show', () => {
  it('accepts real days within the catalogue range only', () => {
    expect(inRange('1957-10-04', range)).toBe(true);
    expect(inRange('2026-01-23', range)).toBe(true);
    expect(inRange('1957-10-03', range)).toBe(false);
    expect(inRange('2026-01-24', range)).toBe(false);
    expect(inRange('2015-02-30', range)).toBe(false);
    expect(inRange('2015-3-5', range)).toBe(false);
    expect(inRange('2015-03-05', null)).toBe(false);
  });

  it('moves a day to another year for the slider, within the range', () => {
    expect(sameDayInYear('2015-03-05', 1990, range)).toBe('1990-03-05');
    expect(sameDayInYear('2024-02-29', 2023, range)).toBe('2023-02-28');
    expect(sameDayInYear('2024-02-29', 2020, range)).toBe('2020-02-29');
    expect(sameDayInYear('2015-03-05', 1957, range)).toBe('1957-10-04');
    expect(sameDayInYear('2015-03-05', 2026, range)).toBe('2026-01-23');
    expect(clampDay('1900-01-01', range)).toBe('1957-10-04');
  });
});
