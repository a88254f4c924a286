import { useRefreshBoxscore } from '../../api/boxscore.ts';

/** Live mode only: ask the server for a fresh copy (it applies Space-Track's limits). */
export function RefreshButton() {
  const refresh = useRefreshBoxscore();
  return (
    <div className="refresh">
      <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending} aria-busy={refresh.isPending}>
        {refresh.isPending ? 'Refreshing…' : 'Refresh'}
      </button>
      {refresh.isError ? (
        <p role="alert" className="error-inline">
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
