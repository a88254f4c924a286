/**
 * The rows the table shows: the snapshot's countries, with their change since the comparison
 * snapshot when one is chosen, and the figures derived from their counts.
 */
import type { ChangeRow, CountryRow, Deltas } from '../../../server/shared/contract.ts';
import { COUNT_KEYS, zeroCounts } from '../../../server/shared/counts.ts';
import { rowKeys } from '../../../server/shared/row-key.ts';
import { isDeltaKey, type DerivedKey, type SortKey } from './columns.ts';
import { derive, type Derived } from './derived.ts';

const ZERO = zeroCounts();

export interface TableRow extends CountryRow {
  /** Unique among the table's rows (even when a code or a whole row is repeated): its React key and grid row. */
  id: string;
  change: { status: ChangeRow['status']; delta: Deltas } | null;
  derived: Derived;
}

/**
 * The snapshot's rows with their changes; when comparing, countries that are gone since the
 * comparison snapshot are added at the end (no counts now: shown as unknown, with their change).
 * `worldOrbitalTotal`: the world's objects in orbit, for each row's share of it.
 */
export function withChanges(rows: readonly CountryRow[], changes: readonly ChangeRow[] | undefined, worldOrbitalTotal: number): TableRow[] {
  const keys = rowKeys(rows);
  // "r:CODE|NAME", as the count cells' click handler reads it (features/objects), numbered if repeated.
  const seen = new Map<string, number>();
  const make = (row: CountryRow, change: TableRow['change']): TableRow => {
    const base = `r:${row.code ?? ''}|${row.country}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...row, id: n === 1 ? base : `${base}#${n}`, change, derived: derive(row.counts, row.missing, worldOrbitalTotal) };
  };
  if (!changes) return rows.map((row) => make(row, null));
  // Keyed as the server matched them: the changes of present rows come in the snapshot's row order.
  const current = changes.filter((c) => c.status !== 'removed');
  const currentKeys = rowKeys(current);
  const byKey = new Map(current.map((c, i) => [currentKeys[i]!, c]));
  const present = rows.map((row, i) => {
    const change = byKey.get(keys[i]!);
    return make(row, change ? { status: change.status, delta: change.delta } : null);
  });
  const gone = changes
    .filter((c) => c.status === 'removed')
    .map((c) => make({ country: c.country, code: c.code, counts: ZERO, missing: [...COUNT_KEYS] }, { status: 'removed', delta: c.delta }));
  return gone.length > 0 ? [...present, ...gone] : present;
}

export function isChanged(row: TableRow): boolean {
  return row.change !== null && row.change.status !== 'unchanged';
}

const isDerivedKey = (key: SortKey): key is DerivedKey => key === 'worldShare' || key === 'debrisPerPayload';

/** The value a column sorts by; null when there is none (no code, no change, an unknown count or ratio). */
export function cellValue(row: TableRow, key: SortKey): string | number | null {
  if (key === 'country') return row.country;
  if (key === 'code') return row.code;
  if (isDeltaKey(key)) return row.change ? row.change.delta[key.slice(6) as keyof Deltas] : null;
  if (isDerivedKey(key)) return row.derived[key];
  // A count Space-Track did not report is unknown ("—"), not a zero.
  return row.missing.includes(key) ? null : row.counts[key];
}
