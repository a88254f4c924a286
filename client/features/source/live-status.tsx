import type { BoxscoreSourceInfo } from '../../../server/shared/contract.ts';
import { agoWords, utcTimeOfDay } from '../../../server/shared/time-words.ts';
import { formatInstant } from '../../lib/format.ts';
import { liveTitle } from './live-title.ts';
import { RefreshButton } from './refresh-button.tsx';
import { useNow } from './use-now.ts';

/**
 * Live mode's banner: how fresh the copy is ("Live · fetched 3 h ago · next copy after 17:00 UTC",
 * updating as time passes), why it is stale when it is, and Refresh. One box whose size does not
 * depend on which message it holds (see .live-status in the stylesheet), so nothing below it moves
 * when a failure or a reason appears.
 */
export function LiveStatus({ source, checkFailed }: { source: BoxscoreSourceInfo; checkFailed: string | null }) {
  const now = useNow();
  const next = source.nextFetchAt ? new Date(source.nextFetchAt) : null;
  const due = next !== null && now !== null && next.getTime() <= now;
  const title = liveTitle(source);
  return (
    <section className={`notice live-status ${source.stale ? 'warning' : 'info'}`} aria-label="How fresh the data is">
      <div className="live-text">
        <p className="live-line">
          <strong>{title}</strong>
          {source.kind === 'snapshot' ? <> (as of {source.asOf})</> : null}
          {source.fetchedAt ? (
            <>
              {' · fetched '}
              <time dateTime={source.fetchedAt} title={formatInstant(source.fetchedAt)}>
                {now === null ? formatInstant(source.fetchedAt) : agoWords(now - Date.parse(source.fetchedAt))}
              </time>
            </>
          ) : null}
          {next ? (
            <>
              {' · '}
              {due ? (
                source.stale ? 'trying Space-Track again…' : "fetching today's copy…"
              ) : (
                <>
                  {source.stale ? 'next try after ' : 'next copy after '}
                  <time dateTime={source.nextFetchAt!} title={formatInstant(source.nextFetchAt!)}>
                    {utcTimeOfDay(next)}
                  </time>
                </>
              )}
            </>
          ) : null}
        </p>
        {source.stale && source.message ? (
          <p role="alert" className="live-message">
            {source.message}
          </p>
        ) : checkFailed ? (
          <p role="alert" className="live-message">
            Could not check for a newer copy: {checkFailed} Checking again shortly.
          </p>
        ) : null}
      </div>
      <RefreshButton source={source} now={now} />
    </section>
  );
}
