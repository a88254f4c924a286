import { readFileSync } from 'node:fs';
import { EMBEDDED_SNAPSHOTS } from '../boxscore/embedded.ts';

/** An embedded snapshot's raw rows, as Space-Track sent them, read afresh (a copy each call the test may change). */
export function embeddedRows(asOf = '2015-03-05'): unknown[] {
  const snapshot = EMBEDDED_SNAPSHOTS.find((s) => s.asOf === asOf);
  if (!snapshot) throw new Error(`No embedded snapshot of ${asOf}: there are ${EMBEDDED_SNAPSHOTS.map((s) => s.asOf).join(', ')}.`);
  return JSON.parse(readFileSync(snapshot.file, 'utf8')) as unknown[];
}
