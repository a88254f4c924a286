import type { CountryRow } from '../../../server/boxscore/contract.ts';
import type { SortKey, SortState } from './columns.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareBy(key: SortKey): (a: CountryRow, b: CountryRow) => number {
  if (key === 'country') return (a, b) => collator.compare(a.country, b.country);
  if (key === 'code') {
    // Rows without a code go last in both directions would surprise; they sort as the empty string.
    return (a, b) => collator.compare(a.code ?? '', b.code ?? '');
  }
  return (a, b) => a.counts[key] - b.counts[key];
}

const byCountry = compareBy('country');

/**
 * A sorted copy. Numbers sort numerically, text by the rules of the English alphabet ignoring case
 * and accents; ties are broken by country name (always A to Z) so the order is stable and predictable.
 */
export function sortRows(rows: readonly CountryRow[], sort: SortState): CountryRow[] {
  const compare = compareBy(sort.key);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || byCountry(a, b));
}

/** Clicking a header: a new column starts ascending; the same column flips. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
