/**
 * Breakups found from the catalogue alone (no hand-written list): the launches that left the most
 * catalogued debris. The parent's name is read from the pieces' own names ("FENGYUN 1C DEB" ->
 * "FENGYUN 1C"), since a launch's first payload is the wrong guess when it carried several, and
 * the parent is often a rocket stage; the launch's payloads are listed beside it.
 */
import { fromDay, NEVER } from './day.ts';
import { DEBRIS, PAYLOAD } from './parse.ts';
import type { CatalogueIndex } from './rule.ts';

export interface FoundEvent {
  launch: string;
  name: string;
  /** Index in data.codes. */
  owner: number;
  pieces: number;
  inOrbit: number;
  firstCatalogued: string;
  busiestMonth: string;
  payloads: string[];
}

/** Most events kept (and so the largest `limit` of /api/events). */
export const MAX_EVENTS = 100;

/** "FENGYUN 1C DEB", "THORAD AGENA D DEB (ISS)" -> the parent; undefined when the name says no parent. */
export const parentName = (piece: string): string | undefined => /^(.+?)\s+DEB\b/.exec(piece)?.[1]?.trim() || undefined;

/** The most frequent value; ties go to the one seen first. */
function mode<T>(values: Iterable<T>): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) [best, bestCount] = [v, c];
  }
  return best;
}

/** The launch (YYYY-NNN) of an international designator; undefined when it names none. */
const launchOf = (intlDes: string) => /^(\d{4}-\d{3})/.exec(intlDes)?.[1];

export function findEvents(index: CatalogueIndex): FoundEvent[] {
  const { data, cataloguedFrom, lastDay } = index;
  const debris = new Map<string, number[]>();
  const payloads = new Map<string, string[]>();
  for (let i = 0; i < data.noradId.length; i++) {
    const launch = launchOf(data.intlDes.at(i));
    if (!launch) continue;
    if (data.type[i] === DEBRIS) (debris.get(launch) ?? debris.set(launch, []).get(launch)!).push(i);
    else if (data.type[i] === PAYLOAD) (payloads.get(launch) ?? payloads.set(launch, []).get(launch)!).push(data.name.at(i));
  }
  return [...debris]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .slice(0, MAX_EVENTS)
    .map(([launch, pieces]) => {
      const names = pieces.map((i) => data.name.at(i));
      const months = pieces.map((i) => fromDay(cataloguedFrom[i]!).slice(0, 7));
      return {
        launch,
        name: mode(names.map(parentName).filter((n): n is string => n !== undefined)) ?? mode(names)!,
        owner: mode(pieces.map((i) => data.owner[i]!))!,
        pieces: pieces.length,
        inOrbit: pieces.filter((i) => data.decay[i] === NEVER || data.decay[i]! > lastDay).length,
        // Pieces are in catalogue order, and K(n) grows with it: the first is the earliest.
        firstCatalogued: fromDay(cataloguedFrom[pieces[0]!]!),
        busiestMonth: mode([...months].sort())!,
        payloads: payloads.get(launch) ?? [],
      };
    });
}
