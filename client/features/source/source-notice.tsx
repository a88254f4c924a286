import type { BoxscoreSourceInfo, DataIssue } from '../../../server/shared/contract.ts';
import { citationText } from '../../lib/citation.ts';
import { formatInstant } from '../../lib/format.ts';
import { Suspense } from 'react';
import { lazyPart } from '../../lib/lazy-part.ts';
import { liveTitle } from './live-title.ts';

/** Live mode's banner: its code (and Refresh's) is not in the first JavaScript of a page without live data. */
export const LiveStatus = lazyPart(() => import('./live-status.tsx').then((m) => m.LiveStatus));

interface Props {
  source: BoxscoreSourceInfo;
  issues: readonly DataIssue[];
  /** The last check for a newer copy failed (the server unreachable): the copy shown may be old. */
  checkFailed?: string | null;
}

/** What the data is and how fresh: live mode's banner or the snapshot label, and data issues. */
export function SourceNotice({ source, issues: allIssues, checkFailed = null }: Props) {
  // Totals mismatches are shown beside the headline figures, where they matter.
  const issues = allIssues.filter((issue) => issue.row !== 'totals');
  return (
    <>
      {source.nextFetchAt ? (
        // Live mode (the embedded snapshot standing in for missing live data included).
        <Suspense
          fallback={
            // The banner's box, the same size, while its code loads (a page the server did not render).
            <section className={`notice live-status ${source.stale ? 'warning' : 'info'}`} aria-label="How fresh the data is">
              <div className="live-text">
                <p className="live-line">
                  <strong>{liveTitle(source)}</strong>
                </p>
              </div>
            </section>
          }
        >
          <LiveStatus source={source} checkFailed={checkFailed} />
        </Suspense>
      ) : source.stale ? (
        <div role="alert" className="notice warning">
          <strong>{source.kind === 'snapshot' ? 'No live data: showing the embedded snapshot' : source.kind === 'rebuilt' ? 'Rebuilt from an older satellite catalogue' : 'Stale data'}</strong> (as of {source.asOf}
          {source.fetchedAt ? `, fetched ${formatInstant(source.fetchedAt)}` : ''}). {source.message}
        </div>
      ) : source.kind === 'rebuilt' ? (
        <p role="status" className="notice info">
          {/* The server's message says what it is rebuilt from (and what is in no count): said once, not twice. */}
          <strong>Rebuilt boxscore</strong> as of <time dateTime={source.asOf}>{source.asOf}</time>. {source.message} Space-Track's real boxscores are under Snapshot.
        </p>
      ) : source.kind === 'snapshot' ? (
        <p role="status" className="notice info">
          <strong>Embedded snapshot</strong> of the boxscore as of <time dateTime={source.asOf}>{source.asOf}</time>: real Space-Track data, not live.{' '}
          {source.message}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <div role="alert" className="notice warning">
          <p>
            <strong>Space-Track's figures do not add up</strong> in {issues.length === 1 ? 'one place' : `${issues.length} places`}; they are shown as sent:
          </p>
          <ul>
            {issues.map((issue, i) => (
              <li key={i}>
                {issue.row}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function SourceLine({ source }: { source: BoxscoreSourceInfo }) {
  return <p className="source-line">{citationText(source)}</p>;
}
