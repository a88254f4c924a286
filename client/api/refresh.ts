/** Live mode's Refresh: loaded with the live banner (features/source/refresh-button.tsx), not with the page. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BoxscoreResponse } from '../../server/shared/contract.ts';
import { boxscoreKeys } from './boxscore.ts';
import { apiFetch } from './client.ts';

export function useRefreshBoxscore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<BoxscoreResponse>('/api/boxscore/refresh', { method: 'POST' }),
    onSuccess: (data) => {
      queryClient.setQueryData(boxscoreKeys.snapshot(null), data);
      // A new copy adds to the history and changes the trends and the comparisons with today.
      for (const part of ['history', 'trend', 'changes'] as const) void queryClient.invalidateQueries({ queryKey: [...boxscoreKeys.all, part] });
    },
    // A failed refresh may have marked the data stale on the server: show what it now says.
    onError: () => queryClient.invalidateQueries({ queryKey: boxscoreKeys.snapshot(null) }),
  });
}
