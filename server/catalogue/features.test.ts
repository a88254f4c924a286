import { describe, expect, it } from 'vitest';
import { embeddedCatalogue } from '../test-support/catalogue.ts';
import { fromDay, toDay } from './day.ts';
import { parentName } from './events.ts';
import { findObjects } from './objects.ts';
import { countsAt, rebuildBoxscore } from './rule.ts';
import { countSeries, stepDays } from './timeline.ts';

const { index, orders, events } = embeddedCatalogue();
const code = (c: string) => index.data.codes.indexOf(c);
const base = { sort: 'noradId', descending: false, offset: 0, limit: 500 } as const;

describe('objects behind a count', () => {
  it.each([
    ['US', 'debris', 'orbital', '2015-03-05', 'orbitalDebris'],
    ['CIS', 'payload', 'decayed', '1990-06-30', 'decayedPayload'],
    ['PRC', 'rocketBody', 'orbital', '2026-01-23', 'orbitalRocketBody'],
    ['US', 'tba', 'orbital', '2026-01-23', 'orbitalTba'],
  ] as const)('%s %s %s at %s: total is the rebuilt boxscore\'s %s', (owner, type, state, asOf, key) => {
    const day = toDay(asOf)!;
    const { total, objects } = findObjects(index, orders, { ...base, code: code(owner), type, state, day });
    expect(total).toBe(countsAt(index, code(owner), day).counts[key]);
    expect(total).toBeGreaterThan(0);
    expect(objects.length).toBe(Math.min(total, 500));
    for (const o of objects) {
      expect(o.launch <= asOf).toBe(true);
      expect(state === 'orbital' ? o.decay === null || o.decay > asOf : o.decay !== null && o.decay <= asOf).toBe(true);
    }
  });

  it('pages through one sorted order: descending launch, no object twice, every one counted', () => {
    const q = { ...base, code: code('PRC'), type: 'debris' as const, state: 'orbital' as const, day: toDay('2008-01-01')!, sort: 'launch' as const, descending: true, limit: 400 };
    const first = findObjects(index, orders, q);
    const pages = [first.objects];
    for (let offset = 400; offset < first.total; offset += 400) pages.push(findObjects(index, orders, { ...q, offset }).objects);
    const all = pages.flat();
    expect(all).toHaveLength(first.total);
    expect(new Set(all.map((o) => o.noradId)).size).toBe(first.total);
    expect(all.map((o) => o.launch)).toEqual([...all.map((o) => o.launch)].sort().reverse());
    // The Fengyun 1C test of 2007-01-11 left most of them.
    expect(all.filter((o) => o.intlDes.startsWith('1999-025')).length).toBeGreaterThan(2000);
  });

  it('without a code, type or state lists every object catalogued by that day', () => {
    const day = toDay('1960-12-31')!;
    const { total } = findObjects(index, orders, { ...base, day });
    expect(total).toBe(rebuildBoxscore(index, day, (c) => c).counted);
  });
});

describe('breakups found from the data', () => {
  it('ranks launches by catalogued debris and names the parent from the pieces, not the first payload', () => {
    expect(events.slice(0, 3).map((e) => [e.launch, e.name, index.data.codes[e.owner]])).toEqual([
      ['1999-025', 'FENGYUN 1C', 'PRC'],
      ['1982-092', 'COSMOS 1408', 'CIS'],
      ['1993-036', 'COSMOS 2251', 'CIS'],
    ]);
    const iridium = events.find((e) => e.launch === '1997-051')!;
    // Five Iridiums rode that launch; the pieces say which one broke up (the 2009 collision).
    expect(iridium.name).toBe('IRIDIUM 33');
    expect(iridium.payloads).toContain('IRIDIUM 33');
    expect(iridium.payloads[0]).not.toBe('IRIDIUM 33');
    expect(iridium.busiestMonth).toBe('2009-02');
    const fengyun = events[0]!;
    expect(fengyun.payloads).toEqual(['FENGYUN 1C', 'SJ-5']);
    expect(fengyun.busiestMonth).toBe('2007-01');
    expect(fengyun.inOrbit).toBeLessThan(fengyun.pieces);
    for (let i = 1; i < events.length; i++) expect(events[i]!.pieces).toBeLessThanOrEqual(events[i - 1]!.pieces);
  });

  it.each([
    ['FENGYUN 1C DEB', 'FENGYUN 1C'],
    ['THORAD AGENA D DEB (ISS)', 'THORAD AGENA D'],
    ['SL-8 R/B', undefined],
    ['DEBRIS', undefined],
  ])('reads the parent of %s as %s', (piece, parent) => {
    expect(parentName(piece)).toBe(parent);
  });
});

describe('timeline', () => {
  it('steps to the last day of each year or month, ending on the last day asked', () => {
    const days = (from: string, to: string, step: 'year' | 'month') => stepDays(toDay(from)!, toDay(to)!, step).map(fromDay);
    expect(days('1957-10-04', '1960-03-01', 'year')).toEqual(['1957-12-31', '1958-12-31', '1959-12-31', '1960-03-01']);
    expect(days('2024-01-15', '2024-04-30', 'month')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(days('2024-01-15', '2024-01-20', 'month')).toEqual(['2024-01-20']);
    expect(stepDays(index.firstDay, index.lastDay, 'month')).toHaveLength(820);
  });

  it('world and code series equal the rebuilt boxscore of each date', () => {
    const days = stepDays(index.firstDay, index.lastDay, 'year');
    const world = countSeries(index, -1, days);
    const us = countSeries(index, code('US'), days);
    for (const j of [0, 30, days.length - 1]) {
      const box = rebuildBoxscore(index, days[j]!, (c) => c);
      expect(world.orbitalDebris[j]).toBe(box.totals.counts.orbitalDebris);
      expect(world.countryTotal[j]).toBe(box.totals.counts.countryTotal);
      expect(us.decayedPayload[j]).toBe(box.rows.find((r) => r.code === 'US')?.counts.decayedPayload ?? 0);
    }
  });
});
