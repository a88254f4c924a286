import { useRefreshBoxscore } from '../../api/boxscore.ts';
import { ApiError } from '../../api/client.ts';

/** Refusals that are not failures: the data is current, or Space-Track was asked moments ago. */
const NOT_NOW = new Set(['ALREADY_CURRENT', 'REFRESH_TOO_SOON']);

/** Live mode only: ask the server for a fresh copy (it applies Space-Track's limits). */
export function RefreshButton() {
  const refresh = useRefreshBoxscore();
  const notNow = refresh.error instanceof ApiError && NOT_NOW.has(refresh.error.code);
  return (
    <div className="refresh">
      <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending} aria-busy={refresh.isPending}>
        {refresh.isPending ? 'Refreshing…' : 'Refresh'}
      </button>
      {refresh.isError ? (
        // A polite status for "not now", an alert for a real failure.
        <p role={notNow ? 'status' : 'alert'} className={notNow ? 'info-inline' : 'error-inline'}>
          {refresh.error.message}
        </p>
      ) : refresh.isSuccess ? (
        <p role="status" className="ok-inline">
          Up to date.
        </p>
      ) : null}
    </div>
  );
}
