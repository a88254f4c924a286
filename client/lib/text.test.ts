import { describe, expect, it } from 'vitest';
import { formatCount, formatInstant, formatShare } from './format.ts';
import { foldText, shortenName, slugify } from './text.ts';

describe('foldText', () => {
  it('drops case and accents', () => {
    expect(foldText('SOCIÉTÉ EUROPÉENNE DES SATELLITES')).toBe('societe europeenne des satellites');
    expect(foldText('Société')).toBe('societe');
  });
});

describe('shortenName', () => {
  it('keeps short names whole', () => {
    expect(shortenName('FRANCE')).toBe('FRANCE');
    expect(shortenName('UNITED STATES OF AMERICA')).toBe('UNITED STATES OF AMERICA');
  });
  it('cuts long names at a word boundary with an ellipsis', () => {
    expect(shortenName('COMMONWEALTH OF INDEPENDENT STATES')).toBe('COMMONWEALTH OF…');
    expect(shortenName('INTERNATIONAL TELECOMMUNICATIONS SATELLITE ORGANIZATION', 30)).toBe('INTERNATIONAL TELECOMMUNICATI…');
    expect(shortenName('ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF', 10)).toBe('ABCDEFGHI…');
  });
});

describe('slugify', () => {
  it('makes file-name-safe words', () => {
    expect(slugify('Orbital debris')).toBe('orbital-debris');
    expect(slugify('  Société / Test!! ')).toBe('societe-test');
  });
});

describe('formatting', () => {
  it('adds thousands separators', () => {
    expect(formatCount(17094)).toBe('17,094');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
  it('formats shares and instants', () => {
    expect(formatShare(0.12345)).toBe('12.3%');
    expect(formatInstant('2026-11-26T17:05:09.123Z')).toBe('2026-11-26 17:05 UTC');
    expect(formatInstant('nonsense')).toBe('nonsense');
  });
});
