import type { CountKey, Deltas, Totals } from '../../../server/boxscore/contract.ts';
import { formatCount, formatDelta } from '../../lib/format.ts';
import { COUNT_COLUMNS, DELTA_COLUMNS, TEXT_COLUMNS, type ColumnDef, type SortKey, type SortState } from './columns.ts';
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

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function SortHeader({ column, sort, onSort, rowSpan, className }: { column: ColumnDef; sort: SortState; onSort: (key: SortKey) => void; rowSpan?: number; className?: string }) {
  const active = sort.key === column.key;
  return (
    <th scope="col" rowSpan={rowSpan} aria-sort={active ? ARIA_SORT[sort.direction] : undefined} className={[column.numeric ? 'num' : '', className ?? ''].join(' ').trim() || undefined}>
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
  return <td className={`num delta ${value > 0 ? 'up' : value < 0 ? 'down' : 'zero'}`}>{formatDelta(value)}</td>;
}

export function CountryTable(props: Props) {
  const { rows, totalRows, totals, totalsDelta, compareAsOf, hidden, sort, onSort, emptyMessage, onClearFilter, onSelectCountry } = props;
  const [country, code] = [TEXT_COLUMNS[0]!, TEXT_COLUMNS[1]!];
  const visible = COUNT_COLUMNS.filter((c) => !hidden.includes(c.key));
  const orbital = visible.filter((c) => c.group === 'orbital');
  const decayed = visible.filter((c) => c.group === 'decayed');
  const countryTotal = visible.find((c) => c.key === 'countryTotal');
  const deltas = compareAsOf ? DELTA_COLUMNS : [];
  const columnCount = 2 + visible.length + deltas.length;

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Country table (scrolls sideways)">
      <table className="country-table">
        <caption className="visually-hidden">
          Objects by country: {rows.length} of {totalRows} countries, sorted by {[...TEXT_COLUMNS, ...COUNT_COLUMNS, ...DELTA_COLUMNS].find((c) => c.key === sort.key)?.label}{' '}
          {ARIA_SORT[sort.direction]}
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
            rows.map((row) => (
              <tr key={`${row.code ?? ''}|${row.country}`} className={compareAsOf && isChanged(row) ? 'changed' : undefined}>
                <th scope="row" className="country">
                  {row.code ? (
                    <button type="button" className="country-button" onClick={() => onSelectCountry(row.code!)} title="Show the country's detail and trend">
                      {row.country}
                    </button>
                  ) : (
                    row.country
                  )}
                  {compareAsOf && isChanged(row) ? <span className="changed-badge">{row.change?.status === 'added' ? 'new' : 'changed'}</span> : null}
                </th>
                <td className="code">{row.code ?? '—'}</td>
                {[...orbital, ...decayed, ...(countryTotal ? [countryTotal] : [])].map((column) =>
                  row.missing.includes(column.key) ? (
                    <td key={column.key} className="num missing" title="Not reported by Space-Track">
                      —
                    </td>
                  ) : (
                    <td key={column.key} className="num">
                      {formatCount(row.counts[column.key])}
                    </td>
                  ),
                )}
                {deltas.map((column) => (
                  <DeltaCell key={column.key} value={row.change?.delta[column.count]} />
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
            {[...orbital, ...decayed, ...(countryTotal ? [countryTotal] : [])].map((column) => (
              <td key={column.key} className="num">
                {formatCount(totals.counts[column.key])}
              </td>
            ))}
            {deltas.map((column) => (
              <DeltaCell key={column.key} value={totalsDelta?.[column.count]} />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
