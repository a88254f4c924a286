import { memo, useMemo, useState } from 'react';
import type { CountKey, Deltas, Totals } from '../../../server/shared/contract.ts';
import { deltaClass, formatCount, formatDelta } from '../../lib/format.ts';
import { COLUMN_BY_KEY, COUNT_COLUMNS, DELTA_COLUMNS, DIRECTION_WORDS, TEXT_COLUMNS, type ColumnDef, type SortKey, type SortState } from './columns.ts';
import { isChanged, type TableRow } from './table-rows.ts';

interface Props {
  rows: readonly TableRow[];
  totalRows: number;
  totals: Totals;
  /** Change of the totals since the comparison snapshot, when comparing. */
  totalsDelta: Deltas | null;
  compareAsOf: string | null;
  hidden: readonly CountKey[];
  sort: SortState;
  onSort: (key: SortKey) => void;
  emptyMessage: string;
  onClearFilter: () => void;
  onSelectCountry: (code: string) => void;
}

const NO_DELTAS: readonly [] = [];
const BADGES = { added: 'new', removed: 'gone', changed: 'changed', unchanged: '' } as const;

function SortHeader({ column, sort, onSort, rowSpan, className }: { column: ColumnDef; sort: SortState; onSort: (key: SortKey) => void; rowSpan?: number; className?: string }) {
  const active = sort.key === column.key;
  return (
    <th scope="col" rowSpan={rowSpan} aria-sort={active ? DIRECTION_WORDS[sort.direction] : undefined} className={[column.numeric ? 'num' : '', className ?? ''].join(' ').trim() || undefined}>
      {/* A real button: focusable, and Enter or Space sorts, with no key handling of our own. */}
      <button type="button" className="sort-button" onClick={() => onSort(column.key)} aria-label={column.label} title={`Sort by ${column.label.toLowerCase()}`}>
        <span>{column.header}</span>
        <span className="sort-indicator" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function DeltaCell({ value }: { value: number | undefined }) {
  if (value === undefined) return <td className="num delta">—</td>;
  return <td className={`num delta ${deltaClass(value)}`}>{formatDelta(value)}</td>;
}

interface RowProps {
  row: TableRow;
  columns: readonly (ColumnDef & { key: CountKey })[];
  deltas: typeof DELTA_COLUMNS | readonly [];
  comparing: boolean;
  onSelectCountry: (code: string) => void;
}

/** One body row; memoised, so a sort or filter re-renders only rows whose content changed. */
const CountryTableRow = memo(function CountryTableRow({ row, columns, deltas, comparing, onSelectCountry }: RowProps) {
  const changed = comparing && isChanged(row);
  return (
    <tr className={changed ? 'changed' : undefined} data-row={`r:${row.code ?? ''}|${row.country}`}>
      <th scope="row" className="country">
        {row.code && row.change?.status !== 'removed' ? (
          <button type="button" className="country-button" onClick={() => onSelectCountry(row.code!)} title="Show the country's detail and trend">
            {row.country}
          </button>
        ) : (
          row.country
        )}
        {changed ? <span className="changed-badge">{BADGES[row.change!.status]}</span> : null}
      </th>
      <td className="code">{row.code ?? '—'}</td>
      {columns.map((column) =>
        row.missing.includes(column.key) ? (
          <td key={column.key} className="num missing" title="Not reported by Space-Track">
            —
          </td>
        ) : (
          <td key={column.key} className="num" data-col={column.key}>
            {formatCount(row.counts[column.key])}
          </td>
        ),
      )}
      {deltas.map((column) => (
        <DeltaCell key={column.key} value={row.change?.delta[column.count]} />
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
  const visible = useMemo(() => COUNT_COLUMNS.filter((c) => !hidden.includes(c.key)), [hidden]);
  const orbital = visible.filter((c) => c.group === 'orbital');
  const decayed = visible.filter((c) => c.group === 'decayed');
  const countryTotal = visible.find((c) => c.key === 'countryTotal');
  const deltas = compareAsOf ? DELTA_COLUMNS : NO_DELTAS;
  const columnCount = 2 + visible.length + deltas.length;
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const shownRows = rows.length > limit ? rows.slice(0, limit) : rows;

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Country table (scrolls)">
      <table className="country-table">
        <caption className="visually-hidden">
          Objects by country: {rows.length} of {totalRows} countries, sorted by {COLUMN_BY_KEY[sort.key].label}{' '}
          {DIRECTION_WORDS[sort.direction]}
          {compareAsOf ? `, with changes since ${compareAsOf}` : ''}
        </caption>
        <thead>
          <tr>
            <SortHeader column={country} sort={sort} onSort={onSort} rowSpan={2} className="country" />
            <SortHeader column={code} sort={sort} onSort={onSort} rowSpan={2} />
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
            {countryTotal ? <SortHeader column={countryTotal} sort={sort} onSort={onSort} rowSpan={2} /> : null}
            {deltas.length > 0 ? (
              <th scope="colgroup" colSpan={deltas.length} className="group change">
                Change since {compareAsOf}
              </th>
            ) : null}
          </tr>
          <tr>
            {[...orbital, ...decayed, ...deltas].map((column) => (
              <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} className={column.group === 'change' ? 'change' : undefined} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="empty">
                {emptyMessage}{' '}
                <button type="button" className="link-button" onClick={onClearFilter}>
                  Show all countries
                </button>
              </td>
            </tr>
          ) : (
            shownRows.map((row) => (
              <CountryTableRow key={`${row.code ?? ''}|${row.country}`} row={row} columns={visible} deltas={deltas} comparing={compareAsOf !== null} onSelectCountry={onSelectCountry} />
            ))
          )}
        </tbody>
        <tfoot>
          <tr data-row="all">
            <th scope="row" className="country" colSpan={2}>
              {totals.origin === 'upstream' ? 'All countries (ALL row)' : 'All countries (computed)'}
            </th>
            {visible.map((column) => (
              <td key={column.key} className="num" data-col={column.key}>
                {formatCount(totals.counts[column.key])}
              </td>
            ))}
            {deltas.map((column) => (
              <DeltaCell key={column.key} value={totalsDelta?.[column.count]} />
            ))}
          </tr>
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
