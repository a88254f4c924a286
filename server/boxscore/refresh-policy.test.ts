import { describe, expect, it } from 'vitest';
import { isDue, latestDailyCutoff, nextDailyCutoff, publicationDay } from './refresh-policy.ts';

const d = (iso: string) => new Date(iso);

describe('daily refresh after 17:00 UTC', () => {
  it('runs in the time zone it is given (the tz-auckland project of vite.config.ts sets one far from UTC)', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (process.env.TZ) expect(zone).toBe(process.env.TZ);
    if (zone === 'Pacific/Auckland') expect(d('2026-06-02T10:00:00Z').getHours()).toBe(22);
  });

  it('finds the latest 17:00 UTC at or before now', () => {
    expect(latestDailyCutoff(d('2026-06-02T16:59:59Z')).toISOString()).toBe('2026-06-01T17:00:00.000Z');
    expect(latestDailyCutoff(d('2026-06-02T17:00:00Z')).toISOString()).toBe('2026-06-02T17:00:00.000Z');
    expect(latestDailyCutoff(d('2026-06-02T23:30:00Z')).toISOString()).toBe('2026-06-02T17:00:00.000Z');
    expect(latestDailyCutoff(d('2026-03-01T03:00:00Z')).toISOString()).toBe('2026-02-28T17:00:00.000Z');
  });

  it('is due with no copy, or when the copy predates the latest 17:00 UTC', () => {
    expect(isDue(undefined, d('2026-06-02T10:00:00Z'))).toBe(true);
    expect(isDue(d('2026-06-01T17:05:00Z'), d('2026-06-02T16:59:00Z'))).toBe(false);
    expect(isDue(d('2026-06-01T17:05:00Z'), d('2026-06-02T17:00:00Z'))).toBe(true);
    expect(isDue(d('2026-06-02T16:00:00Z'), d('2026-06-02T16:30:00Z'))).toBe(false);
    expect(isDue(d('2026-06-02T16:00:00Z'), d('2026-06-02T17:01:00Z'))).toBe(true);
  });

  it('finds the next 17:00 UTC after now', () => {
    expect(nextDailyCutoff(d('2026-06-02T16:59:59Z')).toISOString()).toBe('2026-06-02T17:00:00.000Z');
    expect(nextDailyCutoff(d('2026-06-02T17:00:00Z')).toISOString()).toBe('2026-06-03T17:00:00.000Z');
    expect(nextDailyCutoff(d('2026-02-28T18:00:00Z')).toISOString()).toBe('2026-03-01T17:00:00.000Z');
  });

  it('labels a copy with its publication day: the latest 17:00 UTC at or before the fetch', () => {
    // Before 17:00 UTC the copy is still the previous day's publication.
    expect(publicationDay(d('2026-06-02T10:00:00Z'))).toBe('2026-06-01');
    expect(publicationDay(d('2026-06-02T16:59:59.999Z'))).toBe('2026-06-01');
    // Fetched exactly at 17:00:00.000 UTC: that day's copy.
    expect(publicationDay(d('2026-06-02T17:00:00.000Z'))).toBe('2026-06-02');
    expect(publicationDay(d('2026-06-02T23:59:59.999Z'))).toBe('2026-06-02');
    // Across a month and a year.
    expect(publicationDay(d('2026-03-01T00:30:00Z'))).toBe('2026-02-28');
    expect(publicationDay(d('2027-01-01T16:00:00Z'))).toBe('2026-12-31');
  });
});
