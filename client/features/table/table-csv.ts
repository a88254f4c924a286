/**
 * The table's current view as CSV rows: the visible columns in order, each count followed by its
 * change when comparing (as on screen), then the derived figures. Only the countries: the
 * subtotal and the world's row stay out, so a spreadsheet's own sums count nothing twice.
 */
import { toCsv } from '../../lib/csv.ts';
import { COUNT_COLUMNS, DELTA_BY_COUNT, DERIVED_COLUMNS, TEXT_COLUMNS, type HideableKey } from './columns.ts';
import { csvDerived } from './derived.ts';
import type { TableRow } from './table-rows.ts';

export function tableCsv(rows: readonly TableRow[], hidden: readonly HideableKey[], compareAsOf: string | null): string {
  const counts = COUNT_COLUMNS.filter((c) => !hidden.includes(c.key));
  const derived = DERIVED_COLUMNS.filter((c) => !hidden.includes(c.key));
  const header = [
    ...TEXT_COLUMNS.map((c) => c.label),
    ...counts.flatMap((c) => (compareAsOf ? [c.label, `${DELTA_BY_COUNT[c.key].label} since ${compareAsOf}`] : [c.label])),
    ...derived.map((c) => (c.key === 'worldShare' ? `${c.label} (%)` : c.label)),
  ];
  const body = rows.map((row) => [
    row.country,
    row.code,
    ...counts.flatMap((c) => {
      // A count Space-Track did not report stays empty, not 0.
      const value = row.missing.includes(c.key) ? null : row.counts[c.key];
      return compareAsOf ? [value, row.change?.delta[c.key] ?? null] : [value];
    }),
    ...derived.map((c) => csvDerived(c.key, row.derived[c.key])),
  ]);
  return toCsv(header, body);
}
