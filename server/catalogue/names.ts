/**
 * Display names of owner codes: owner-codes.json (embedded/README.md), else the newest real
 * boxscore's name for that code, else the code itself.
 */
import { readFileSync } from 'node:fs';
import type { CountryRow } from '../shared/contract.ts';
import { EMBEDDED_DIR } from './embedded.ts';

const OWNER_CODES: ReadonlyMap<string, string> = new Map(
  (JSON.parse(readFileSync(new URL('owner-codes.json', EMBEDDED_DIR), 'utf8')) as { code: string; name: string }[]).map((c) => [c.code, c.name]),
);

export function ownerNames(newestRealRows: readonly Pick<CountryRow, 'code' | 'country'>[]): (code: string) => string {
  const fromBoxscore = new Map(newestRealRows.filter((r) => r.code).map((r) => [r.code!.toUpperCase(), r.country]));
  return (code) => OWNER_CODES.get(code) ?? fromBoxscore.get(code.toUpperCase()) ?? code;
}
