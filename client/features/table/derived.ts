/**
 * Figures worked out from the counts, for a row, the subtotal of the rows shown and the world:
 * its share of the world's objects in orbit, and its orbital debris per orbital payload.
 */
import type { CountKey, Counts, Deltas } from '../../../server/shared/contract.ts';
import { COUNT_KEYS, zeroCounts } from '../../../server/shared/counts.ts';
import type { DerivedKey } from './columns.ts';

export type Derived = Readonly<Record<DerivedKey, number | null>>;

/**
 * `missing`: counts that are unknown (not reported). A ratio of an unknown is unknown (null); so is
 * a share of an empty world and the debris per payload of a country with no payload in orbit.
 */
export function derive(counts: Counts, missing: readonly CountKey[], worldOrbitalTotal: number): Derived {
  const known = (key: CountKey) => !missing.includes(key);
  return {
    worldShare: known('orbitalTotal') && worldOrbitalTotal > 0 ? counts.orbitalTotal / worldOrbitalTotal : null,
    debrisPerPayload: known('orbitalDebris') && known('orbitalPayload') && counts.orbitalPayload > 0 ? counts.orbitalDebris / counts.orbitalPayload : null,
  };
}

export interface Subtotal {
  rows: number;
  counts: Counts;
  /** How many of the rows did not report each count (left out of the sum). */
  unreported: Partial<Record<CountKey, number>>;
  /** The sum of the rows' changes, when comparing. */
  delta: Deltas | null;
  derived: Derived;
}

interface SummedRow {
  counts: Counts;
  missing: readonly CountKey[];
  change: { delta: Deltas } | null;
}

/** The sum of the rows shown (all of them, not only the first page rendered). */
export function subtotal(rows: readonly SummedRow[], worldOrbitalTotal: number, comparing: boolean): Subtotal {
  const counts = zeroCounts();
  const delta: Deltas | null = comparing ? zeroCounts() : null;
  const unreported: Partial<Record<CountKey, number>> = {};
  for (const row of rows) {
    for (const key of COUNT_KEYS) {
      if (row.missing.includes(key)) unreported[key] = (unreported[key] ?? 0) + 1;
      else counts[key] += row.counts[key];
      if (delta && row.change) delta[key] += row.change.delta[key];
    }
  }
  // A ratio of sums with a part left out would mislead: it is unknown when any row did not report one.
  const missing = COUNT_KEYS.filter((key) => (unreported[key] ?? 0) > 0);
  return { rows: rows.length, counts, unreported, delta, derived: derive(counts, missing, worldOrbitalTotal) };
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const ratio = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 0.3714 -> "37.1%"; a share too small to show at this precision says so ("<0.1%") rather than "0.0%". */
export function formatDerived(key: DerivedKey, value: number | null): string {
  if (value === null) return '—';
  if (key === 'worldShare') return value > 0 && value < 0.0005 ? '<0.1%' : percent.format(value);
  return ratio.format(value);
}

/** The CSV's plain numbers: the share in percent to 2 decimals, the ratio to 3 (null: empty). */
export function csvDerived(key: DerivedKey, value: number | null): number | null {
  if (value === null) return null;
  return key === 'worldShare' ? Math.round(value * 10000) / 100 : Math.round(value * 1000) / 1000;
}
