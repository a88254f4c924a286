/** Everything about the /api/boxscore endpoints: key factory, fetchers, query options and hooks. */
import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { BoxscoreResponse, BoxscoreSourceInfo, ChangesResponse, HistoryResponse } from '../../server/shared/contract.ts';
import type { ServerData } from '../server-data.ts';
import { apiFetch } from './client.ts';

/**
 * A day's copy can be replaced (a newer fetch of the same publication day), so a past snapshot,
 * a comparison and a trend are keyed by the fetch time of the copies they come from (the
 * history's `fetchedAt`), not by the date alone: a changed day gets a new key and is fetched
 * again, while an unchanged one stays cached for good.
 */
type Version = string | null;

export const boxscoreKeys = {
  all: ['boxscore'] as const,
  snapshot: (asOf: string | null, version: Version = null) => [...boxscoreKeys.all, 'snapshot', asOf ?? 'current', version] as const,
  history: () => [...boxscoreKeys.all, 'history'] as const,
  changes: (from: string, to: string, versions: readonly [Version, Version] = [null, null]) => [...boxscoreKeys.all, 'changes', from, to, ...versions] as const,
  trend: (code: string, newest: Version = null) => [...boxscoreKeys.all, 'trend', code, newest] as const,
};

// The current boxscore may change (live mode); the server revalidates cheaply with ETags. A past
// snapshot's copy never changes under its key (see Version).
export const CURRENT_STALE_MS = 60_000;

/** While the server may be fetching a copy (or retrying), ask this often: a new copy or a failure shows within seconds. */
export const DUE_POLL_MS = 3_000;
/** Otherwise ask again when the next copy may be fetched, and at least this often (a 304 costs ~200 bytes). */
export const IDLE_POLL_MS = 5 * 60_000;
/** Asking a moment after the next fetch may start, so that it has started. */
const POLL_MARGIN_MS = 2_000;

/**
 * Live mode keeps itself fresh by revalidating the current boxscore on a timer: each poll is a
 * conditional GET that the browser answers from its cache after the server's 304 (ETag), so an
 * unchanged copy costs a few hundred bytes and no re-render. The server says when the copy can
 * next change (`nextFetchAt`): until then the page asks rarely; from then on (the server fetches
 * on the next request, or retries after a failure) every few seconds until the new copy or the
 * failure shows. Polling rather than server-sent events: it works through the access token (an
 * EventSource cannot send an Authorization header), the rate limits, compression and proxies as
 * they are, needs no connection held per tab, and any instance behind a load balancer answers it
 * from the shared store. A hidden tab stops polling (React Query's default) and refetches on focus.
 * The embedded snapshot and past snapshots never change: no polling.
 */
export function pollDelay(source: Pick<BoxscoreSourceInfo, 'nextFetchAt'> | undefined, now: number): number | false {
  if (!source?.nextFetchAt) return false;
  const wait = Date.parse(source.nextFetchAt) - now;
  if (wait <= 0) return DUE_POLL_MS;
  return Math.min(Math.max(wait + POLL_MARGIN_MS, DUE_POLL_MS), IDLE_POLL_MS);
}

export const boxscoreQuery = (asOf: string | null, version: Version = null) =>
  queryOptions({
    queryKey: boxscoreKeys.snapshot(asOf, asOf ? version : null),
    queryFn: ({ signal }) => apiFetch<BoxscoreResponse>(asOf ? `/api/boxscore?asOf=${encodeURIComponent(asOf)}` : '/api/boxscore', { signal }),
    staleTime: asOf ? Infinity : CURRENT_STALE_MS,
    refetchInterval: asOf ? false : (query) => pollDelay(query.state.data?.source, Date.now()),
  });

/** The queries a server-rendered page starts with, on the server and in the browser alike (so both render the same). */
export function seedFromServer(queryClient: QueryClient, data: ServerData): void {
  queryClient.setQueryData(boxscoreQuery(null).queryKey, data.boxscore);
  if (data.history) queryClient.setQueryData(boxscoreKeys.history(), data.history);
}

export function useBoxscore(asOf: string | null, enabled = true) {
  const versionOf = useVersions();
  // Switching snapshots keeps the previous one on screen until the next arrives: no blank page.
  const query = useQuery({ ...boxscoreQuery(asOf, versionOf(asOf)), placeholderData: keepPreviousData, enabled });
  useNewCopyFollows(asOf === null ? query.data?.source.fetchedAt : undefined);
  return query;
}

/**
 * When polling brings a new current copy, the history gains it; a new history gives the
 * comparisons and trends their new keys (see Version), so they follow.
 */
function useNewCopyFollows(fetchedAt: string | null | undefined): void {
  const queryClient = useQueryClient();
  const seen = useRef(fetchedAt);
  useEffect(() => {
    if (fetchedAt === undefined) return;
    if (seen.current !== undefined && seen.current !== fetchedAt) void queryClient.invalidateQueries({ queryKey: boxscoreKeys.history() });
    seen.current = fetchedAt;
  }, [fetchedAt, queryClient]);
}

/**
 * Fetches these days' boxscores ahead, once the page has painted (the year slider's neighbours: a
 * step with the keyboard then repaints from the cache instead of waiting on the network). Each
 * day is keyed as useBoxscore keys it, so the step finds it; a day already cached costs nothing.
 */
export function usePrefetchDays(days: readonly string[]): void {
  const queryClient = useQueryClient();
  const versionOf = useVersions();
  // Each day with its copy's version, as one string: the effect reruns when either changes.
  const wanted = JSON.stringify(days.map((day) => [day, versionOf(day)] as const));
  useEffect(() => {
    const pairs = JSON.parse(wanted) as [string, Version][];
    if (pairs.length === 0) return;
    const timer = setTimeout(() => {
      for (const [day, version] of pairs) void queryClient.prefetchQuery(boxscoreQuery(day, version));
    }, PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [wanted, queryClient]);
}

/** Long enough for the step's own paint to go first; short next to a keyboard's repeat. */
const PREFETCH_AFTER_MS = 50;

export function useHistory() {
  return useQuery({
    queryKey: boxscoreKeys.history(),
    queryFn: ({ signal }) => apiFetch<HistoryResponse>('/api/boxscore/history', { signal }),
    staleTime: CURRENT_STALE_MS,
  });
}

/** The fetch time of each date's copy, from the history (the same query, not another request); null for the newest. */
export function useVersions(): (asOf: string | null) => Version {
  const snapshots = useHistory().data?.snapshots;
  return (asOf) => (asOf === null ? (snapshots?.at(-1)?.fetchedAt ?? null) : (snapshots?.find((s) => s.asOf === asOf)?.fetchedAt ?? null));
}

export function useChanges(from: string | null, to: string | null) {
  const versionOf = useVersions();
  return useQuery({
    queryKey: boxscoreKeys.changes(from ?? '', to ?? '', [versionOf(from), versionOf(to)]),
    queryFn: ({ signal }) => apiFetch<ChangesResponse>(`/api/boxscore/changes?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}`, { signal }),
    enabled: Boolean(from && to),
    staleTime: Infinity,
  });
}
