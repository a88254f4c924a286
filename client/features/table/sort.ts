import { COLUMN_BY_KEY, DEFAULT_SORT, isDeltaKey, type SortKey, type SortState } from './columns.ts';
import { cellValue, type TableRow } from './table-rows.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * A sorted copy. Numbers sort numerically, text by the rules of the English alphabet ignoring case
 * and accents; ties are broken by country name (always A to Z) so the order is stable and predictable.
 * In a number column, rows with no value ("—": an unknown count or ratio, no change) come last
 * either way, so they never push the figures off the first screen.
 */
export function sortRows<T extends TableRow>(rows: readonly T[], sort: SortState): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const numeric = COLUMN_BY_KEY[sort.key].numeric;
  // Each row's value is read once, not once per comparison.
  const keyed = rows.map((row) => ({ row, value: cellValue(row, sort.key) }));
  keyed.sort((a, b) => {
    if (numeric) {
      const x = a.value as number | null;
      const y = b.value as number | null;
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || collator.compare(a.row.country, b.row.country);
      return sign * (x - y) || collator.compare(a.row.country, b.row.country);
    }
    return sign * collator.compare(String(a.value ?? ''), String(b.value ?? '')) || collator.compare(a.row.country, b.row.country);
  });
  return keyed.map((k) => k.row);
}

/**
 * Clicking a header: a number column starts with the largest (the question is usually "who has
 * the most"), a text column from A; the same column again flips.
 */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: COLUMN_BY_KEY[key].numeric ? 'desc' : 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** The sort in effect: a sort by a change needs a comparison, and without one the default applies. */
export function effectiveSort(sort: SortState, comparing: boolean): SortState {
  return comparing || !isDeltaKey(sort.key) ? sort : DEFAULT_SORT;
}
