/**
 * The rows the table shows: the snapshot's countries, with their change since the comparison
 * snapshot when one is chosen.
 */
import type { ChangeRow, CountryRow, Deltas } from '../../../server/shared/contract.ts';
import { COUNT_KEYS, zeroCounts } from '../../../server/shared/counts.ts';
import { rowKey } from '../../../server/shared/row-key.ts';
import { isDeltaKey, type SortKey } from './columns.ts';

const ZERO = zeroCounts();

export interface TableRow extends CountryRow {
  change: { status: ChangeRow['status']; delta: Deltas } | null;
}


/**
 * The snapshot's rows with their changes; when comparing, countries that are gone since the
 * comparison snapshot are added at the end (no counts now: shown as unknown, with their change).
 */
export function withChanges(rows: readonly CountryRow[], changes: readonly ChangeRow[] | undefined): TableRow[] {
  if (!changes) return rows.map((row) => ({ ...row, change: null }));
  const byKey = new Map(changes.map((c) => [rowKey(c), c]));
  const present = rows.map((row): TableRow => {
    const change = byKey.get(rowKey(row));
    return { ...row, change: change ? { status: change.status, delta: change.delta } : null };
  });
  const gone = changes
    .filter((c) => c.status === 'removed')
    .map((c): TableRow => ({ country: c.country, code: c.code, counts: ZERO, missing: [...COUNT_KEYS], change: { status: 'removed', delta: c.delta } }));
  return gone.length > 0 ? [...present, ...gone] : present;
}

export function isChanged(row: TableRow): boolean {
  return row.change !== null && row.change.status !== 'unchanged';
}

export function cellValue(row: TableRow, key: SortKey): string | number | null {
  if (key === 'country') return row.country;
  if (key === 'code') return row.code;
  if (isDeltaKey(key)) return row.change ? row.change.delta[key.slice(6) as keyof Deltas] : null;
  return row.counts[key];
}
