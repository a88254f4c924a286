/** Everything about the /api/boxscore endpoint: key factory, fetchers, query options and hooks. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BoxscoreResponse } from '../../server/boxscore/contract.ts';
import { apiFetch } from './client.ts';

export const boxscoreKeys = {
  all: ['boxscore'] as const,
  current: () => [...boxscoreKeys.all, 'current'] as const,
};

export const boxscoreQuery = () =>
  queryOptions({
    queryKey: boxscoreKeys.current(),
    queryFn: ({ signal }) => apiFetch<BoxscoreResponse>('/api/boxscore', { signal }),
    // The server revalidates cheaply with ETags; a minute keeps tab switches from refetching at once.
    staleTime: 60_000,
  });

export function useBoxscore() {
  return useQuery(boxscoreQuery());
}

export function useRefreshBoxscore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<BoxscoreResponse>('/api/boxscore/refresh', { method: 'POST' }),
    onSuccess: (data) => queryClient.setQueryData(boxscoreKeys.current(), data),
    // A failed refresh may have marked the data stale on the server: show what it now says.
    onError: () => queryClient.invalidateQueries({ queryKey: boxscoreKeys.current() }),
  });
}
