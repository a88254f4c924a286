import { memo, useMemo, useState } from 'react';
import type { Deltas, Totals } from '../../../server/shared/contract.ts';
import { formatCount } from '../../lib/format.ts';
import {
  COLUMN_BY_KEY,
  COUNT_COLUMNS,
  DELTA_BY_COUNT,
  DERIVED_COLUMNS,
  DIRECTION_WORDS,
  TEXT_COLUMNS,
  type ColumnDef,
  type DerivedKey,
  type HideableKey,
  type SortKey,
  type SortState,
} from './columns.ts';
import { derive, subtotal } from './derived.ts';
import { CountCell, DerivedCell, SortHeader } from './table-cells.tsx';
import { isChanged, type TableRow } from './table-rows.ts';
import { useGridKeys, type ActiveCell } from './use-grid-keys.ts';

interface Props {
  rows: readonly TableRow[];
  totalRows: number;
  totals: Totals;
  /** Change of the totals since the comparison snapshot, when comparing. */
  totalsDelta: Deltas | null;
  compareAsOf: string | null;
  hidden: readonly HideableKey[];
  sort: SortState;
  onSort: (key: SortKey) => void;
  emptyMessage: string;
  onClearFilter: () => void;
  onSelectCountry: (code: string) => void;
}

type CountColumn = (typeof COUNT_COLUMNS)[number];
type DerivedColumn = (typeof DERIVED_COLUMNS)[number];

const BADGES = { added: 'new', removed: 'gone', changed: 'changed', unchanged: '' } as const;
const tab = (on: boolean) => (on ? 0 : -1);

interface RowProps {
  row: TableRow;
  id: string;
  counts: readonly CountColumn[];
  derived: readonly DerivedColumn[];
  comparing: boolean;
  /** The grid's tab stop when it is in this row; null otherwise (so only two rows re-render on a move). */
  activeCol: string | null;
  onSelectCountry: (code: string) => void;
}

/** One body row; memoised, so a sort, a filter or a move of the keyboard focus re-renders only rows that changed. */
const CountryTableRow = memo(function CountryTableRow({ row, id, counts, derived, comparing, activeCol, onSelectCountry }: RowProps) {
  const changed = comparing && isChanged(row);
  const canOpen = row.code !== null && row.change?.status !== 'removed';
  return (
    <tr className={changed ? 'changed' : undefined} data-row={id}>
      <th scope="row" className="country" data-col="country" tabIndex={canOpen ? undefined : tab(activeCol === 'country')}>
        {canOpen ? (
          <button type="button" className="country-button" tabIndex={tab(activeCol === 'country')} onClick={() => onSelectCountry(row.code!)} title="Show the country's detail and trend">
            {row.country}
          </button>
        ) : (
          row.country
        )}
        {changed ? <span className="changed-badge">{BADGES[row.change!.status]}</span> : null}
      </th>
      <td className="code" data-col="code" tabIndex={tab(activeCol === 'code')}>
        {row.code ?? '—'}
      </td>
      {counts.map((column) => (
        <CountCell
          key={column.key}
          col={column.key}
          value={row.counts[column.key]}
          missing={row.missing.includes(column.key)}
          comparing={comparing}
          change={row.change?.delta[column.key]}
          tabIndex={tab(activeCol === column.key)}
        />
      ))}
      {derived.map((column) => (
        <DerivedCell key={column.key} col={column.key} value={row.derived[column.key]} tabIndex={tab(activeCol === column.key)} />
      ))}
    </tr>
  );
});

/** Rows rendered at first; more on request. 85 real countries fit; a 5,000-row boxscore stays quick. */
const ROWS_PER_PAGE = 200;

export function CountryTable(props: Props) {
  const { rows, totalRows, totals, totalsDelta, compareAsOf, hidden, sort, onSort, emptyMessage, onClearFilter, onSelectCountry } = props;
  const [country, code] = [TEXT_COLUMNS[0]!, TEXT_COLUMNS[1]!];
  // In header order (orbital, decayed, country total); stable for the same hidden set, so the
  // memoised rows are not re-rendered for nothing.
  const counts = useMemo(() => COUNT_COLUMNS.filter((c) => !hidden.includes(c.key)), [hidden]);
  const derived = useMemo(() => DERIVED_COLUMNS.filter((c) => !hidden.includes(c.key)), [hidden]);
  const orbital = counts.filter((c) => c.group === 'orbital');
  const decayed = counts.filter((c) => c.group === 'decayed');
  const countryTotal = counts.find((c) => c.key === 'countryTotal');
  const comparing = compareAsOf !== null;
  const columnCount = 2 + counts.length + derived.length;
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const shownRows = rows.length > limit ? rows.slice(0, limit) : rows;
  const world = totals.counts.orbitalTotal;
  // The subtotal of every row the filter keeps (not only the first page drawn), when it keeps some but not all.
  const sub = useMemo(() => (rows.length > 0 && rows.length < totalRows ? subtotal(rows, world, comparing) : null), [rows, totalRows, world, comparing]);
  const worldDerived = useMemo(() => derive(totals.counts, [], world), [totals.counts, world]);

  const shownIds = useMemo(() => new Set(shownRows.map((row) => row.id)), [shownRows]);
  const visibleCols = new Set<string>([...counts.map((c) => c.key), ...derived.map((c) => c.key)]);
  const exists = ({ row, col }: ActiveCell) => {
    const rowThere = row === 'head' || row === 'all' || (row === 'head-change' && comparing) || (row === 'subtotal' && sub !== null) || (row === 'empty' && rows.length === 0) || shownIds.has(row);
    return rowThere && (col === 'country' || (col === 'code' && (row === 'head' || shownIds.has(row))) || visibleCols.has(col));
  };
  const { tableRef, active, tabIndex, onFocus, onKeyDown } = useGridKeys(exists);

  const header = (column: ColumnDef, col: string, prefix?: string) => (
    <SortHeader key={column.key} column={column} col={col} sort={sort} onSort={onSort} tabIndex={tabIndex('head', col)} prefix={prefix} className={col === 'country' ? 'country' : undefined} />
  );
  const totalsRow = (id: 'subtotal' | 'all', label: string, values: { counts: Totals['counts']; delta: Deltas | null; derived: Record<DerivedKey, number | null>; unreported?: Partial<Record<string, number>> }) => (
    <tr data-row={id} className={id}>
      <th scope="row" className="country" colSpan={2} data-col="country" tabIndex={tabIndex(id, 'country')}>
        {label}
      </th>
      {counts.map((column) => {
        const unreported = values.unreported?.[column.key] ?? 0;
        return (
          <CountCell
            key={column.key}
            col={column.key}
            value={values.counts[column.key]}
            missing={false}
            comparing={comparing}
            change={values.delta?.[column.key]}
            tabIndex={tabIndex(id, column.key)}
            title={unreported > 0 ? `Leaves out ${unreported} ${unreported === 1 ? 'country' : 'countries'} that did not report it` : undefined}
          />
        );
      })}
      {derived.map((column) => (
        <DerivedCell key={column.key} col={column.key} value={values.derived[column.key]} tabIndex={tabIndex(id, column.key)} />
      ))}
    </tr>
  );

  return (
    <div className="table-scroll" role="region" aria-label="Country table (scrolls)">
      <table className="country-table" role="grid" ref={tableRef} onKeyDown={onKeyDown} onFocus={onFocus}>
        <caption className="visually-hidden">
          Objects by country: {rows.length} of {totalRows} countries, sorted by {COLUMN_BY_KEY[sort.key].label} {DIRECTION_WORDS[sort.direction]}
          {comparing ? `, with changes since ${compareAsOf}` : ''}
        </caption>
        <thead>
          {orbital.length + decayed.length > 0 ? (
            // Left out on a phone, where each header says its group instead (no empty band above the names).
            <tr className="group-row">
              <td colSpan={2} />
              {orbital.length > 0 ? (
                <th scope="colgroup" colSpan={orbital.length} className="group">
                  Orbital
                </th>
              ) : null}
              {decayed.length > 0 ? (
                <th scope="colgroup" colSpan={decayed.length} className="group">
                  Decayed
                </th>
              ) : null}
              {countryTotal || derived.length > 0 ? <td colSpan={(countryTotal ? 1 : 0) + derived.length} /> : null}
            </tr>
          ) : null}
          <tr data-row="head">
            {header(country, 'country')}
            {header(code, 'code')}
            {orbital.map((column) => header(column, column.key, 'Orbital'))}
            {decayed.map((column) => header(column, column.key, 'Decayed'))}
            {countryTotal ? header(countryTotal, countryTotal.key) : null}
            {derived.map((column) => header(column, column.key))}
          </tr>
          {comparing ? (
            <tr data-row="head-change" className="change-row">
              <th scope="row" colSpan={2} className="country change-label" data-col="country" tabIndex={tabIndex('head-change', 'country')}>
                Change since {compareAsOf}
              </th>
              {counts.map((column) => (
                <SortHeader
                  key={column.key}
                  column={DELTA_BY_COUNT[column.key]}
                  col={column.key}
                  sort={sort}
                  onSort={onSort}
                  tabIndex={tabIndex('head-change', column.key)}
                  className="change"
                  title={`Sort by ${DELTA_BY_COUNT[column.key].label.toLowerCase()} since ${compareAsOf} (${sort.key === `delta.${column.key}` ? 'click again to reverse' : 'largest increase first'})`}
                />
              ))}
              {derived.map((column) => (
                <td key={column.key} data-col={column.key} tabIndex={tabIndex('head-change', column.key)} />
              ))}
            </tr>
          ) : null}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr data-row="empty">
              <td colSpan={columnCount} className="empty" data-col="country">
                {emptyMessage}{' '}
                <button type="button" className="link-button" tabIndex={tabIndex('empty', 'country')} onClick={onClearFilter}>
                  Show all countries
                </button>
              </td>
            </tr>
          ) : (
            shownRows.map((row) => {
              return (
                <CountryTableRow
                  key={row.id}
                  id={row.id}
                  row={row}
                  counts={counts}
                  derived={derived}
                  comparing={comparing}
                  activeCol={active.row === row.id ? active.col : null}
                  onSelectCountry={onSelectCountry}
                />
              );
            })
          )}
        </tbody>
        <tfoot>
          {sub ? totalsRow('subtotal', `Subtotal: the ${formatCount(sub.rows)} ${sub.rows === 1 ? 'country' : 'countries'} shown`, sub) : null}
          {totalsRow('all', totals.origin === 'upstream' ? 'All countries (ALL row)' : 'All countries (computed)', { counts: totals.counts, delta: totalsDelta, derived: worldDerived })}
        </tfoot>
      </table>
      {rows.length > shownRows.length ? (
        <div className="more-rows">
          <p>
            Showing the first {formatCount(shownRows.length)} of {formatCount(rows.length)} rows.
          </p>
          <button type="button" onClick={() => setLimit((n) => n + ROWS_PER_PAGE)}>
            Show {formatCount(Math.min(ROWS_PER_PAGE, rows.length - shownRows.length))} more
          </button>
          <button type="button" onClick={() => setLimit(rows.length)}>
            Show all
          </button>
        </div>
      ) : null}
    </div>
  );
}
