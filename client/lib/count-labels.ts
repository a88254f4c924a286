import type { CountKey } from '../../server/shared/contract.ts';

/** The ten counts' full names, one wording everywhere: table headers' labels, chart series, CSV, trends. */
export const COUNT_LABELS: Readonly<Record<CountKey, string>> = {
  orbitalPayload: 'Orbital payload',
  orbitalRocketBody: 'Orbital rocket body',
  orbitalDebris: 'Orbital debris',
  orbitalTba: 'Orbital TBA',
  orbitalTotal: 'Orbital total',
  decayedPayload: 'Decayed payload',
  decayedRocketBody: 'Decayed rocket body',
  decayedDebris: 'Decayed debris',
  decayedTotal: 'Decayed total',
  countryTotal: 'Country total',
};
