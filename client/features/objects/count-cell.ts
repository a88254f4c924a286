/**
 * Which count a click or Enter in the country table landed on. The table marks its count cells
 * (`data-col`, the count's key) and rows (`data-row`: "r:CODE|NAME", "all" for the totals), so
 * this works by delegation: the table keeps its own rendering and keyboard grid.
 */
import { COUNT_KEYS, type CountKey } from '../../../server/shared/counts.ts';
import type { ObjectsView } from './objects-view.ts';

export function countCellAt(target: EventTarget | null): ObjectsView | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest<HTMLElement>('td[data-col]');
  const row = cell?.closest<HTMLElement>('tr[data-row]');
  const count = cell?.dataset.col;
  const id = row?.dataset.row;
  if (!cell || !count || !id || !(COUNT_KEYS as readonly string[]).includes(count) || cell.classList.contains('missing')) return null;
  if (id === 'all') return { code: null, count: count as CountKey };
  const code = /^r:([^|]+)\|/.exec(id)?.[1];
  return code ? { code, count: count as CountKey } : null;
}
