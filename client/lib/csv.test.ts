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

describe('csvField on hostile text', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['＝1+1', "'＝1+1"],
  ])('neutralises the formula %j with a leading apostrophe (OWASP)', (text, field) => {
    expect(csvField(text)).toBe(field);
  });
  it('keeps numbers numbers, negative ones included, and text that merely contains the characters', () => {
    expect(csvField(-12)).toBe('-12');
    expect(csvField(0)).toBe('0');
    expect(csvField('FRANCE/GERMANY - ESA')).toBe('FRANCE/GERMANY - ESA');
    expect(csvField('AT&T = A+B')).toBe('AT&T = A+B');
  });
  it('drops bidirectional controls, so a name cannot reverse the text after it', () => {
    expect(csvField('RUSSIA (SIC) \u202Egpj.exe')).toBe('RUSSIA (SIC) gpj.exe');
    // A control first must not hide a formula from the check.
    expect(csvField('\u202E=1+1')).toBe("'=1+1");
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = toCsv(['Country', 'Code', 'Orbital total'], [['SOCIÉTÉ, "SES"', 'SES', 54], ['FRANCE', null, 510]]);
    expect(csv).toBe(`${BOM}Country,Code,Orbital total\r\n"SOCIÉTÉ, ""SES""",SES,54\r\nFRANCE,,510\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
