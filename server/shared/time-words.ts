/**
 * Times in the words a person uses, for the page and the API's messages alike: "Try again in
 * 59 min", "fetched 3 h ago". Never "3586 seconds".
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A wait: seconds under a minute (so a countdown visibly counts), then whole minutes, hours and
 * minutes, or days. Minutes are whole minutes left ("59 min" from 59 min 46 s), as a clock reads.
 */
export function waitWords(ms: number): string {
  const left = Math.max(0, ms);
  if (left < MINUTE) return `${Math.ceil(left / 1000)} s`;
  if (left < HOUR) return `${Math.floor(left / MINUTE)} min`;
  if (left < 2 * DAY) {
    const hours = Math.floor(left / HOUR);
    const minutes = Math.floor((left % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  return `${Math.floor(left / DAY)} days`;
}

/** How long ago: "just now" under a minute, then "5 min ago", "3 h ago", "2 days ago" (whole units elapsed). */
export function agoWords(ms: number): string {
  const elapsed = Math.max(0, ms);
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < 2 * DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  return `${Math.floor(elapsed / DAY)} days ago`;
}

/** "17:00 UTC": the time of day of an instant, in UTC (the timezone Space-Track's rules are written in). */
export function utcTimeOfDay(instant: Date): string {
  return `${instant.toISOString().slice(11, 16)} UTC`;
}
