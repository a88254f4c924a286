import { describe, expect, it } from 'vitest';
import { embeddedRows } from '../test-support/embedded-rows.ts';
import { boxscoreResponseSchema } from '../shared/contract.ts';
import { BoxscoreFormatError, cleanName, parseBoxscore } from './parse.ts';


function upstreamRow(country: string, code: string | null, o: number[], d: number[]): Record<string, string | null> {
  const [tba = 0, p = 0, rb = 0, deb = 0] = o;
  const [dp = 0, drb = 0, ddeb = 0] = d;
  const orbital = tba + p + rb + deb;
  const decayed = dp + drb + ddeb;
  return {
    COUNTRY: country,
    SPADOC_CD: code,
    ORBITAL_TBA: String(tba),
    ORBITAL_PAYLOAD_COUNT: String(p),
    ORBITAL_ROCKET_BODY_COUNT: String(rb),
    ORBITAL_DEBRIS_COUNT: String(deb),
    ORBITAL_TOTAL_COUNT: String(orbital),
    DECAYED_PAYLOAD_COUNT: String(dp),
    DECAYED_ROCKET_BODY_COUNT: String(drb),
    DECAYED_DEBRIS_COUNT: String(ddeb),
    DECAYED_TOTAL_COUNT: String(decayed),
    COUNTRY_TOTAL: String(orbital + decayed),
  };
}

describe('parseBoxscore on the real snapshots', () => {
  it('reads 2015-03-05: 85 countries, ALL as totals, no issues', () => {
    const parsed = parseBoxscore(embeddedRows('2015-03-05'));
    expect(parsed.rows).toHaveLength(85);
    expect(parsed.rows.some((r) => r.code === 'ALL')).toBe(false);
    expect(parsed.totals.origin).toBe('upstream');
    expect(parsed.totals.counts.orbitalTotal).toBe(17094);
    expect(parsed.totals.counts.decayedTotal).toBe(23360);
    expect(parsed.totals.counts.countryTotal).toBe(40454);
    expect(parsed.totals.sumOfRows).toEqual(parsed.totals.counts);
    expect(parsed.totals.mismatches).toEqual([]);
    expect(parsed.issues).toEqual([]);
    const cis = parsed.rows.find((r) => r.code === 'CIS');
    expect(cis?.country).toBe('COMMONWEALTH OF INDEPENDENT STATES');
    expect(cis?.counts.orbitalDebris).toBe(3847);
    expect(parsed.rows.map((r) => r.country)).toContain('SOCIÉTÉ EUROPÉENNE DES SATELLITES');
  });

  it('reads 2015-02-23 (the byte-exact upstream JSON with \\u00c9 escapes)', () => {
    const parsed = parseBoxscore(embeddedRows('2015-02-23'));
    expect(parsed.rows).toHaveLength(85);
    expect(parsed.totals.counts.countryTotal).toBe(40390);
    expect(parsed.rows.map((r) => r.country)).toContain('SOCIÉTÉ EUROPÉENNE DES SATELLITES');
    expect(parsed.issues).toEqual([]);
  });

  it('matches the published API contract', () => {
    const parsed = parseBoxscore(embeddedRows('2015-03-05'));
    const body = {
      source: { kind: 'snapshot', asOf: '2015-03-05', fetchedAt: null, citation: 'Source: Space-Track.org', stale: false, message: null },
      ...parsed,
    };
    expect(boxscoreResponseSchema.safeParse(body).success).toBe(true);
  });
});

describe('parseBoxscore on nasty input', () => {
  const fr = upstreamRow('FRANCE', 'FR', [0, 60, 10, 30], [5, 5, 100]);
  const us = upstreamRow('UNITED STATES OF AMERICA', 'US', [1, 1000, 500, 3000], [10, 20, 30]);

  it('computes and marks the totals when no ALL row is sent', () => {
    const parsed = parseBoxscore([fr, us]);
    expect(parsed.totals.origin).toBe('computed');
    expect(parsed.totals.counts.orbitalTotal).toBe(100 + 4501);
    expect(parsed.totals.counts.countryTotal).toBe(210 + 4561);
    expect(parsed.issues).toEqual([]);
  });

  it('finds ALL wherever it is, in any case', () => {
    const all = upstreamRow('all', 'All', [1, 1060, 510, 3030], [15, 25, 130]);
    const parsed = parseBoxscore([all, fr, us]);
    expect(parsed.rows.map((r) => r.code)).toEqual(['FR', 'US']);
    expect(parsed.totals.origin).toBe('upstream');
    expect(parsed.totals.counts.orbitalPayload).toBe(1060);
    expect(parsed.totals.mismatches).toEqual([]);
  });

  it('reports an ALL row that disagrees with the rows instead of hiding it', () => {
    const all = upstreamRow('ALL', 'ALL', [1, 1061, 510, 3030], [15, 25, 130]);
    const parsed = parseBoxscore([fr, us, all]);
    expect(parsed.totals.counts.orbitalPayload).toBe(1061);
    expect(parsed.totals.sumOfRows.orbitalPayload).toBe(1060);
    expect(parsed.totals.mismatches).toEqual(['orbitalPayload', 'orbitalTotal', 'countryTotal']);
    expect(parsed.issues).toContainEqual({
      row: 'totals',
      message: "The ALL row's orbital payload is 1061 but the rows add up to 1060.",
    });
  });

  it('keeps null counts as 0, lists them as missing, and skips checks that involve them', () => {
    const withNull = { ...fr, ORBITAL_TBA: null, DECAYED_DEBRIS_COUNT: null, SPADOC_CD: null };
    const parsed = parseBoxscore([withNull]);
    const row = parsed.rows[0];
    expect(row?.code).toBeNull();
    expect(row?.counts.orbitalTba).toBe(0);
    expect(row?.counts.decayedDebris).toBe(0);
    expect(row?.missing).toEqual(['orbitalTba', 'decayedDebris']);
    // orbital and decayed checks involve a null; the country total check does not and holds.
    expect(parsed.issues).toEqual([]);
  });

  it('reports a row whose totals do not add up, with the row named', () => {
    const bad = { ...us, ORBITAL_TOTAL_COUNT: '4000' };
    const parsed = parseBoxscore([fr, bad]);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.issues).toEqual([
      { row: 'UNITED STATES OF AMERICA (US)', message: 'orbital total is 4000 but orbital TBA + orbital payload + orbital rocket body + orbital debris = 4501' },
      { row: 'UNITED STATES OF AMERICA (US)', message: 'country total is 4561 but orbital total + decayed total = 4060' },
    ]);
  });

  it('decodes escaped and tidies mixed-case names', () => {
    const parsed = parseBoxscore([
      upstreamRow('  Soci&eacute;t&#233; Europ&#xE9;enne des   Satellites ', 'SES', [0, 1], []),
      upstreamRow('AT&amp;T', 'ATT', [0, 2], []),
      JSON.parse('{"COUNTRY":"SOCI\\u00c9T\\u00c9 \\/ TEST","SPADOC_CD":"X","ORBITAL_TBA":"0","ORBITAL_PAYLOAD_COUNT":"0","ORBITAL_ROCKET_BODY_COUNT":"0","ORBITAL_DEBRIS_COUNT":"0","ORBITAL_TOTAL_COUNT":"0","DECAYED_PAYLOAD_COUNT":"0","DECAYED_ROCKET_BODY_COUNT":"0","DECAYED_DEBRIS_COUNT":"0","DECAYED_TOTAL_COUNT":"0","COUNTRY_TOTAL":"0"}'),
    ]);
    // &eacute; is not one of the few named entities we decode, so it stays visible rather than guessed.
    expect(parsed.rows.map((r) => r.country)).toEqual(['Soci&eacute;té Européenne des Satellites', 'AT&T', 'SOCIÉTÉ / TEST']);
    expect(cleanName('A&#0;B')).toBe('A&#0;B');
  });

  it('reports a SPADOC code that several rows carry, keeping every row as sent', () => {
    const impostor = upstreamRow('FRANCE', 'us', [0, 60, 10, 30], [5, 5, 100]);
    const parsed = parseBoxscore([us, impostor, fr]);
    expect(parsed.rows.map((r) => [r.country, r.code])).toEqual([
      ['UNITED STATES OF AMERICA', 'US'],
      ['FRANCE', 'us'],
      ['FRANCE', 'FR'],
    ]);
    expect(parsed.issues).toEqual([
      { row: 'SPADOC code US', message: 'is sent for 2 rows (UNITED STATES OF AMERICA, FRANCE); they are kept apart, matched across snapshots by name and code.' },
    ]);
  });

  it('accepts the largest count that is exact, 2^53 - 1', () => {
    const parsed = parseBoxscore([{ ...fr, DECAYED_DEBRIS_COUNT: '9007199254740991' }]);
    expect(parsed.rows[0]?.counts.decayedDebris).toBe(9007199254740991);
  });

  it('drops bidirectional controls from names and codes, written raw or as entities', () => {
    const parsed = parseBoxscore([
      upstreamRow('RUSSIA (SIC) \u202Egpj.exe', 'C\u2066IS\u2069', [0, 1], []),
      upstreamRow('EVIL&#x202E;txt.exe &#8207;CORP', 'EV', [0, 2], []),
    ]);
    expect(parsed.rows.map((r) => [r.country, r.code])).toEqual([
      ['RUSSIA (SIC) gpj.exe', 'CIS'],
      ['EVILtxt.exe CORP', 'EV'],
    ]);
    // A value quoted in an error message cannot reverse the message either.
    expect(() => parseBoxscore([{ ...fr, ORBITAL_DEBRIS_COUNT: '\u202E21' }])).toThrow('is not a whole number ("\\u202E21")');
  });

  it('accepts plain JSON numbers as counts', () => {
    const numeric = Object.fromEntries(Object.entries(fr).map(([k, v]) => [k, k === 'COUNTRY' || k === 'SPADOC_CD' ? v : Number(v)]));
    expect(parseBoxscore([numeric]).rows[0]?.counts.countryTotal).toBe(210);
  });

  it.each([
    ['an object', { error: 'nope' }, 'not a list'],
    ['an empty list', [], 'empty'],
    ['a rate-limit error row', [{ error: "You've violated your query rate limit." }], 'row 1 is invalid: COUNTRY'],
    ['a count that is not a number', [{ ...fr, ORBITAL_DEBRIS_COUNT: 'twelve' }], 'ORBITAL_DEBRIS_COUNT is not a whole number'],
    ['a negative count', [{ ...fr, ORBITAL_DEBRIS_COUNT: '-1' }], 'ORBITAL_DEBRIS_COUNT is not a whole number'],
    ['a count beyond 2^53 (it would be rounded)', [{ ...fr, ORBITAL_DEBRIS_COUNT: '99999999999999999999' }], 'ORBITAL_DEBRIS_COUNT is too large to be counted exactly ("99999999999999999999")'],
    ['2^53 + 1 as text', [{ ...fr, COUNTRY_TOTAL: '9007199254740993' }], 'COUNTRY_TOTAL is too large to be counted exactly'],
    ['2^53 as a JSON number', [{ ...fr, COUNTRY_TOTAL: 2 ** 53 }], 'COUNTRY_TOTAL is too large to be counted exactly'],
    ['rows whose sum is beyond 2^53', [{ ...fr, DECAYED_DEBRIS_COUNT: String(2 ** 52) }, { ...us, DECAYED_DEBRIS_COUNT: String(2 ** 52) }], 'decayed debris counts add up to more than can be counted exactly'],
    ['an empty country name', [{ ...fr, COUNTRY: ' ' }], 'COUNTRY is empty'],
    ['a country name of controls only', [{ ...fr, COUNTRY: '\u202E&nbsp;' }], 'COUNTRY has no visible name'],
    ['only an ALL row', [upstreamRow('ALL', 'ALL', [], [])], 'no country rows'],
  ])('rejects %s', (_label, input, message) => {
    expect(() => parseBoxscore(input)).toThrow(BoxscoreFormatError);
    expect(() => parseBoxscore(input)).toThrow(message);
  });

  it('echoes at most 40 characters of a bad upstream value into the message', () => {
    const huge = 'x'.repeat(1_000_000);
    const messageOf = (value: unknown) => {
      try {
        parseBoxscore([{ ...fr, ORBITAL_DEBRIS_COUNT: value }]);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('parsed');
    };
    expect(messageOf(huge)).toBe(`Boxscore row 1 is invalid: ORBITAL_DEBRIS_COUNT is not a whole number ("${'x'.repeat(38)}…).`);
    expect(messageOf({ note: huge })).toBe(`Boxscore row 1 is invalid: ORBITAL_DEBRIS_COUNT is not a whole number ({"note":"${'x'.repeat(30)}…).`);
    expect(messageOf('twelve')).toBe('Boxscore row 1 is invalid: ORBITAL_DEBRIS_COUNT is not a whole number ("twelve").');
    expect(messageOf('a\nb')).toContain('("a\\nb")');
  });
});
