import { describe, expect, it } from 'vitest';
import { computeChanges, diffTotals } from './changes.ts';
import { EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from './embedded.ts';

const [feb, mar] = EMBEDDED_SNAPSHOTS.map(readEmbeddedSnapshot) as [ReturnType<typeof readEmbeddedSnapshot>, ReturnType<typeof readEmbeddedSnapshot>];

describe('computeChanges on the real 2015 snapshots', () => {
  const changes = computeChanges(feb.rows, mar.rows);

  it('finds exactly the rows that changed (CIS, EUTE, IRAN, PRC, US)', () => {
    expect(changes).toHaveLength(85);
    expect(changes.filter((c) => c.status === 'changed').map((c) => c.code).sort()).toEqual(['CIS', 'EUTE', 'IRAN', 'PRC', 'US']);
    expect(changes.filter((c) => c.status === 'unchanged')).toHaveLength(80);
  });

  it('gives signed deltas for every count', () => {
    const prc = changes.find((c) => c.code === 'PRC')!;
    const orbitalDebris = prc.to!.orbitalDebris - prc.from!.orbitalDebris;
    expect(prc.delta.orbitalDebris).toBe(orbitalDebris);
    expect(Object.keys(prc.delta)).toHaveLength(10);
    const totals = diffTotals(feb.totals, mar.totals);
    expect(totals.delta.orbitalTotal).toBe(17094 - 17046);
    expect(totals.delta.countryTotal).toBe(40454 - 40390);
    // The rows' deltas add up to the totals' delta.
    expect(changes.reduce((s, c) => s + c.delta.countryTotal, 0)).toBe(64);
  });
});

describe('computeChanges on rows that come and go', () => {
  const base = mar.rows.find((r) => r.code === 'FR')!;
  it('marks added and removed rows, matching by code despite a renamed country', () => {
    const renamed = { ...base, country: 'France' };
    const newcomer = { ...base, country: 'NEWLAND', code: 'NEW' };
    const leaving = { ...base, country: 'OLDLAND', code: 'OLD' };
    const changes = computeChanges([base, leaving], [renamed, newcomer]);
    expect(changes.map((c) => [c.code, c.status])).toEqual([
      ['FR', 'unchanged'],
      ['NEW', 'added'],
      ['OLD', 'removed'],
    ]);
    expect(changes[1]?.delta.orbitalTotal).toBe(base.counts.orbitalTotal);
    expect(changes[2]?.delta.orbitalTotal).toBe(-base.counts.orbitalTotal);
    expect(changes[2]?.to).toBeNull();
  });

  it('never merges two countries that share a code: FRANCE does not get the USA\'s figures', () => {
    const us = mar.rows.find((r) => r.code === 'US')!;
    const fr = mar.rows.find((r) => r.code === 'FR')!;
    const impostor = { ...fr, code: 'US' };
    // The later snapshot sends FRANCE under the USA's code, after the USA.
    const changes = computeChanges([us, fr], [us, impostor]);
    expect(changes.map((c) => [c.country, c.code, c.status])).toEqual([
      ['UNITED STATES OF AMERICA', 'US', 'added'],
      ['FRANCE', 'US', 'added'],
      ['UNITED STATES OF AMERICA', 'US', 'removed'],
      ['FRANCE', 'FR', 'removed'],
    ]);
    // Each row's change is its own counts, never the other country's.
    expect(changes[0]?.to).toEqual(us.counts);
    expect(changes[1]?.to).toEqual(fr.counts);
  });
});
