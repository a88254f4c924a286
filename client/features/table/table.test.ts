import { describe, expect, it } from 'vitest';
import { computeChanges } from '../../../server/boxscore/changes.ts';
import type { CountryRow } from '../../../server/shared/contract.ts';
import { EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from '../../../server/boxscore/embedded.ts';
import { realBoxscore } from '../../test-support/real-boxscore.ts';
import { filterRows, indexRows } from './filter.ts';
import { nextSort, sortRows } from './sort.ts';
import { withChanges, type TableRow } from './table-rows.ts';

const rows = withChanges(realBoxscore.rows, undefined);
const index = indexRows(rows);
const names = (list: readonly CountryRow[]) => list.map((r) => r.country);

describe('filterRows', () => {
  it('finds the three France rows by name, ignoring case', () => {
    expect(names(filterRows(index, 'france'))).toEqual(['FRANCE/GERMANY', 'FRANCE', 'FRANCE/ITALY']);
    expect(filterRows(index, '  FRANCE ')).toHaveLength(3);
  });
  it('ignores accents both ways', () => {
    expect(names(filterRows(index, 'societe'))).toEqual(['SOCIÉTÉ EUROPÉENNE DES SATELLITES']);
    expect(names(filterRows(index, 'SOCIÉTÉ'))).toEqual(['SOCIÉTÉ EUROPÉENNE DES SATELLITES']);
  });
  it('matches codes', () => {
    expect(names(filterRows(index, 'cis'))).toContain('COMMONWEALTH OF INDEPENDENT STATES');
    expect(names(filterRows(index, 'prc'))).toEqual(['PEOPLES REPUBLIC OF CHINA']);
  });
  it('keeps every row for an empty query and none for a miss', () => {
    expect(filterRows(index, '')).toHaveLength(85);
    expect(filterRows(index, 'atlantis')).toEqual([]);
  });
  it('does not match across the name/code boundary', () => {
    // "FRANCE" + code "FR" must not make "cefr" match.
    expect(filterRows(index, 'cefr')).toEqual([]);
  });
});

describe('sortRows', () => {
  it('puts the CIS first by orbital debris, descending, and numerically', () => {
    const sorted = sortRows(rows, { key: 'orbitalDebris', direction: 'desc' });
    expect(sorted.slice(0, 3).map((r) => [r.code, r.counts.orbitalDebris])).toEqual([
      ['CIS', 3847],
      ['PRC', 3457],
      ['US', 3199],
    ]);
    const asc = sortRows(rows, { key: 'orbitalDebris', direction: 'asc' });
    expect(asc.at(-1)?.code).toBe('CIS');
    // 0s first, and numeric: 9 before 10.
    const values = asc.map((r) => r.counts.orbitalDebris);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });
  it('breaks ties by country name A to Z', () => {
    const sorted = sortRows(rows, { key: 'orbitalDebris', direction: 'desc' });
    const zeros = sorted.filter((r) => r.counts.orbitalDebris === 0).map((r) => r.country);
    expect(zeros).toEqual([...zeros].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });
  it('sorts names alphabetically, ignoring case and accents', () => {
    const mixed: TableRow[] = [
      { ...rows[0]!, country: 'société b' },
      { ...rows[0]!, country: 'SOCIETE A' },
      { ...rows[0]!, country: 'Algeria' },
    ];
    expect(names(sortRows(mixed, { key: 'country', direction: 'asc' }))).toEqual(['Algeria', 'SOCIETE A', 'société b']);
    expect(names(sortRows(mixed, { key: 'country', direction: 'desc' }))).toEqual(['société b', 'SOCIETE A', 'Algeria']);
  });
  it('does not change its input', () => {
    const before = names(rows);
    sortRows(rows, { key: 'country', direction: 'desc' });
    expect(names(rows)).toEqual(before);
  });
});

describe('with a comparison snapshot', () => {
  const feb = readEmbeddedSnapshot(EMBEDDED_SNAPSHOTS[0]!);
  const changed: TableRow[] = withChanges(realBoxscore.rows, computeChanges(feb.rows, realBoxscore.rows));

  it('attaches each row its change and filters to the changed ones', () => {
    const onlyChanged = filterRows(indexRows(changed), '', true);
    expect(onlyChanged.map((r) => r.code).sort()).toEqual(['CIS', 'EUTE', 'IRAN', 'PRC', 'US']);
    expect(filterRows(indexRows(changed), 'united', true).map((r) => r.code)).toEqual(['US']);
    // Without a comparison nothing counts as changed.
    expect(filterRows(index, '', true)).toEqual([]);
  });

  it('sorts by a change, signed', () => {
    const sorted = sortRows(changed, { key: 'delta.orbitalDebris', direction: 'desc' });
    const deltas = sorted.map((r) => r.change?.delta.orbitalDebris ?? 0);
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
    expect(deltas[0]).toBeGreaterThan(0);
    const prc = changed.find((r) => r.code === 'PRC')!;
    expect(prc.change?.delta.orbitalDebris).toBe(prc.counts.orbitalDebris - feb.rows.find((r) => r.code === 'PRC')!.counts.orbitalDebris);
  });
});

describe('nextSort', () => {
  it('starts a new column ascending, then flips', () => {
    const first = nextSort({ key: 'orbitalTotal', direction: 'desc' }, 'orbitalDebris');
    expect(first).toEqual({ key: 'orbitalDebris', direction: 'asc' });
    expect(nextSort(first, 'orbitalDebris')).toEqual({ key: 'orbitalDebris', direction: 'desc' });
    expect(nextSort({ key: 'orbitalDebris', direction: 'desc' }, 'orbitalDebris')).toEqual({ key: 'orbitalDebris', direction: 'asc' });
  });
});

describe('withChanges', () => {
  it('adds the countries gone since the comparison, as unknown now, with their change', () => {
    const fr = realBoxscore.rows.find((r) => r.code === 'FR')!;
    const gone = { ...fr, country: 'OLDLAND', code: 'OLD' };
    const rows = withChanges([fr], computeChanges([fr, gone], [fr]));
    expect(rows.map((r) => [r.code, r.change?.status])).toEqual([
      ['FR', 'unchanged'],
      ['OLD', 'removed'],
    ]);
    expect(rows[1]?.missing).toHaveLength(10);
    expect(rows[1]?.change?.delta.orbitalTotal).toBe(-fr.counts.orbitalTotal);
    expect(filterRows(indexRows(rows), '', true).map((r) => r.code)).toEqual(['OLD']);
  });

  it('gives each of two rows that share a code its own change, never the other\'s', () => {
    const us = realBoxscore.rows.find((r) => r.code === 'US')!;
    const fr = realBoxscore.rows.find((r) => r.code === 'FR')!;
    const impostor = { ...fr, code: 'US', counts: { ...fr.counts, orbitalDebris: fr.counts.orbitalDebris + 7 } };
    const shown = [us, impostor];
    const rows = withChanges(shown, computeChanges([us, { ...fr, code: 'US' }], shown));
    expect(rows.map((r) => [r.country, r.change?.status, r.change?.delta.orbitalDebris])).toEqual([
      ['UNITED STATES OF AMERICA', 'unchanged', 0],
      ['FRANCE', 'changed', 7],
    ]);
  });
});
