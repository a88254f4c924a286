/**
 * The table as one tab stop with the arrow keys inside (the ARIA grid pattern): one cell at a time
 * is in the tab order (roving tabindex), and the keys move between cells as they are laid out on
 * screen. Navigable rows carry `data-row`, their cells `data-col`; a cell with a button (a sort
 * header, a country name) is focused through its button, so Enter and Space keep their meaning.
 */
import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

export interface ActiveCell {
  row: string;
  col: string;
}

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
function reveal(cell: HTMLElement, box: HTMLElement, table: HTMLTableElement): void {
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

const HOME: ActiveCell = { row: 'head', col: 'country' };
const VERTICAL = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp']);

/**
 * `exists(cell)`: whether a cell is rendered now; when the active one is gone (filtered out, its
 * column hidden), the first header cell is the tab stop again, so the table never drops out of
 * the tab order.
 */
export function useGridKeys(exists: (cell: ActiveCell) => boolean) {
  const [active, setActive] = useState<ActiveCell>(HOME);
  const tableRef = useRef<HTMLTableElement>(null);
  // The column a run of Up/Down moves keep to, across cells that span several columns.
  const column = useRef<number | null>(null);

  const current = exists(active) ? active : HOME;

  const locate = (target: EventTarget): { grid: GridCell[][]; r: number; c: number } | null => {
    const table = tableRef.current;
    const cell = target instanceof Element ? target.closest<HTMLElement>('[data-col]') : null;
    if (!table || !cell) return null;
    const grid = readGrid(table);
    for (let r = 0; r < grid.length; r++) {
      const c = grid[r]!.findIndex((g) => g.el === cell);
      if (c >= 0) return { grid, r, c };
    }
    return null;
  };

  // Set while the keys move focus, so onFocus knows the move was ours (already revealed).
  const moving = useRef(false);

  const onFocus = useCallback((event: FocusEvent<HTMLTableElement>) => {
    const cell = event.target.closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('tr[data-row]')?.dataset.row;
    if (!cell || !row) return;
    if (!moving.current) {
      // Arrived by Tab or a click: start afresh from this cell, and show it clear of the sticky parts.
      column.current = null;
      const table = tableRef.current;
      if (table?.parentElement) reveal(cell, table.parentElement, table);
    }
    setActive((prev) => (prev.row === row && prev.col === cell.dataset.col ? prev : { row, col: cell.dataset.col! }));
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || event.metaKey || event.shiftKey) return;
    const here = locate(event.target);
    if (!here) return;
    const { grid, r, c } = here;
    const cell = grid[r]![c]!;
    const ctrl = event.ctrlKey;
    let to: GridCell | undefined;
    const vertical = (row: number) => {
      const target = grid[Math.max(0, Math.min(grid.length - 1, row))]!;
      const want = column.current !== null && column.current >= cell.start && column.current < cell.end ? column.current : cell.start;
      column.current = want;
      return target.find((g) => g.start <= want && want < g.end) ?? target.at(-1);
    };
    switch (event.key) {
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
        const table = tableRef.current!;
        const body = table.tBodies[0];
        const visible = table.parentElement!.clientHeight - (table.tHead?.offsetHeight ?? 0) - (table.tFoot?.offsetHeight ?? 0);
        const rowHeight = body && body.rows.length > 0 ? body.offsetHeight / body.rows.length : cell.el.offsetHeight;
        const step = Math.max(1, Math.floor(visible / Math.max(1, rowHeight)) - 1);
        to = vertical(event.key === 'PageDown' ? r + step : r - step);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    if (!VERTICAL.has(event.key)) column.current = null;
    if (!to || to.el === cell.el) return;
    moving.current = true;
    try {
      focusTarget(to.el).focus({ preventScroll: true });
    } finally {
      moving.current = false;
    }
    reveal(to.el, tableRef.current!.parentElement!, tableRef.current!);
    setActive({ row: to.row, col: to.col });
  };

  /** tabIndex for a cell (or its button): 0 for the one tab stop, -1 for the others. */
  const tabIndex = (row: string, col: string) => (current.row === row && current.col === col ? 0 : -1);

  return { tableRef, active: current, tabIndex, onFocus, onKeyDown };
}
