/**
 * The objects behind a cell of the rebuilt boxscore, a page at a time. Each field's order is sorted
 * once per catalogue; a page is one pass over that order, keeping the objects the rule counts at
 * the day asked (so `total` is the boxscore's count, by construction of the same predicate).
 */
import type { CatalogueObject, ObjectSortField, ObjectTypeKey } from '../shared/contract.ts';
import { fromDay, NEVER } from './day.ts';
import { DEBRIS, PAYLOAD, ROCKET_BODY, UNKNOWN, type CatalogueData } from './parse.ts';
import type { CatalogueIndex } from './rule.ts';
import { allTexts } from './text-column.ts';

export const TYPE_OF_KEY: Record<ObjectTypeKey, number> = { payload: PAYLOAD, rocketBody: ROCKET_BODY, debris: DEBRIS, tba: UNKNOWN };

/** Object indices in ascending order of each field, ties by catalogue number. */
export type ObjectOrders = Record<ObjectSortField, Int32Array>;

export function sortObjects(data: CatalogueData): ObjectOrders {
  const ids = Int32Array.from(data.noradId.keys());
  const by = (compare: (a: number, b: number) => number) => ids.slice().sort((a, b) => compare(a, b) || a - b);
  const text = (values: string[]) => (a: number, b: number) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0);
  return {
    noradId: ids,
    name: by(text(allTexts(data.name))),
    intlDes: by(text(allTexts(data.intlDes))),
    launch: by((a, b) => data.launch[a]! - data.launch[b]!),
    decay: by((a, b) => data.decay[a]! - data.decay[b]!),
  };
}

export interface ObjectsQuery {
  /** Index in data.codes; undefined for every owner. */
  code?: number;
  type?: ObjectTypeKey;
  state?: 'orbital' | 'decayed';
  /** One launch (YYYY-NNN): objects whose international designator starts with it. */
  launch?: string;
  day: number;
  sort: ObjectSortField;
  descending: boolean;
  offset: number;
  limit: number;
}

export function findObjects(index: CatalogueIndex, orders: ObjectOrders, q: ObjectsQuery): { total: number; objects: CatalogueObject[] } {
  const { data, cataloguedFrom } = index;
  const order = orders[q.sort];
  const type = q.type === undefined ? -1 : TYPE_OF_KEY[q.type];
  const picked: number[] = [];
  let total = 0;
  const n = order.length;
  for (let j = 0; j < n; j++) {
    const i = order[q.descending ? n - 1 - j : j]!;
    if (cataloguedFrom[i]! > q.day) continue;
    if (q.code !== undefined && data.owner[i] !== q.code) continue;
    if (type >= 0 && data.type[i] !== type) continue;
    if (q.state !== undefined && (data.decay[i]! <= q.day) !== (q.state === 'decayed')) continue;
    if (q.launch !== undefined && !data.intlDes.startsWith(i, q.launch)) continue;
    if (total >= q.offset && picked.length < q.limit) picked.push(i);
    total += 1;
  }
  return {
    total,
    objects: picked.map((i) => ({
      noradId: data.noradId[i]!,
      name: data.name.at(i),
      intlDes: data.intlDes.at(i),
      launch: fromDay(data.launch[i]!),
      decay: data.decay[i] === NEVER ? null : fromDay(data.decay[i]!),
    })),
  };
}
