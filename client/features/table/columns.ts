import type { CountKey } from '../../../server/shared/contract.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';

/** A delta column's key: the change of one count since the comparison snapshot. */
export type DeltaKey = `delta.${CountKey}`;
/** Figures worked out from the counts (see DERIVED_COLUMNS). */
export type DerivedKey = 'worldShare' | 'debrisPerPayload';
/** The columns "Columns" can hide: the counts and the derived figures. */
export type HideableKey = CountKey | DerivedKey;
export type SortKey = 'country' | 'code' | HideableKey | DeltaKey;
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export interface ColumnDef {
  key: SortKey;
  /** Header text, short because the group header says Orbital or Decayed. */
  header: string;
  /** Full label for screen readers, titles, CSV headers and file names; contains `header` (WCAG 2.5.3). */
  label: string;
  group: 'none' | 'orbital' | 'decayed' | 'change';
  numeric: boolean;
  /** What the figure means, when the label alone does not say (the header's tooltip). */
  description?: string;
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

/** Ratios of the counts. Both are about objects in orbit now, the default view's subject. */
export const DERIVED_COLUMNS: readonly (ColumnDef & { key: DerivedKey })[] = [
  {
    key: 'worldShare',
    header: 'Share of world',
    label: 'Share of world in orbit',
    group: 'none',
    numeric: true,
    description: 'Share of the world’s objects in orbit: the orbital total ÷ the world’s orbital total (ALL row)',
  },
  {
    key: 'debrisPerPayload',
    header: 'Debris per payload',
    label: 'Debris per payload',
    group: 'none',
    numeric: true,
    description: 'Pieces of orbital debris per orbital payload: orbital debris ÷ orbital payloads; — when there are no payloads in orbit',
  },
];

/** Every count's name in the plural, for "Change in orbital payloads". */
const PLURALS: Readonly<Record<CountKey, string>> = {
  orbitalPayload: 'orbital payloads',
  orbitalRocketBody: 'orbital rocket bodies',
  orbitalDebris: 'orbital debris',
  orbitalTba: 'orbital TBA objects',
  orbitalTotal: 'orbital total',
  decayedPayload: 'decayed payloads',
  decayedRocketBody: 'decayed rocket bodies',
  decayedDebris: 'decayed debris',
  decayedTotal: 'decayed total',
  countryTotal: 'country total',
};

/**
 * When comparing, every count has its change, shown under the count in the count's own column
 * (so the changes need no room of their own and are read with their counts); each change sorts
 * from its own header button, labelled "change" under the count's header.
 */
export const DELTA_COLUMNS: readonly (ColumnDef & { key: DeltaKey; count: CountKey })[] = COUNT_COLUMNS.map((base) => ({
  key: `delta.${base.key}` as const,
  count: base.key,
  header: 'change',
  label: `Change in ${PLURALS[base.key]}`,
  group: 'change' as const,
  numeric: true,
}));

export const DELTA_BY_COUNT = Object.fromEntries(DELTA_COLUMNS.map((c) => [c.count, c])) as Record<CountKey, (typeof DELTA_COLUMNS)[number]>;

export const TEXT_COLUMNS: readonly ColumnDef[] = [
  { key: 'country', header: 'Country', label: 'Country', group: 'none', numeric: false },
  { key: 'code', header: 'Code', label: 'Code', group: 'none', numeric: false },
];

/** The columns "Columns" lists, in table order. */
export const HIDEABLE_COLUMNS: readonly (ColumnDef & { key: HideableKey })[] = [...COUNT_COLUMNS, ...DERIVED_COLUMNS];

export const COLUMNS: readonly ColumnDef[] = [...TEXT_COLUMNS, ...HIDEABLE_COLUMNS, ...DELTA_COLUMNS];

/** A sort direction in words, for aria-sort, captions and titles. */
export const DIRECTION_WORDS = { asc: 'ascending', desc: 'descending' } as const;

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<SortKey, ColumnDef>;

export const isDeltaKey = (key: SortKey): key is DeltaKey => key.startsWith('delta.');
export const isSortKey = (key: string): key is SortKey => Object.hasOwn(COLUMN_BY_KEY, key);
export const isCountKey = (key: string): key is CountKey => COUNT_COLUMNS.some((c) => c.key === key);
export const isHideableKey = (key: string): key is HideableKey => HIDEABLE_COLUMNS.some((c) => c.key === key);

/** The view opens on the countries with the most objects in orbit. */
export const DEFAULT_SORT: SortState = { key: 'orbitalTotal', direction: 'desc' };
