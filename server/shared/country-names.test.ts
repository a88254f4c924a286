import { describe, expect, it } from 'vitest';
import { realBoxscore } from '../../client/test-support/real-boxscore.ts';
import { OWNER_NAMES, searchNames, shortName } from './country-names.ts';

const codes = new Set(realBoxscore.rows.map((r) => r.code));

describe('OWNER_NAMES', () => {
  it('is keyed by codes of the real boxscore (and TWN, the later code of Taiwan)', () => {
    for (const code of Object.keys(OWNER_NAMES)) expect(codes.has(code) || code === 'TWN', code).toBe(true);
  });
  it('has short names that fit a phone’s chart label (14 characters) and differ from each other', () => {
    const shorts = Object.entries(OWNER_NAMES).flatMap(([code, n]) => (n.short && code !== 'TWN' ? [n.short] : []));
    for (const short of shorts) expect(short.length, short).toBeLessThanOrEqual(14);
    expect(new Set(shorts).size).toBe(shorts.length);
  });
  it('gives every real name of more than 24 characters (a desktop label) a short name, except where sources disagree', () => {
    const long = realBoxscore.rows.filter((r) => r.country.length > 24 && !shortName(r.code)).map((r) => r.code);
    expect(long).toEqual(['ORB']);
  });
  it('answers by code, in any case, and nothing for unknown or missing codes', () => {
    expect(shortName('CIS')).toBe('RUSSIA/USSR');
    expect(shortName('cis')).toBe('RUSSIA/USSR');
    expect(shortName('FR')).toBeNull();
    expect(shortName(null)).toBeNull();
    expect(shortName('toString')).toBeNull();
    expect(searchNames('CIS')).toEqual(['RUSSIA/USSR', 'Russia', 'Russian Federation', 'USSR', 'Soviet Union', 'former USSR', 'CCCP']);
    expect(searchNames('XYZ')).toEqual([]);
  });
});
