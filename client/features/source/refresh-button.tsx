import { useState } from 'react';
import type { BoxscoreSourceInfo } from '../../../server/shared/contract.ts';
import { useRefreshBoxscore } from '../../api/refresh.ts';
import { ApiError } from '../../api/client.ts';
import { refreshState, type Refusal } from './refresh-state.ts';

/**
 * Live mode: ask the server for a fresh copy (it applies Space-Track's limits). When a click could
 * do nothing the button says so beside it, counting down, and stays focusable (aria-disabled) so
 * the reason is read with it. Each cause has one message: a failure of Space-Track is the notice's
 * (the server now serves the copy as stale, saying why); only what the notice cannot know (the
 * server unreachable) is said here. The reason has a fixed place, so nothing moves when it changes.
 */
export function RefreshButton({ source, now }: { source: BoxscoreSourceInfo; now: number | null }) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const refresh = useRefreshBoxscore();
  // Before the clock ticks (server render, hydration) the button is offered as it is.
  const state = now === null ? { canRefresh: true, reason: null } : refreshState(source, now, refusal);
  const failure = refresh.error instanceof ApiError && refresh.error.retryAfterSeconds === undefined && !refresh.error.code.startsWith('UPSTREAM_') ? refresh.error.message : null;
  const disabled = !state.canRefresh || refresh.isPending;

  function click() {
    if (disabled) return;
    setRefusal(null);
    refresh.mutate(undefined, {
      onError: (error) => {
        if (error instanceof ApiError && error.retryAfterSeconds !== undefined) setRefusal({ code: error.code, until: Date.now() + error.retryAfterSeconds * 1000 });
      },
    });
  }

  return (
    <div className="refresh">
      <button type="button" onClick={click} aria-disabled={disabled} aria-describedby="refresh-reason" aria-busy={refresh.isPending}>
        {refresh.isPending ? 'Refreshing…' : 'Refresh'}
      </button>
      <p id="refresh-reason" className={failure ? 'refresh-reason error-inline' : 'refresh-reason'} role={failure ? 'alert' : undefined}>
        {refresh.isPending ? 'Asking Space-Track…' : (failure ?? state.reason ?? '')}
      </p>
    </div>
  );
}
