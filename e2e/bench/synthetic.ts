/**
 * A synthetic boxscore of any size, generated deterministically (same seed, same rows), to see how
 * the page scales past the real 85 rows. Counts are consistent, so the data-quality checks stay quiet.
 */
import type { Counts, CountryRow } from '../../server/shared/contract.ts';
import { sumCounts } from '../../server/shared/counts.ts';
import type { ParsedBoxscore } from '../../server/boxscore/parse.ts';

/** A small LCG: deterministic and dependency-free; statistical quality does not matter here. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticBoxscore(count: number, seed = 5000): ParsedBoxscore {
  const next = random(seed);
  const int = (max: number) => Math.floor(next() ** 3 * max); // skewed, like the real data
  const rows: CountryRow[] = [];
  for (let i = 1; i <= count; i++) {
    const orbital = { orbitalTba: int(5), orbitalPayload: int(1500), orbitalRocketBody: int(400), orbitalDebris: int(3000) };
    const decayed = { decayedPayload: int(1000), decayedRocketBody: int(800), decayedDebris: int(8000) };
    const orbitalTotal = orbital.orbitalTba + orbital.orbitalPayload + orbital.orbitalRocketBody + orbital.orbitalDebris;
    const decayedTotal = decayed.decayedPayload + decayed.decayedRocketBody + decayed.decayedDebris;
    const counts: Counts = { ...orbital, orbitalTotal, ...decayed, decayedTotal, countryTotal: orbitalTotal + decayedTotal };
    rows.push({ country: `Synthetic country ${i}`, code: `S${i.toString(36).toUpperCase()}`, counts, missing: [] });
  }
  const sum = sumCounts(rows);
  return { rows, totals: { counts: sum, origin: 'computed', sumOfRows: sum, mismatches: [] }, issues: [] };
}
