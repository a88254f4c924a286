import { describe, expect, it } from 'vitest';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { filterRows, indexRows } from './filter.ts';
import { withChanges } from './table-rows.ts';

const index = indexRows(withChanges(realBoxscore.rows, undefined));
const codes = (query: string) => filterRows(index, query).map((r) => r.code).sort();

describe('filterRows: the names people search for (server/shared/country-names.ts)', () => {
  it('finds the CIS by Russia, the USSR and the Soviet Union', () => {
    for (const query of ['russia', 'Russian Federation', 'ussr', 'USSR', 'soviet', 'Soviet Union', 'former ussr']) expect(codes(query), query).toEqual(['CIS']);
  });
  it('finds the UK, the USA and Taiwan by their everyday names', () => {
    expect(codes('britain')).toEqual(['UK']);
    expect(codes('great britain')).toEqual(['UK']);
    // "uk" is also a substring of UKRAINE's name and code: both are honest matches.
    expect(codes('uk')).toEqual(['UK', 'UKR']);
    expect(codes('usa')).toEqual(['US', 'USBZ']);
    expect(codes('america')).toEqual(['US', 'USBZ']);
    expect(codes('united states')).toEqual(['US', 'USBZ']);
    expect(codes('taiwan')).toEqual(['ROC', 'STCT']);
  });
  it('finds both Koreas by "korea", and each by its own name', () => {
    expect(codes('korea')).toEqual(['NKOR', 'SKOR']);
    expect(codes('republic of korea')).toEqual(['NKOR', 'SKOR']); // "Democratic People's Republic of Korea" contains it
    expect(codes('dprk')).toEqual(['NKOR']);
  });
  it('finds the European organisations by "europe", and by the acronyms they trade under', () => {
    expect(codes('europe')).toEqual(['ESA', 'ESRO', 'EUME', 'EUTE', 'SES']);
    expect(codes('eumetsat')).toEqual(['EUME']);
    expect(codes('arabsat')).toEqual(['AB']);
    expect(codes('china')).toEqual(['CHBZ', 'PRC', 'ROC']); // ROC: REPUBLIC OF CHINA (TAIWAN)
  });
  it('still matches names and codes, and an alias never joins two names into one', () => {
    expect(codes('cis')).toEqual(['CIS']);
    expect(codes('france')).toEqual(['FGER', 'FR', 'FRIT']);
    // "USSR" + NUL + "Soviet": no match across the boundary.
    expect(codes('ussrsoviet')).toEqual([]);
    expect(codes('atlantis')).toEqual([]);
  });
});
