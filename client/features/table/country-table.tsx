import type { CountKey, CountryRow, Totals } from '../../../server/boxscore/contract.ts';
import { formatCount } from '../../lib/format.ts';
import { COLUMNS, type ColumnDef, type SortKey, type SortState } from './columns.ts';

interface Props {
  rows: readonly CountryRow[];
  totalRows: number;
  totals: Totals;
  sort: SortState;
  onSort: (key: SortKey) => void;
  filter: string;
  onClearFilter: () => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function SortHeader({ column, sort, onSort, rowSpan }: { column: ColumnDef; sort: SortState; onSort: (key: SortKey) => void; rowSpan?: number }) {
  const active = sort.key === column.key;
  return (
    <th scope="col" rowSpan={rowSpan} aria-sort={active ? ARIA_SORT[sort.direction] : undefined} className={column.numeric ? 'num' : undefined}>
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

function CountCell({ row, column }: { row: CountryRow; column: ColumnDef }) {
  const key = column.key as CountKey;
  if (row.missing.includes(key)) {
    return (
      <td className="num missing" title="Not reported by Space-Track">
        —
      </td>
    );
  }
  return <td className="num">{formatCount(row.counts[key])}</td>;
}

export function CountryTable({ rows, totalRows, totals, sort, onSort, filter, onClearFilter }: Props) {
  const single = COLUMNS.filter((c) => c.group === 'none');
  const [country, code, countryTotal] = [single[0]!, single[1]!, single[2]!];
  const orbital = COLUMNS.filter((c) => c.group === 'orbital');
  const decayed = COLUMNS.filter((c) => c.group === 'decayed');
  const numeric = COLUMNS.filter((c) => c.numeric);

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Country table (scrolls sideways)">
      <table className="country-table">
        <caption className="visually-hidden">
          Objects by country: {rows.length} of {totalRows} countries, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}{' '}
          {ARIA_SORT[sort.direction]}
        </caption>
        <thead>
          <tr>
            <SortHeader column={country} sort={sort} onSort={onSort} rowSpan={2} />
            <SortHeader column={code} sort={sort} onSort={onSort} rowSpan={2} />
            <th scope="colgroup" colSpan={orbital.length} className="group">
              Orbital
            </th>
            <th scope="colgroup" colSpan={decayed.length} className="group">
              Decayed
            </th>
            <SortHeader column={countryTotal} sort={sort} onSort={onSort} rowSpan={2} />
          </tr>
          <tr>
            {[...orbital, ...decayed].map((column) => (
              <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length} className="empty">
                No countries match “{filter}”.{' '}
                <button type="button" className="link-button" onClick={onClearFilter}>
                  Clear the filter
                </button>
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={`${row.code ?? ''}|${row.country}`}>
                <th scope="row" className="country">
                  {row.country}
                </th>
                <td className="code">{row.code ?? '—'}</td>
                {numeric.map((column) => (
                  <CountCell key={column.key} row={row} column={column} />
                ))}
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="country" colSpan={2}>
              {totals.origin === 'upstream' ? 'All countries (ALL row)' : 'All countries (computed)'}
            </th>
            {numeric.map((column) => (
              <td key={column.key} className="num">
                {formatCount(totals.counts[column.key as CountKey])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
