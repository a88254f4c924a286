import type { CountKey } from '../../../server/shared/contract.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';

/** A delta column's key: the change of one count since the comparison snapshot. */
export type DeltaKey = `delta.${CountKey}`;
export type SortKey = 'country' | 'code' | CountKey | DeltaKey;
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export interface ColumnDef {
  key: SortKey;
  /** Header text, short because the group header says Orbital, Decayed or Change. */
  header: string;
  /** Full label for screen readers, titles, CSV headers and file names. */
  label: string;
  group: 'none' | 'orbital' | 'decayed' | 'change';
  numeric: boolean;
}

export const COUNT_COLUMNS: readonly (ColumnDef & { key: CountKey })[] = [
  { key: 'orbitalPayload', header: 'Payload', label: COUNT_LABELS.orbitalPayload, group: 'orbital', numeric: true },
  { key: 'orbitalRocketBody', header: 'Rocket body', label: COUNT_LABELS.orbitalRocketBody, group: 'orbital', numeric: true },
  { key: 'orbitalDebris', header: 'Debris', label: COUNT_LABELS.orbitalDebris, group: 'orbital', numeric: true },
  { key: 'orbitalTba', header: 'TBA', label: COUNT_LABELS.orbitalTba, group: 'orbital', numeric: true },
  { key: 'orbitalTotal', header: 'Total', label: COUNT_LABELS.orbitalTotal, group: 'orbital', numeric: true },
  { key: 'decayedPayload', header: 'Payload', label: COUNT_LABELS.decayedPayload, group: 'decayed', numeric: true },
  { key: 'decayedRocketBody', header: 'Rocket body', label: COUNT_LABELS.decayedRocketBody, group: 'decayed', numeric: true },
  { key: 'decayedDebris', header: 'Debris', label: COUNT_LABELS.decayedDebris, group: 'decayed', numeric: true },
  { key: 'decayedTotal', header: 'Total', label: COUNT_LABELS.decayedTotal, group: 'decayed', numeric: true },
  { key: 'countryTotal', header: 'Country total', label: COUNT_LABELS.countryTotal, group: 'none', numeric: true },
];

/** The changes shown when comparing: the ones analysts ask about ("debris added since"). */
export const DELTA_COLUMNS: readonly (ColumnDef & { key: DeltaKey; count: CountKey })[] = (
  ['orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'orbitalTotal', 'decayedTotal', 'countryTotal'] as const
).map((count) => {
  const base = COUNT_COLUMNS.find((c) => c.key === count)!;
  return {
    key: `delta.${count}` as const,
    count,
    // Visible text that the accessible name ("Change in orbital total") contains, as WCAG 2.5.3 asks.
    header: count === 'orbitalTotal' || count === 'decayedTotal' || count === 'countryTotal' ? base.label : base.header,
    label: `Change in ${base.label.toLowerCase()}`,
    group: 'change' as const,
    numeric: true,
  };
});

export const TEXT_COLUMNS: readonly ColumnDef[] = [
  { key: 'country', header: 'Country', label: 'Country', group: 'none', numeric: false },
  { key: 'code', header: 'Code', label: 'Code', group: 'none', numeric: false },
];

export const COLUMNS: readonly ColumnDef[] = [...TEXT_COLUMNS, ...COUNT_COLUMNS, ...DELTA_COLUMNS];

/** A sort direction in words, for aria-sort, captions and titles. */
export const DIRECTION_WORDS = { asc: 'ascending', desc: 'descending' } as const;

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<SortKey, ColumnDef>;

export const isDeltaKey = (key: SortKey): key is DeltaKey => key.startsWith('delta.');
export const isSortKey = (key: string): key is SortKey => key in COLUMN_BY_KEY;
export const isCountKey = (key: string): key is CountKey => COUNT_COLUMNS.some((c) => c.key === key);

/** The view opens on the countries with the most objects in orbit. */
export const DEFAULT_SORT: SortState = { key: 'orbitalTotal', direction: 'desc' };
