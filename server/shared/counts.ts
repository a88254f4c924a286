/**
 * The ten counts of a boxscore row, and the arithmetic on them. Free of zod: the client imports
 * the values too (the contract's schemas, and zod with them, stay on the server).
 */

/** The ten counts of a boxscore row, in the order Space-Track lists them. */
export const COUNT_KEYS = [
  'orbitalTba',
  'orbitalPayload',
  'orbitalRocketBody',
  'orbitalDebris',
  'orbitalTotal',
  'decayedPayload',
  'decayedRocketBody',
  'decayedDebris',
  'decayedTotal',
  'countryTotal',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export type Counts = Record<CountKey, number>;

export function zeroCounts(): Counts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts;
}

export function sumCounts(rows: readonly { counts: Counts }[]): Counts {
  const sum = zeroCounts();
  for (const row of rows) for (const k of COUNT_KEYS) sum[k] += row.counts[k];
  return sum;
}
