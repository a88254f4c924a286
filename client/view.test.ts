import { DEFAULT_TIMELINE } from './features/timeline/timeline-view.ts';
import { describe, expect, it } from 'vitest';
import { chartTitle, DEFAULT_VIEW, exportFileName, normalizeView, parseView, reuseUnchanged, serializeView, type View } from './view.ts';

describe('URL state', () => {
  it('drops what needs a comparison when there is none, whichever way the view was made', () => {
    const comparing: View = { ...DEFAULT_VIEW, compare: '2015-02-23', sort: { key: 'delta.orbitalDebris', direction: 'asc' }, onlyChanged: true };
    expect(normalizeView(comparing)).toBe(comparing);
    expect(normalizeView({ ...comparing, compare: null })).toEqual({ ...DEFAULT_VIEW, sort: DEFAULT_VIEW.sort });
    const sortedByName: View = { ...DEFAULT_VIEW, sort: { key: 'country', direction: 'asc' }, onlyChanged: true };
    expect(normalizeView(sortedByName)).toEqual({ ...sortedByName, onlyChanged: false });
    expect(normalizeView(DEFAULT_VIEW)).toBe(DEFAULT_VIEW);
  });

  it('gives the default view a plain URL, and reads it back', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual({ view: DEFAULT_VIEW, invalid: [] });
  });

  it('round-trips every setting', () => {
    const view: View = {
      filter: 'société, "x"',
      sort: { key: 'delta.orbitalDebris', direction: 'asc' },
      limit: 7,
      mode: 'both',
      scale: 'log',
      measure: 'share',
      types: ['payload', 'debris'],
      others: true,
      asOf: '2015-03-05',
      compare: '2015-02-23',
      onlyChanged: true,
      hidden: ['orbitalTba', 'decayedPayload'],
      country: 'CIS',
      timeline: { codes: ['CIS', 'US'], show: 'both', measure: 'payload', scale: 'log', step: 'month', from: '1990-01-31', to: '2000-12-31' },
      objects: { code: 'CIS', count: 'orbitalDebris' },
    };
    const search = serializeView(view);
    expect(search).toBe(
      '?q=soci%C3%A9t%C3%A9%2C+%22x%22&sort=delta.orbitalDebris&dir=asc&n=7&show=both&scale=log&measure=share&types=payload%2Cdebris&others=1&asOf=2015-03-05&compare=2015-02-23&changed=1&hide=orbitalTba%2CdecayedPayload&country=CIS' +
        '&timeline=1&tc=CIS%2CUS&tshow=both&tcount=payload&tscale=log&tstep=month&tfrom=1990-01-31&tto=2000-12-31&objects=CIS%3AorbitalDebris',
    );
    expect(parseView(search)).toEqual({ view, invalid: [] });
  });

  it('opens the timeline from any of its settings, and reads the world count list', () => {
    expect(parseView('?tc=us,CIS').view.timeline).toEqual({ ...DEFAULT_TIMELINE, codes: ['US', 'CIS'] });
    expect(parseView('?objects=*:decayedTotal').view.objects).toEqual({ code: null, count: 'decayedTotal' });
    expect(parseView('?objects=US:lasers&tstep=week&tc=A,B,C,D,E,F,G,H,I,J,K,L,M').invalid).toEqual(['objects=US:lasers', 'tstep=week', 'tc=A,B,C,D,E,F,G,H,I,J,K,L,M']);
  });

  it('drops invalid values for the defaults and reports them', () => {
    const { view, invalid } = parseView('?sort=nonsense&n=0&show=sideways&types=payload,lasers&asOf=yesterday&scale=log&dir=up');
    expect(view).toEqual({ ...DEFAULT_VIEW, scale: 'log' });
    expect(invalid).toEqual(['sort=nonsense', 'n=0', 'show=sideways', 'types=payload,lasers', 'asOf=yesterday', 'dir=up']);
  });

  it('refuses to sort on a change without a comparison', () => {
    const { view, invalid } = parseView('?sort=delta.orbitalDebris&changed=1');
    expect(view.sort).toEqual(DEFAULT_VIEW.sort);
    expect(view.onlyChanged).toBe(false);
    expect(invalid).toEqual(['sort=delta.orbitalDebris']);
  });

  it('charts changes only with a comparison', () => {
    expect(parseView('?measure=change')).toEqual({ view: DEFAULT_VIEW, invalid: ['measure=change'] });
    expect(parseView('?measure=change&compare=2015-02-23').view.measure).toBe('change');
    expect(normalizeView({ ...DEFAULT_VIEW, measure: 'change' }).measure).toBe('absolute');
  });

  it('ignores parameters it does not know', () => {
    expect(parseView('?utm_source=mail&n=20')).toEqual({ view: { ...DEFAULT_VIEW, limit: 20 }, invalid: [] });
  });
});

describe('exportFileName', () => {
  it('is boxscore-<date>.png for the default view', () => {
    expect(exportFileName(DEFAULT_VIEW, '2015-03-05', 'png')).toBe('boxscore-2015-03-05.png');
  });
  it('names the comparison, the sort and the filter when set', () => {
    const view = { ...DEFAULT_VIEW, sort: { key: 'orbitalDebris', direction: 'desc' } as const, filter: 'Société', compare: '2015-02-23' };
    expect(exportFileName(view, '2015-03-05', 'csv')).toBe('boxscore-2015-03-05-vs-2015-02-23-by-orbital-debris-desc-societe.csv');
  });
});

describe('chartTitle', () => {
  it('says what is charted: where, which types, how many countries, in what order', () => {
    expect(chartTitle(DEFAULT_VIEW, 15)).toBe('Objects in orbit: first 15 countries by orbital total, descending');
    expect(chartTitle({ ...DEFAULT_VIEW, filter: ' france ' }, 3)).toBe('Objects in orbit: first 3 countries matching “france” by orbital total, descending');
    expect(chartTitle({ ...DEFAULT_VIEW, mode: 'decayed', measure: 'share' }, 1)).toBe("Decayed objects, each type's share of the bar: first country by orbital total, descending");
    expect(chartTitle({ ...DEFAULT_VIEW, mode: 'both', scale: 'log', types: ['debris'] }, 15)).toBe('Debris in orbit and decayed, log scale: first 15 countries by orbital total, descending');
  });
  it('counts "Others" apart: 15 countries and the rest added up is not "first 16 countries"', () => {
    expect(chartTitle({ ...DEFAULT_VIEW, others: true }, 15, 70)).toBe('Objects in orbit: first 15 countries by orbital total, descending, and “Others”: the other 70 added up');
  });
  it('names the comparison a chart of changes is made from', () => {
    const view: View = { ...DEFAULT_VIEW, measure: 'change', compare: '2015-02-23', onlyChanged: true, sort: { key: 'delta.orbitalDebris', direction: 'desc' } };
    expect(chartTitle(view, 6)).toBe('Change in objects in orbit since 2015-02-23: first 6 countries that changed by change in orbital debris, descending');
  });
});

describe('reuseUnchanged', () => {
  it('keeps equal values (and the whole view) identical, so memoised parts see no change', () => {
    const previous = parseView('?types=payload,debris&hide=orbitalTba').view;
    const same = parseView('?types=payload,debris&hide=orbitalTba').view;
    expect(same.types).not.toBe(previous.types);
    expect(reuseUnchanged(previous, same)).toBe(previous);
    const next = reuseUnchanged(previous, { ...same, filter: 'fr' });
    expect(next).not.toBe(previous);
    expect(next.filter).toBe('fr');
    expect(next.types).toBe(previous.types);
    expect(next.hidden).toBe(previous.hidden);
    expect(next.sort).toBe(previous.sort);
  });
});
