/**
 * The rows the table shows: the snapshot's countries, with their change since the comparison
 * snapshot when one is chosen.
 */
import type { ChangeRow, CountryRow, Deltas } from '../../../server/shared/contract.ts';
import { COUNT_KEYS, zeroCounts } from '../../../server/shared/counts.ts';
import { rowKeys } from '../../../server/shared/row-key.ts';
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
  // Keyed as the server matched them: the changes of present rows come in the snapshot's row order.
  const current = changes.filter((c) => c.status !== 'removed');
  const currentKeys = rowKeys(current);
  const byKey = new Map(current.map((c, i) => [currentKeys[i]!, c]));
  const keys = rowKeys(rows);
  const present = rows.map((row, i): TableRow => {
    const change = byKey.get(keys[i]!);
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
