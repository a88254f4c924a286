/**
 * When the live source may ask Space-Track again. Space-Track asks that the boxscore be fetched at
 * most once a day, after 17:00 UTC: a stored copy is due for renewal once it predates the latest
 * 17:00 UTC. Independently, no upstream attempt (good or failed) follows another sooner than the
 * minimum interval, so failures never hammer the upstream.
 */
const DAILY_REFRESH_HOUR_UTC = 17;

/**
 * After Space-Track says its rate limit was exceeded, wait at least this long (or the minimum
 * interval, if longer): the per-hour limit ends in suspension, so err on the slow side.
 */
export const RATE_LIMIT_BACKOFF_MS = 3_600_000;

/** The latest 17:00 UTC at or before `now`. */
export function latestDailyCutoff(now: Date): Date {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_REFRESH_HOUR_UTC));
  if (cutoff.getTime() > now.getTime()) cutoff.setUTCDate(cutoff.getUTCDate() - 1);
  return cutoff;
}

/** The first 17:00 UTC after `now`: when the next daily copy may be fetched. */
export function nextDailyCutoff(now: Date): Date {
  const next = latestDailyCutoff(now);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * The day a copy describes: Space-Track publishes the boxscore once a day at 17:00 UTC, so a copy
 * fetched at 10:00 UTC holds the previous day's publication. That is the date of the latest
 * 17:00 UTC at or before the fetch (a fetch at exactly 17:00:00.000 UTC is that day's copy).
 */
export function publicationDay(fetchedAt: Date): string {
  return latestDailyCutoff(fetchedAt).toISOString().slice(0, 10);
}

/** True when there is no copy, or the copy predates the latest 17:00 UTC. */
export function isDue(fetchedAt: Date | undefined, now: Date): boolean {
  return fetchedAt === undefined || fetchedAt.getTime() < latestDailyCutoff(now).getTime();
}
