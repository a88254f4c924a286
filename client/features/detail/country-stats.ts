/** One country's place in the world: each count, its share of the world total, its rank. */
import type { CountryRow, Totals } from '../../../server/shared/contract.ts';
import { COUNT_KEYS, type CountKey } from '../../../server/shared/counts.ts';

export interface CountryStat {
  key: CountKey;
  value: number;
  /** Fraction of the world total (0..1); null when the world total is 0. */
  share: number | null;
  /** 1 = the most; countries with equal counts share a rank. Null when nobody has any (a rank among zeros says nothing). */
  rank: number | null;
  missing: boolean;
}

export function countryStats(rows: readonly CountryRow[], totals: Totals, row: CountryRow): CountryStat[] {
  return COUNT_KEYS.map((key) => {
    const value = row.counts[key];
    const world = totals.counts[key];
    return {
      key,
      value,
      share: world === 0 ? null : value / world,
      rank: world === 0 ? null : 1 + rows.filter((other) => other.counts[key] > value).length,
      missing: row.missing.includes(key),
    };
  });
}
