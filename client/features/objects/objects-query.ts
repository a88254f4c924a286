/** From a count of the boxscore to the objects request behind it. Pure. */
import type { CountKey } from '../../../server/shared/counts.ts';
import type { ObjectsRequest } from '../../api/catalogue.ts';

type Filter = Pick<ObjectsRequest, 'type' | 'state'>;

export const COUNT_FILTERS: Readonly<Record<CountKey, Filter>> = {
  orbitalPayload: { type: 'payload', state: 'orbital' },
  orbitalRocketBody: { type: 'rocketBody', state: 'orbital' },
  orbitalDebris: { type: 'debris', state: 'orbital' },
  orbitalTba: { type: 'tba', state: 'orbital' },
  orbitalTotal: { type: null, state: 'orbital' },
  decayedPayload: { type: 'payload', state: 'decayed' },
  decayedRocketBody: { type: 'rocketBody', state: 'decayed' },
  decayedDebris: { type: 'debris', state: 'decayed' },
  // These two also list decayed objects of unknown type, which are in no count of the boxscore.
  decayedTotal: { type: null, state: 'decayed' },
  countryTotal: { type: null, state: null },
};

/** Whether the list of a count also holds the decayed objects of unknown type (so its length exceeds the count by theirs). */
export const listsDecayedUnknown = (count: CountKey): boolean => count === 'decayedTotal' || count === 'countryTotal';

export const OBJECT_COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'noradId', label: 'NORAD number' },
  { key: 'intlDes', label: 'International designator' },
  { key: 'launch', label: 'Launch' },
  { key: 'decay', label: 'Decay' },
] as const;
export type ObjectColumn = (typeof OBJECT_COLUMNS)[number]['key'];

/** "noradId" -> "-noradId" -> "noradId": a header click sorts ascending, then descending. */
export function nextObjectSort(current: string, column: ObjectColumn): string {
  return current === column ? `-${column}` : column;
}
