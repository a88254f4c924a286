/**
 * The rule that turns the satellite catalogue into the boxscore of any day (issue 11):
 *
 * - Catalogue numbers are given in the order objects are catalogued, often years after launch for
 *   the debris of a breakup. Object n counts as catalogued from K(n) = the latest LAUNCH among all
 *   objects numbered n or lower; at day D it counts only if K(n) <= D.
 * - Counted at D, it is orbital while DECAY is null or after D, decayed once DECAY <= D.
 * - PAYLOAD, ROCKET BODY and DEBRIS fill the payload, rocket body and debris counts; UNKNOWN is
 *   orbital TBA while in orbit, and once decayed it is in no count (reported as decayedUnknown).
 * - Totals as Space-Track's: orbital = TBA + the three types, decayed = the three types,
 *   country = orbital + decayed. A row for each owner code with a counted object.
 *
 * Indexed once per catalogue so that a day costs a few binary searches per code and type:
 * "counted by D" is K(n) <= D and "decayed by D" is max(K(n), DECAY) <= D, so each is one sorted
 * array of days per (code, type), and a count is the number of its elements <= D.
 */
import type { CountryRow, DataIssue, Totals } from '../shared/contract.ts';
import { zeroCounts, type Counts } from '../shared/counts.ts';
import { countAtMost, NEVER, toDay } from './day.ts';
import { DEBRIS, OBJECT_TYPES, PAYLOAD, ROCKET_BODY, UNKNOWN, type CatalogueData } from './parse.ts';

/** The first day there is anything to count: Sputnik's launch. */
export const FIRST_DAY = toDay('1957-10-04')!;

interface Cell {
  /** K(n) of each object of this code and type, ascending. */
  counted: Int32Array;
  /** max(K(n), DECAY) of each decayed object, ascending. */
  decayed: Int32Array;
}

export interface CatalogueIndex {
  readonly data: CatalogueData;
  /** K(n) of every object, in catalogue order (ascending, as K is a running maximum). */
  readonly cataloguedFrom: Int32Array;
  /** Day numbers of the range a boxscore can be rebuilt for. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** cells[code][type] */
  readonly cells: readonly (readonly Cell[])[];
  /** Every owner code together, by type: the world row of a timeline without summing 121 codes per day. */
  readonly world: readonly Cell[];
}

export interface CodeCounts {
  counts: Counts;
  /** Decayed UNKNOWN objects: counted, but in no count of the boxscore. */
  decayedUnknown: number;
}

export interface RebuiltBoxscore {
  rows: CountryRow[];
  totals: Totals;
  issues: DataIssue[];
  /** Objects counted at that day (in the boxscore, plus the decayed UNKNOWN ones). */
  counted: number;
  decayedUnknown: number;
}

/** The cells of the objects `members` (ascending indices), by type. */
function cellsOf(data: CatalogueData, cataloguedFrom: Int32Array, members: Iterable<number>): Cell[] {
  const counted: number[][] = OBJECT_TYPES.map(() => []);
  const decayed: number[][] = OBJECT_TYPES.map(() => []);
  for (const i of members) {
    counted[data.type[i]!]!.push(cataloguedFrom[i]!);
    if (data.decay[i]! !== NEVER) decayed[data.type[i]!]!.push(Math.max(cataloguedFrom[i]!, data.decay[i]!));
  }
  // counted is already ascending (catalogue order); decayed days are not.
  return OBJECT_TYPES.map((_, t) => ({ counted: Int32Array.from(counted[t]!), decayed: Int32Array.from(decayed[t]!).sort() }));
}

export function indexCatalogue(data: CatalogueData): CatalogueIndex {
  const n = data.noradId.length;
  const cataloguedFrom = new Int32Array(n);
  let latest = -NEVER;
  for (let i = 0; i < n; i++) cataloguedFrom[i] = latest = Math.max(latest, data.launch[i]!);
  const byCode: number[][] = data.codes.map(() => []);
  for (let i = 0; i < n; i++) byCode[data.owner[i]!]!.push(i);
  return {
    data,
    cataloguedFrom,
    firstDay: FIRST_DAY,
    lastDay: toDay(data.date)!,
    cells: byCode.map((members) => cellsOf(data, cataloguedFrom, members)),
    world: cellsOf(data, cataloguedFrom, cataloguedFrom.keys()),
  };
}

/** The counts at day D of one owner code (by its index in data.codes), or of the world (code -1). */
export function countsAt(index: CatalogueIndex, code: number, day: number): CodeCounts {
  const byType = code < 0 ? index.world : index.cells[code]!;
  const inOrbit = (t: number) => countAtMost(byType[t]!.counted, day) - countAtMost(byType[t]!.decayed, day);
  const decayed = (t: number) => countAtMost(byType[t]!.decayed, day);
  const counts = zeroCounts();
  counts.orbitalTba = inOrbit(UNKNOWN);
  counts.orbitalPayload = inOrbit(PAYLOAD);
  counts.orbitalRocketBody = inOrbit(ROCKET_BODY);
  counts.orbitalDebris = inOrbit(DEBRIS);
  counts.orbitalTotal = counts.orbitalTba + counts.orbitalPayload + counts.orbitalRocketBody + counts.orbitalDebris;
  counts.decayedPayload = decayed(PAYLOAD);
  counts.decayedRocketBody = decayed(ROCKET_BODY);
  counts.decayedDebris = decayed(DEBRIS);
  counts.decayedTotal = counts.decayedPayload + counts.decayedRocketBody + counts.decayedDebris;
  counts.countryTotal = counts.orbitalTotal + counts.decayedTotal;
  return { counts, decayedUnknown: decayed(UNKNOWN) };
}

/** The boxscore of day D: one row per owner code with a counted object, ordered by code as Space-Track's. */
export function rebuildBoxscore(index: CatalogueIndex, day: number, nameOf: (code: string) => string): RebuiltBoxscore {
  const rows: CountryRow[] = [];
  const sum = zeroCounts();
  let decayedUnknown = 0;
  index.data.codes.forEach((code, i) => {
    const { counts, decayedUnknown: unknown } = countsAt(index, i, day);
    decayedUnknown += unknown;
    if (counts.countryTotal === 0) return;
    rows.push({ country: nameOf(code), code, counts, missing: [] });
    for (const k of Object.keys(sum) as (keyof Counts)[]) sum[k] += counts[k];
  });
  return {
    rows,
    totals: { counts: sum, origin: 'computed', sumOfRows: { ...sum }, mismatches: [] },
    issues: index.data.issues,
    counted: sum.countryTotal + decayedUnknown,
    decayedUnknown,
  };
}
