/**
 * What the Refresh button can do now, and if nothing, why, in words that count down. Pure: the
 * page passes the time.
 */
import type { BoxscoreSourceInfo } from '../../../server/shared/contract.ts';
import { waitWords } from '../../../server/shared/time-words.ts';

/** A refusal the server answered (429 + Retry-After): nothing to ask before `until`. */
export interface Refusal {
  code: string;
  until: number;
}

export interface RefreshState {
  /** False: a click could change nothing (the reason says why). */
  canRefresh: boolean;
  reason: string | null;
}

export function refreshState(source: BoxscoreSourceInfo, now: number, refusal: Refusal | null): RefreshState {
  const nextFetch = source.nextFetchAt ? Date.parse(source.nextFetchAt) : now;
  const refusedUntil = refusal && refusal.until > now ? refusal.until : 0;
  const until = Math.max(nextFetch, refusedUntil);
  if (until <= now) return { canRefresh: true, reason: null };
  const wait = waitWords(until - now);
  if (refusedUntil > nextFetch && refusal?.code === 'REFRESH_RATE_LIMITED') return { canRefresh: false, reason: `Too many refreshes. Try again in ${wait}` };
  // A current copy: Space-Track publishes one a day, and this is it.
  if (source.kind === 'live' && !source.stale) return { canRefresh: false, reason: `Already current. Next copy in ${wait}` };
  // After a failure: the minimum interval, a rate-limit backoff or the spent budget (the notice says which).
  return { canRefresh: false, reason: `Try again in ${wait}` };
}
