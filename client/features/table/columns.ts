import type { CountKey } from '../../../server/boxscore/contract.ts';

export type SortKey = 'country' | 'code' | CountKey;
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export interface ColumnDef {
  key: SortKey;
  /** Header text, short because the group header says Orbital or Decayed. */
  header: string;
  /** Full label for screen readers, titles and file names. */
  label: string;
  group: 'none' | 'orbital' | 'decayed';
  numeric: boolean;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'country', header: 'Country', label: 'Country', group: 'none', numeric: false },
  { key: 'code', header: 'Code', label: 'Code', group: 'none', numeric: false },
  { key: 'orbitalPayload', header: 'Payload', label: 'Orbital payload', group: 'orbital', numeric: true },
  { key: 'orbitalRocketBody', header: 'Rocket body', label: 'Orbital rocket body', group: 'orbital', numeric: true },
  { key: 'orbitalDebris', header: 'Debris', label: 'Orbital debris', group: 'orbital', numeric: true },
  { key: 'orbitalTba', header: 'TBA', label: 'Orbital TBA', group: 'orbital', numeric: true },
  { key: 'orbitalTotal', header: 'Total', label: 'Orbital total', group: 'orbital', numeric: true },
  { key: 'decayedPayload', header: 'Payload', label: 'Decayed payload', group: 'decayed', numeric: true },
  { key: 'decayedRocketBody', header: 'Rocket body', label: 'Decayed rocket body', group: 'decayed', numeric: true },
  { key: 'decayedDebris', header: 'Debris', label: 'Decayed debris', group: 'decayed', numeric: true },
  { key: 'decayedTotal', header: 'Total', label: 'Decayed total', group: 'decayed', numeric: true },
  { key: 'countryTotal', header: 'Country total', label: 'Country total', group: 'none', numeric: true },
];

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<SortKey, ColumnDef>;

/** The view opens on the countries with the most objects in orbit. */
export const DEFAULT_SORT: SortState = { key: 'orbitalTotal', direction: 'desc' };
