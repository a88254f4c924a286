import { describe, expect, it } from 'vitest';
import { agoWords, utcTimeOfDay, waitWords } from './time-words.ts';

const s = 1000;
const min = 60 * s;
const h = 60 * min;

describe('waitWords', () => {
  it.each([
    [0, '0 s'],
    [400, '1 s'],
    [7 * s, '7 s'],
    [59 * s, '59 s'],
    [60 * s, '1 min'],
    [119 * s, '1 min'],
    [3586 * s, '59 min'],
    [h, '1 h'],
    [h + 5 * min + 30 * s, '1 h 5 min'],
    [23 * h + 59 * min, '23 h 59 min'],
    [47 * h, '47 h'],
    [3 * 24 * h + 5 * h, '3 days'],
    [-5 * s, '0 s'],
  ])('%d ms reads "%s"', (ms, words) => expect(waitWords(ms)).toBe(words));

  it('counts down: one second less is one second less below a minute, and a minute less only at whole minutes', () => {
    expect([11, 10, 9, 8].map((left) => waitWords(left * s))).toEqual(['11 s', '10 s', '9 s', '8 s']);
    expect([3600, 3599, 3541, 3540, 3539].map((left) => waitWords(left * s))).toEqual(['1 h', '59 min', '59 min', '59 min', '58 min']);
  });
});

describe('agoWords', () => {
  it.each([
    [0, 'just now'],
    [59 * s, 'just now'],
    [60 * s, '1 min ago'],
    [3 * h + 20 * min, '3 h ago'],
    [30 * h, '30 h ago'],
    [50 * h, '2 days ago'],
    [-min, 'just now'],
  ])('%d ms reads "%s"', (ms, words) => expect(agoWords(ms)).toBe(words));
});

it('utcTimeOfDay gives the UTC hour and minute', () => {
  expect(utcTimeOfDay(new Date('2026-11-27T17:00:00Z'))).toBe('17:00 UTC');
  expect(utcTimeOfDay(new Date('2026-11-27T09:05:59.999+02:00'))).toBe('07:05 UTC');
});
