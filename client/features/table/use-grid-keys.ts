/**
 * The table as one tab stop with the arrow keys inside (the ARIA grid pattern): one cell at a time
 * is in the tab order (roving tabindex), and the keys move between cells as they are laid out on
 * screen. Navigable rows carry `data-row`, their cells `data-col`; a cell with a button (a sort
 * header, a country name) is focused through its button, so Enter and Space keep their meaning.
 * The moves themselves (grid-moves.ts) load when the table first takes focus.
 */
import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type * as GridMovesModule from './grid-moves.ts';

export interface ActiveCell {
  row: string;
  col: string;
}

type GridMoves = typeof GridMovesModule;
let moves: GridMoves | null = null;
let loading: Promise<GridMoves> | null = null;
function loadMoves(): Promise<GridMoves> {
  return (loading ??= import('./grid-moves.ts').then(
    (module) => (moves = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}
/** Run `use` with the moves: at once when loaded, else once they are (a key pressed while they load is not lost). */
function withMoves(run: (m: GridMoves) => void): void {
  if (moves) run(moves);
  else void loadMoves().then(run, () => undefined);
}

const HOME: ActiveCell = { row: 'head', col: 'country' };
const KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

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

  // Set while the keys move focus, so onFocus knows the move was ours (already revealed).
  const moving = useRef(false);

  const onFocus = useCallback((event: FocusEvent<HTMLTableElement>) => {
    const cell = event.target.closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('tr[data-row]')?.dataset.row;
    if (!cell || !row) return;
    if (!moving.current) {
      // Arrived by Tab or a click: start afresh from this cell, and show it clear of the sticky parts.
      column.current = null;
      withMoves((m) => {
        const table = tableRef.current;
        if (table?.parentElement && table.contains(cell)) m.reveal(cell, table.parentElement, table);
      });
    }
    setActive((prev) => (prev.row === row && prev.col === cell.dataset.col ? prev : { row, col: cell.dataset.col! }));
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || event.metaKey || event.shiftKey || !KEYS.has(event.key)) return;
    const from = event.target instanceof Element ? event.target.closest('[data-col]') : null;
    if (!from) return;
    event.preventDefault();
    const { key, ctrlKey } = event;
    withMoves((m) => {
      const table = tableRef.current;
      const to = table && from.isConnected ? m.move(table, from, key, ctrlKey, column, moving) : null;
      if (to) setActive(to);
    });
  };

  /** tabIndex for a cell (or its button): 0 for the one tab stop, -1 for the others. */
  const tabIndex = (row: string, col: string) => (current.row === row && current.col === col ? 0 : -1);

  return { tableRef, active: current, tabIndex, onFocus, onKeyDown };
}
