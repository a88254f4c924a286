import { describe, expect, it } from 'vitest';
import { chartTitle, DEFAULT_VIEW, exportFileName } from './view.ts';

describe('exportFileName', () => {
  it('is boxscore-<date>.png for the default view', () => {
    expect(exportFileName(DEFAULT_VIEW, '2015-03-05')).toBe('boxscore-2015-03-05.png');
  });
  it('names the sort and the filter when they differ from the default', () => {
    const view = { ...DEFAULT_VIEW, sort: { key: 'orbitalDebris', direction: 'desc' } as const, filter: 'Société' };
    expect(exportFileName(view, '2015-03-05')).toBe('boxscore-2015-03-05-by-orbital-debris-desc-societe.png');
  });
});

describe('chartTitle', () => {
  it('says what is charted', () => {
    expect(chartTitle(DEFAULT_VIEW, 15)).toBe('Objects by country: first 15 countries by orbital total, descending');
    expect(chartTitle({ ...DEFAULT_VIEW, filter: ' france ' }, 3)).toBe('Objects by country: first 3 countries matching “france” by orbital total, descending');
    expect(chartTitle(DEFAULT_VIEW, 1)).toBe('Objects by country: first country by orbital total, descending');
  });
});
