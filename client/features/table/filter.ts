import { searchNames } from '../../../server/shared/country-names.ts';
import { foldText } from '../../lib/text.ts';
import { isChanged, type TableRow } from './table-rows.ts';

export interface SearchableRow<T extends TableRow = TableRow> {
  row: T;
  /** Folded "name code short-name aliases…", computed once per dataset, not per keystroke. */
  haystack: string;
}

export function indexRows<T extends TableRow>(rows: readonly T[]): SearchableRow<T>[] {
  // NUL between the names, so a query never matches across two of them ("FRANCE" + "FR" is not "cefr").
  return rows.map((row) => ({ row, haystack: foldText([row.country, row.code ?? '', ...searchNames(row.code)].join('\u0000')) }));
}

/**
 * Rows whose name, code or another name people use (server/shared/country-names.ts: "russia"
 * finds the CIS, "korea" both Koreas) contains the query, ignoring case and accents ("societe"
 * finds SOCIÉTÉ); with `onlyChanged`, only rows that changed since the comparison snapshot.
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
