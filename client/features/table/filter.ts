import type { CountryRow } from '../../../server/boxscore/contract.ts';
import { foldText } from '../../lib/text.ts';

export interface SearchableRow {
  row: CountryRow;
  /** Folded "name code", computed once per dataset, not per keystroke. */
  haystack: string;
}

export function indexRows(rows: readonly CountryRow[]): SearchableRow[] {
  return rows.map((row) => ({ row, haystack: foldText(`${row.country}\u0000${row.code ?? ''}`) }));
}

/** Rows whose name or code contains the query, ignoring case and accents ("societe" finds SOCIÉTÉ). */
export function filterRows(index: readonly SearchableRow[], query: string): CountryRow[] {
  const needle = foldText(query.trim());
  if (!needle) return index.map((entry) => entry.row);
  return index.filter((entry) => entry.haystack.includes(needle)).map((entry) => entry.row);
}
