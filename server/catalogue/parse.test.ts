import { describe, expect, it } from 'vitest';
import { CatalogueFormatError, parseCatalogue } from './parse.ts';
import { fromDay, NEVER } from './day.ts';
import { allTexts } from './text-column.ts';

const good = (id: string, over: Record<string, unknown> = {}) => ({
  NORAD_CAT_ID: id,
  INTLDES: '1999-025A',
  OBJECT_TYPE: 'PAYLOAD',
  SATNAME: `SAT ${id}`,
  COUNTRY: 'PRC',
  LAUNCH: '1999-05-10',
  DECAY: null,
  ...over,
});

const { LAUNCH: _launch, ...withoutLaunch } = good('2');

describe('parseCatalogue', () => {
  it('reads the real format (strings, DECAY null in orbit) into columns ordered by catalogue number', () => {
    const data = parseCatalogue([good('12', { DECAY: '2001-02-03', COUNTRY: 'US' }), good('3')], '2026-01-23');
    expect([...data.noradId]).toEqual([3, 12]);
    expect(data.codes).toEqual(['PRC', 'US']);
    expect([...data.owner]).toEqual([0, 1]);
    expect(fromDay(data.decay[1]!)).toBe('2001-02-03');
    expect(data.decay[0]).toBe(NEVER);
    expect(allTexts(data.name)).toEqual(['SAT 3', 'SAT 12']);
    expect(data.leftOut).toBe(0);
    expect(data.issues).toEqual([]);
  });

  it('leaves single bad rows out and counts them in issues, by reason', () => {
    const data = parseCatalogue(
      [
        good('1'),
        good('2', { LAUNCH: '1999-02-30' }),
        good('3', { LAUNCH: null }),
        good('4', { DECAY: '1999-01-01' }),
        good('5', { OBJECT_TYPE: 'SPACESHIP' }),
        good('6', { COUNTRY: null }),
        good('1', { SATNAME: 'DUPLICATE' }),
        good('x'),
        good('7', { DECAY: 'soon' }),
      ],
      '2026-01-23',
    );
    expect([...data.noradId]).toEqual([1]);
    expect(allTexts(data.name)).toEqual(['SAT 1']);
    expect(data.leftOut).toBe(8);
    expect(data.issues.map((i) => i.message)).toEqual([
      'Left out 2 objects with no valid launch date (NORAD "2", NORAD "3").',
      'Left out 1 object with a decay date before its launch (NORAD "4").',
      'Left out 1 object with an unknown object type (NORAD "5").',
      'Left out 1 object with no owner code (NORAD "6").',
      'Left out 1 object with a catalogue number already used by an earlier row (NORAD "1").',
      'Left out 1 object with no valid catalogue number (NORAD "x").',
      'Left out 1 object with a decay date that is not a date (NORAD "7").',
    ]);
  });

  it.each([
    ['not an array', { error: 'nope' }, /not a list of objects/],
    ['empty', [], /is empty/],
    ['a row that is not an object', [good('1'), 'x'], /row 2 is not an object/],
    ['a row missing a field asked for', [good('1'), withoutLaunch], /row 2 has no LAUNCH field/],
    ['no usable row at all', [good('1', { COUNTRY: '' })], /No row .* is usable/],
  ])('rejects a catalogue whole when it is %s', (_what, input, message) => {
    expect(() => parseCatalogue(input, '2026-01-23')).toThrow(CatalogueFormatError);
    expect(() => parseCatalogue(input, '2026-01-23')).toThrow(message);
  });
});
