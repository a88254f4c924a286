import { useId } from 'react';
import type { HistoryEntry } from '../../../server/shared/contract.ts';
import { formatInstant } from '../../lib/format.ts';

interface Props {
  snapshots: readonly HistoryEntry[];
  /** The date shown now. */
  asOf: string;
  /** The date of the current (newest) boxscore: choosing it clears `asOf` from the URL. */
  currentAsOf: string;
  compare: string | null;
  onAsOf: (asOf: string | null) => void;
  onCompare: (compare: string | null) => void;
}

/**
 * "2015-03-05 (embedded, current)", "2026-12-01 (fetched 17:04 UTC, current)": short enough to show
 * whole in a phone-wide menu, so the fetch's date is given only when it is not the snapshot's.
 */
function describe(entry: HistoryEntry, currentAsOf: string): string {
  const fetched = entry.fetchedAt ? formatInstant(entry.fetchedAt) : null;
  const kind =
    entry.kind === 'snapshot' ? 'embedded' : entry.kind === 'rebuilt' ? 'rebuilt' : fetched ? `fetched ${fetched.startsWith(entry.asOf) ? fetched.slice(entry.asOf.length + 1) : fetched}` : 'live';
  return `${entry.asOf} (${kind}${entry.asOf === currentAsOf ? ', current' : ''})`;
}

export function SnapshotPickers({ snapshots, asOf, currentAsOf, compare, onAsOf, onCompare }: Props) {
  const snapshotId = useId();
  const compareId = useId();
  // Newest first: the usual question is "now" against "before".
  const newestFirst = [...snapshots].reverse();
  return (
    <div className="pickers">
      <div>
        <label htmlFor={snapshotId}>Snapshot</label>
        <select id={snapshotId} value={asOf} onChange={(e) => onAsOf(e.target.value === currentAsOf ? null : e.target.value)}>
          {newestFirst.map((entry) => (
            <option key={entry.asOf} value={entry.asOf}>
              {describe(entry, currentAsOf)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={compareId}>Compare with</label>
        <select id={compareId} value={compare ?? ''} onChange={(e) => onCompare(e.target.value || null)}>
          <option value="">No comparison</option>
          {newestFirst
            .filter((entry) => entry.asOf !== asOf)
            .map((entry) => (
              <option key={entry.asOf} value={entry.asOf}>
                {describe(entry, currentAsOf)}
              </option>
            ))}
        </select>
      </div>
    </div>
  );
}
