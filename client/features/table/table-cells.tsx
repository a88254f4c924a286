/**
 * The table's cells. Every navigable cell carries `data-col` (and its row `data-row`) for the
 * grid's arrow keys, and a tabIndex: 0 for the grid's one tab stop, -1 for the others.
 */
import type { CountKey } from '../../../server/shared/contract.ts';
import { deltaClass, formatCount, formatDelta } from '../../lib/format.ts';
import { DIRECTION_WORDS, type ColumnDef, type DerivedKey, type SortKey, type SortState } from './columns.ts';
import { formatDerived } from './derived.ts';

interface SortHeaderProps {
  column: ColumnDef;
  sort: SortState;
  onSort: (key: SortKey) => void;
  tabIndex: number;
  /** The grid column this header sits in (a change header sits in its count's column). */
  col: string;
  className?: string;
  /** Shown before the header on a phone, where the Orbital / Decayed group row is left out. */
  prefix?: string;
  title?: string;
}

export function SortHeader({ column, sort, onSort, tabIndex, col, className, prefix, title }: SortHeaderProps) {
  const active = sort.key === column.key;
  const first = column.numeric ? 'largest first' : 'A to Z';
  return (
    <th scope="col" data-col={col} aria-sort={active ? DIRECTION_WORDS[sort.direction] : undefined} className={[column.numeric ? 'num' : '', className ?? ''].join(' ').trim() || undefined}>
      {/* A real button: Enter or Space sorts, with no key handling of our own. */}
      <button
        type="button"
        className="sort-button"
        tabIndex={tabIndex}
        onClick={() => onSort(column.key)}
        aria-label={column.label}
        title={title ?? `${column.description ? `${column.description}. ` : ''}Sort by ${column.label.toLowerCase()} (${active ? 'click again to reverse' : first})`}
      >
        <span>
          {/* The space sits outside the prefix: a space ending an inline box is dropped from the
              visible text axe and speech users read ("OrbitalPayload"), failing WCAG 2.5.3. */}
          {prefix ? <span className="group-prefix">{prefix}</span> : null}
          {prefix ? ` ${column.header}` : column.header}
        </span>
        <span className="sort-indicator" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** A change, signed and coloured, under its count. "change" is spoken, not shown (the header says it). */
function ChangeLine({ value }: { value: number | undefined }) {
  if (value === undefined) return <span className="cell-change zero">—</span>;
  return (
    <span className={`cell-change ${deltaClass(value)}`}>
      <span className="visually-hidden"> change </span>
      {formatDelta(value)}
    </span>
  );
}

interface CountCellProps {
  col: CountKey;
  value: number;
  /** Not reported by Space-Track: unknown, not zero. */
  missing: boolean;
  /** When comparing: the change since the comparison snapshot (undefined: none known). */
  change?: number | undefined;
  comparing: boolean;
  tabIndex: number;
  title?: string;
}

/** One count, with its change under it when comparing. */
export function CountCell({ col, value, missing, change, comparing, tabIndex, title }: CountCellProps) {
  return (
    <td data-col={col} tabIndex={tabIndex} className={missing ? 'num missing' : 'num'} title={missing ? 'Not reported by Space-Track' : title}>
      {missing ? '—' : formatCount(value)}
      {comparing ? <ChangeLine value={change} /> : null}
    </td>
  );
}

export function DerivedCell({ col, value, tabIndex }: { col: DerivedKey; value: number | null; tabIndex: number }) {
  return (
    <td data-col={col} tabIndex={tabIndex} className={value === null ? 'num missing' : 'num'}>
      {formatDerived(col, value)}
    </td>
  );
}
