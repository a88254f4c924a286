import type { CountryRow } from './contract.ts';

/**
 * How a country is recognised across snapshots: by SPADOC code (names change case and spelling
 * between snapshots; codes are stable), by name when a row has no code. Free of zod and of the
 * parser, so the client can match rows the same way.
 */
export const rowKey = (row: Pick<CountryRow, 'code' | 'country'>): string => (row.code ? `code:${row.code.toUpperCase()}` : `name:${row.country.toUpperCase()}`);

/**
 * The keys of one snapshot's rows, in order. A SPADOC code that several rows share (a data error
 * the parser reports) identifies none of them: each such row is keyed by its code and its name,
 * so two countries' rows are never matched as one (FRANCE never gets the USA's figures). Rows
 * that still collide (the same name and code twice) are numbered, each matched only to itself.
 */
export function rowKeys(rows: readonly Pick<CountryRow, 'code' | 'country'>[]): string[] {
  const uses = new Map<string, number>();
  const count = (keys: string[]) => {
    uses.clear();
    for (const key of keys) uses.set(key, (uses.get(key) ?? 0) + 1);
  };
  let keys = rows.map(rowKey);
  count(keys);
  keys = keys.map((key, i) => ((uses.get(key) ?? 0) > 1 ? `${key}|name:${rows[i]!.country.toUpperCase()}` : key));
  count(keys);
  const seen = new Map<string, number>();
  return keys.map((key) => {
    if ((uses.get(key) ?? 0) < 2) return key;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}#${n}`;
  });
}
