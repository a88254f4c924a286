/**
 * Per-country differences between two boxscores. Rows are matched by SPADOC code (names change
 * case and spelling between snapshots; codes are stable), by name when a row has no code, and by
 * both when several rows share a code (row-key.ts), so two countries are never merged.
 */
import { COUNT_KEYS, type ChangeRow, type Counts, type CountryRow, type Deltas, type Totals } from '../shared/contract.ts';
import { zeroCounts } from '../shared/counts.ts';
import { rowKeys } from '../shared/row-key.ts';

function diffCounts(from: Counts | null, to: Counts | null): Deltas {
  const a = from ?? zeroCounts();
  const b = to ?? zeroCounts();
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, b[k] - a[k]])) as Deltas;
}

export function computeChanges(from: readonly CountryRow[], to: readonly CountryRow[]): ChangeRow[] {
  const fromKeys = rowKeys(from);
  const before = new Map(from.map((r, i) => [fromKeys[i]!, r]));
  const toKeys = rowKeys(to);
  const after = new Set(toKeys);
  const rows: ChangeRow[] = to.map((row, i) => {
    const old = before.get(toKeys[i]!);
    const delta = diffCounts(old?.counts ?? null, row.counts);
    const status = !old ? 'added' : COUNT_KEYS.some((k) => delta[k] !== 0) ? 'changed' : 'unchanged';
    return { country: row.country, code: row.code, status, from: old?.counts ?? null, to: row.counts, delta };
  });
  from.forEach((old, i) => {
    if (after.has(fromKeys[i]!)) return;
    rows.push({ country: old.country, code: old.code, status: 'removed', from: old.counts, to: null, delta: diffCounts(old.counts, null) });
  });
  return rows;
}

export function diffTotals(from: Totals, to: Totals) {
  return { from: from.counts, to: to.counts, delta: diffCounts(from.counts, to.counts) };
}
