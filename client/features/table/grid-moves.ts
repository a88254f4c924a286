/**
 * The table's arrow-key moves (the ARIA grid pattern) over the cells as laid out on screen: loaded
 * when the table first takes focus (use-grid-keys.ts), not with the page.
 */
import type { ActiveCell } from './use-grid-keys.ts';

interface GridCell {
  el: HTMLElement;
  row: string;
  col: string;
  /** First and one-past-last column it covers (cells may span columns). */
  start: number;
  end: number;
}

/** The grid's navigable cells, row by row, in screen order (thead, tbody, tfoot). */
function readGrid(table: HTMLTableElement): GridCell[][] {
  const rows: GridCell[][] = [];
  for (const tr of table.querySelectorAll<HTMLTableRowElement>('tr[data-row]')) {
    const cells: GridCell[] = [];
    let column = 0;
    for (const cell of tr.cells) {
      const span = Math.max(1, cell.colSpan);
      if (cell.dataset.col) cells.push({ el: cell, row: tr.dataset.row!, col: cell.dataset.col, start: column, end: column + span });
      column += span;
    }
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

/** What receives focus for a cell: its button when it has one, else the cell itself. */
export const focusTarget = (cell: HTMLElement): HTMLElement => cell.querySelector<HTMLElement>('button') ?? cell;

/**
 * Scroll a cell into view within the table's box, clear of the sticky header, totals and country
 * column (which a plain scrollIntoView would leave it under), then the page if the box is partly off it.
 */
export function reveal(cell: HTMLElement, box: HTMLElement, table: HTMLTableElement): void {
  const r = cell.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  const head = table.tHead?.getBoundingClientRect();
  const foot = table.tFoot?.getBoundingClientRect();
  const inBody = cell.parentElement?.parentElement?.tagName === 'TBODY';
  if (inBody) {
    const top = head ? head.bottom : b.top;
    const bottom = foot ? foot.top : b.top + box.clientHeight;
    if (r.top < top) box.scrollTop -= top - r.top;
    else if (r.bottom > bottom) box.scrollTop += r.bottom - bottom;
  }
  if (cell.dataset.col !== 'country') {
    const sticky = table.querySelector('tr[data-row] > [data-col="country"]')?.getBoundingClientRect();
    const left = sticky ? sticky.right : b.left;
    const right = b.left + box.clientLeft + box.clientWidth;
    if (r.left < left) box.scrollLeft -= left - r.left;
    else if (r.right > right) box.scrollLeft += Math.min(r.right - right, r.left - left);
  }
  const after = cell.getBoundingClientRect();
  if (after.top < 0) window.scrollBy(0, after.top - 8);
  else if (after.bottom > window.innerHeight) window.scrollBy(0, after.bottom - window.innerHeight + 8);
}

const VERTICAL = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp']);

/**
 * Move from the cell holding `from` for `key` (ctrl: Ctrl+Home / Ctrl+End): focus the new cell,
 * show it clear of the sticky parts, and return it (null when the key moves nowhere). `column`
 * keeps the column a run of Up/Down moves holds to, across cells that span several columns.
 */
export function move(table: HTMLTableElement, from: Element, key: string, ctrl: boolean, column: { current: number | null }, moving: { current: boolean }): ActiveCell | null {
  const cellElement = from.closest<HTMLElement>('[data-col]');
  if (!cellElement) return null;
  const grid = readGrid(table);
  let r = -1;
  let c = -1;
  for (let i = 0; i < grid.length && c < 0; i++) {
    c = grid[i]!.findIndex((g) => g.el === cellElement);
    if (c >= 0) r = i;
  }
  if (c < 0) return null;
  const cell = grid[r]![c]!;
  let to: GridCell | undefined;
  const vertical = (row: number) => {
    const target = grid[Math.max(0, Math.min(grid.length - 1, row))]!;
    const want = column.current !== null && column.current >= cell.start && column.current < cell.end ? column.current : cell.start;
    column.current = want;
    return target.find((g) => g.start <= want && want < g.end) ?? target.at(-1);
  };
  switch (key) {
    case 'ArrowRight':
      to = grid[r]![c + 1];
      break;
    case 'ArrowLeft':
      to = grid[r]![c - 1];
      break;
    case 'ArrowDown':
      to = vertical(r + 1);
      break;
    case 'ArrowUp':
      to = vertical(r - 1);
      break;
    case 'Home':
      to = ctrl ? grid[0]![0] : grid[r]![0];
      break;
    case 'End':
      to = ctrl ? grid.at(-1)!.at(-1) : grid[r]!.at(-1);
      break;
    case 'PageDown':
    case 'PageUp': {
      // A page is about the rows that fit in the box between its sticky header and totals (rows
      // of average height, so Page Down then Page Up comes back to the same row).
      const body = table.tBodies[0];
      const visible = table.parentElement!.clientHeight - (table.tHead?.offsetHeight ?? 0) - (table.tFoot?.offsetHeight ?? 0);
      const rowHeight = body && body.rows.length > 0 ? body.offsetHeight / body.rows.length : cell.el.offsetHeight;
      const step = Math.max(1, Math.floor(visible / Math.max(1, rowHeight)) - 1);
      to = vertical(key === 'PageDown' ? r + step : r - step);
      break;
    }
    default:
      return null;
  }
  if (!VERTICAL.has(key)) column.current = null;
  if (!to || to.el === cell.el) return null;
  moving.current = true;
  try {
    focusTarget(to.el).focus({ preventScroll: true });
  } finally {
    moving.current = false;
  }
  reveal(to.el, table.parentElement!, table);
  return { row: to.row, col: to.col };
}
