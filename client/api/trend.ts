/** A country's trend: loaded with the country's detail (features/detail/country-detail.tsx), not with the page. */
import { useQuery } from '@tanstack/react-query';
import type { TrendResponse } from '../../server/shared/contract.ts';
import { boxscoreKeys, CURRENT_STALE_MS, useVersions } from './boxscore.ts';
import { apiFetch } from './client.ts';

export function useTrend(code: string | null) {
  // A trend spans every snapshot: a new copy of any day (the newest included) changes it.
  const versionOf = useVersions();
  return useQuery({
    queryKey: boxscoreKeys.trend(code ?? '', versionOf(null)),
    queryFn: ({ signal }) => apiFetch<TrendResponse>(`/api/boxscore/trend?code=${encodeURIComponent(code!)}`, { signal }),
    enabled: Boolean(code),
    staleTime: CURRENT_STALE_MS,
  });
}
