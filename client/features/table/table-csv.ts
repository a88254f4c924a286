/** The table's current view as CSV rows: the visible columns in order, then the changes. */
import type { CountKey } from '../../../server/shared/contract.ts';
import { toCsv } from '../../lib/csv.ts';
import { COUNT_COLUMNS, DELTA_COLUMNS, TEXT_COLUMNS } from './columns.ts';
import type { TableRow } from './table-rows.ts';

export function tableCsv(rows: readonly TableRow[], hidden: readonly CountKey[], compareAsOf: string | null): string {
  const counts = COUNT_COLUMNS.filter((c) => !hidden.includes(c.key));
  const deltas = compareAsOf ? DELTA_COLUMNS : [];
  const header = [...TEXT_COLUMNS.map((c) => c.label), ...counts.map((c) => c.label), ...deltas.map((c) => `${c.label} since ${compareAsOf}`)];
  const body = rows.map((row) => [
    row.country,
    row.code,
    // A count Space-Track did not report stays empty, not 0.
    ...counts.map((c) => (row.missing.includes(c.key) ? null : row.counts[c.key])),
    ...deltas.map((c) => row.change?.delta[c.count] ?? null),
  ]);
  return toCsv(header, body);
}
