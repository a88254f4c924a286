import type { CountryRow } from './contract.ts';

/**
 * How a country is recognised across snapshots: by SPADOC code (names change case and spelling
 * between snapshots; codes are stable), by name when a row has no code. Free of zod and of the
 * parser, so the client can match rows the same way.
 */
export const rowKey = (row: Pick<CountryRow, 'code' | 'country'>): string => (row.code ? `code:${row.code.toUpperCase()}` : `name:${row.country.toUpperCase()}`);
