import { describe, expect, it } from 'vitest';
import { EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from '../boxscore/embedded.ts';
import { COUNT_KEYS, type CountKey } from '../shared/counts.ts';
import { embeddedCatalogue } from '../test-support/catalogue.ts';
import { toDay } from './day.ts';
import { parseCatalogue } from './parse.ts';
import { countsAt, indexCatalogue, rebuildBoxscore } from './rule.ts';

/** The seven counts by type (the totals are sums of them). */
const TYPE_COUNTS: CountKey[] = ['orbitalTba', 'orbitalPayload', 'orbitalRocketBody', 'orbitalDebris', 'decayedPayload', 'decayedRocketBody', 'decayedDebris'];

describe('the rebuilt boxscore against the two real 2015 boxscores (README, "Rebuilt boxscores")', () => {
  const { index } = embeddedCatalogue();
  for (const snapshot of EMBEDDED_SNAPSHOTS) {
    it(`${snapshot.asOf}: each of the seven world type counts within 1%, and at least 60 of the 85 rows exactly equal`, () => {
      const real = readEmbeddedSnapshot(snapshot);
      const rebuilt = rebuildBoxscore(index, toDay(snapshot.asOf)!, (code) => code);
      for (const k of TYPE_COUNTS) {
        const [want, got] = [real.totals.counts[k], rebuilt.totals.counts[k]];
        // orbitalTba is 0 in both (Space-Track counted no UNKNOWN object in orbit then): equal, not a division by zero.
        expect(Math.abs(got - want), `${k}: real ${want}, rebuilt ${got}`).toBeLessThanOrEqual(want * 0.01);
      }
      const equal = real.rows.filter((row) => {
        const mine = rebuilt.rows.find((r) => r.code === row.code);
        return mine !== undefined && COUNT_KEYS.every((k) => mine.counts[k] === row.counts[k]);
      });
      expect(real.rows).toHaveLength(85);
      expect(equal.length).toBeGreaterThanOrEqual(60);
      // The figures the README states (67 of 85 on both days); a change of the rule or the data shows here.
      expect(equal).toHaveLength(67);
    });
  }
});

/** A tiny catalogue that exercises each clause of the rule. */
const row = (id: number, type: string, owner: string, launch: string, decay: string | null = null) => ({
  NORAD_CAT_ID: String(id),
  INTLDES: `${launch.slice(0, 4)}-001A`,
  OBJECT_TYPE: type,
  SATNAME: `OBJECT ${id}`,
  COUNTRY: owner,
  LAUNCH: launch,
  DECAY: decay,
});

describe('the rule on a small catalogue', () => {
  const index = indexCatalogue(
    parseCatalogue(
      [
        row(1, 'ROCKET BODY', 'CIS', '1957-10-04', '1957-12-01'),
        row(2, 'PAYLOAD', 'CIS', '1957-10-04', '1958-01-04'),
        row(3, 'PAYLOAD', 'US', '1960-05-01'),
        // Debris of the 1957 launch, catalogued only after the 1960 launch numbered before it.
        row(4, 'DEBRIS', 'CIS', '1957-10-04', '1961-01-01'),
        row(5, 'UNKNOWN', 'US', '1960-06-01', '1960-07-01'),
        row(6, 'UNKNOWN', 'US', '1960-06-01'),
      ],
      '1962-01-01',
    ),
  );
  const day = (iso: string) => toDay(iso)!;
  const code = (c: string) => index.data.codes.indexOf(c);

  it('counts object n only from K(n), the latest launch among objects numbered n or lower', () => {
    expect([...index.cataloguedFrom]).toEqual(['1957-10-04', '1957-10-04', '1960-05-01', '1960-05-01', '1960-06-01', '1960-06-01'].map(day));
    // On 1960-05-01 the debris (launched 1957) counts for the first time: K(4) = 1960-05-01.
    expect(countsAt(index, code('CIS'), day('1960-04-30')).counts.orbitalDebris).toBe(0);
    expect(countsAt(index, code('CIS'), day('1960-05-01')).counts.orbitalDebris).toBe(1);
  });

  it('is decayed from the decay day on, orbital until then', () => {
    const before = countsAt(index, code('CIS'), day('1957-11-30')).counts;
    const on = countsAt(index, code('CIS'), day('1957-12-01')).counts;
    expect([before.orbitalRocketBody, before.decayedRocketBody]).toEqual([1, 0]);
    expect([on.orbitalRocketBody, on.decayedRocketBody]).toEqual([0, 1]);
    // Decayed before it was catalogued: decayed from K(n) on, never orbital after its decay.
    const debris = countsAt(index, code('CIS'), day('1961-06-01')).counts;
    expect([debris.orbitalDebris, debris.decayedDebris]).toEqual([0, 1]);
  });

  it('counts UNKNOWN as orbital TBA while in orbit; a decayed one is in no count and reported apart', () => {
    const us = countsAt(index, code('US'), day('1961-01-01'));
    expect(us.counts.orbitalTba).toBe(1);
    expect(us.decayedUnknown).toBe(1);
    expect(us.counts).toMatchObject({ orbitalPayload: 1, orbitalTotal: 2, decayedTotal: 0, countryTotal: 2 });
    const box = rebuildBoxscore(index, day('1961-01-01'), (c) => `name of ${c}`);
    expect(box.decayedUnknown).toBe(1);
    expect(box.counted).toBe(box.totals.counts.countryTotal + 1);
  });

  it('has a row only for codes with a counted object, ordered by code, with totals as Space-Track adds them', () => {
    expect(rebuildBoxscore(index, day('1959-01-01'), (c) => c).rows.map((r) => r.code)).toEqual(['CIS']);
    const box = rebuildBoxscore(index, day('1961-06-01'), (c) => `name of ${c}`);
    expect(box.rows.map((r) => [r.code, r.country])).toEqual([
      ['CIS', 'name of CIS'],
      ['US', 'name of US'],
    ]);
    for (const r of [...box.rows, box.totals]) {
      const c = r.counts;
      expect(c.orbitalTotal).toBe(c.orbitalTba + c.orbitalPayload + c.orbitalRocketBody + c.orbitalDebris);
      expect(c.decayedTotal).toBe(c.decayedPayload + c.decayedRocketBody + c.decayedDebris);
      expect(c.countryTotal).toBe(c.orbitalTotal + c.decayedTotal);
    }
    expect(box.totals.counts).toMatchObject({ orbitalTotal: 2, decayedTotal: 3, countryTotal: 5 });
  });
});
