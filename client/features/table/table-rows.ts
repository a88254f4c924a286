/**
 * The rows the table shows: the snapshot's countries, with their change since the comparison
 * snapshot when one is chosen.
 */
import type { ChangeRow, CountryRow, Deltas } from '../../../server/boxscore/contract.ts';
import { isDeltaKey, type SortKey } from './columns.ts';

export interface TableRow extends CountryRow {
  change: { status: ChangeRow['status']; delta: Deltas } | null;
}

const keyOf = (row: Pick<CountryRow, 'code' | 'country'>) => (row.code ? `code:${row.code.toUpperCase()}` : `name:${row.country.toUpperCase()}`);

export function withChanges(rows: readonly CountryRow[], changes: readonly ChangeRow[] | undefined): TableRow[] {
  if (!changes) return rows.map((row) => ({ ...row, change: null }));
  const byKey = new Map(changes.map((c) => [keyOf(c), c]));
  return rows.map((row) => {
    const change = byKey.get(keyOf(row));
    return { ...row, change: change ? { status: change.status, delta: change.delta } : null };
  });
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
