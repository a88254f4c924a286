import type { SortKey, SortState } from './columns.ts';
import { cellValue, type TableRow } from './table-rows.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareBy(key: SortKey): (a: TableRow, b: TableRow) => number {
  return (a, b) => {
    const x = cellValue(a, key);
    const y = cellValue(b, key);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    // Text, and rows without a value (no code, no change): those sort as the empty string / zero.
    if (typeof x === 'number' || typeof y === 'number') return (typeof x === 'number' ? x : 0) - (typeof y === 'number' ? y : 0);
    return collator.compare(x ?? '', y ?? '');
  };
}

const byCountry = compareBy('country');

/**
 * A sorted copy. Numbers sort numerically, text by the rules of the English alphabet ignoring case
 * and accents; ties are broken by country name (always A to Z) so the order is stable and predictable.
 */
export function sortRows<T extends TableRow>(rows: readonly T[], sort: SortState): T[] {
  const compare = compareBy(sort.key);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || byCountry(a, b));
}

/** Clicking a header: a new column starts ascending; the same column flips. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
