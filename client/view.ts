/** The dashboard's view: what the table shows, and so what the chart and the PNG show. */
import { COLUMN_BY_KEY, DEFAULT_SORT, type SortState } from './features/table/columns.ts';
import type { ChartMode, ChartScale } from './features/chart/chart-data.ts';
import { slugify } from './lib/text.ts';

export interface View {
  filter: string;
  sort: SortState;
  limit: number;
  mode: ChartMode;
  scale: ChartScale;
}

export const DEFAULT_VIEW: View = { filter: '', sort: DEFAULT_SORT, limit: 15, mode: 'both', scale: 'linear' };

const DIRECTION = { asc: 'ascending', desc: 'descending' } as const;

export function chartTitle(view: View, charted: number): string {
  const by = `${COLUMN_BY_KEY[view.sort.key].label.toLowerCase()}, ${DIRECTION[view.sort.direction]}`;
  const which = view.filter.trim() ? ` matching “${view.filter.trim()}”` : '';
  return `Objects by country: ${charted === 1 ? 'first country' : `first ${charted} countries`}${which} by ${by}`;
}

/** "boxscore-2015-03-05.png" for the default view; the sort and filter are added when changed. */
export function exportFileName(view: View, asOf: string): string {
  const parts = ['boxscore', asOf];
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.direction !== DEFAULT_SORT.direction) {
    parts.push('by', slugify(COLUMN_BY_KEY[view.sort.key].label), view.sort.direction);
  }
  const filter = slugify(view.filter);
  if (filter) parts.push(filter);
  return `${parts.join('-')}.png`;
}
