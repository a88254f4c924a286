import { foldText } from '../../lib/text.ts';
import { isChanged, type TableRow } from './table-rows.ts';

export interface SearchableRow<T extends TableRow = TableRow> {
  row: T;
  /** Folded "name code", computed once per dataset, not per keystroke. */
  haystack: string;
}

export function indexRows<T extends TableRow>(rows: readonly T[]): SearchableRow<T>[] {
  return rows.map((row) => ({ row, haystack: foldText(`${row.country}\u0000${row.code ?? ''}`) }));
}

/**
 * Rows whose name or code contains the query, ignoring case and accents ("societe" finds
 * SOCIÉTÉ); with `onlyChanged`, only rows that changed since the comparison snapshot.
 */
export function filterRows<T extends TableRow>(index: readonly SearchableRow<T>[], query: string, onlyChanged = false): T[] {
  const needle = foldText(query.trim());
  const out: T[] = [];
  for (const entry of index) {
    if (needle && !entry.haystack.includes(needle)) continue;
    if (onlyChanged && !isChanged(entry.row)) continue;
    out.push(entry.row);
  }
  return out;
}
