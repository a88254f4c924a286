import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from './csv.ts';

describe('csvField', () => {
  it('leaves plain values alone', () => {
    expect(csvField('FRANCE')).toBe('FRANCE');
    expect(csvField(17094)).toBe('17094');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('KOREA, REPUBLIC OF')).toBe('"KOREA, REPUBLIC OF"');
    expect(csvField('THE "BIG" ONE')).toBe('"THE ""BIG"" ONE"');
    expect(csvField('TWO\nLINES')).toBe('"TWO\nLINES"');
    expect(csvField('CR\rONLY')).toBe('"CR\rONLY"');
  });
  it('keeps non-ASCII text as it is', () => {
    expect(csvField('SOCIÉTÉ EUROPÉENNE DES SATELLITES')).toBe('SOCIÉTÉ EUROPÉENNE DES SATELLITES');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = toCsv(['Country', 'Code', 'Orbital total'], [['SOCIÉTÉ, "SES"', 'SES', 54], ['FRANCE', null, 510]]);
    expect(csv).toBe(`${BOM}Country,Code,Orbital total\r\n"SOCIÉTÉ, ""SES""",SES,54\r\nFRANCE,,510\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
