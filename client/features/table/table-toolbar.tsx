import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { formatCount } from '../../lib/format.ts';
import { HIDEABLE_COLUMNS, type HideableKey } from './columns.ts';

interface Props {
  filter: string;
  onFilter: (value: string) => void;
  shown: number;
  total: number;
  comparing: boolean;
  onlyChanged: boolean;
  onOnlyChanged: (value: boolean) => void;
  hidden: readonly HideableKey[];
  /** Hide or show one column (the page applies it to the columns hidden at that moment). */
  onHidden: (column: HideableKey, hide: boolean) => void;
  /** More actions (e.g. CSV export), composed by the page. */
  children?: ReactNode;
}

export function TableToolbar({ filter, onFilter, shown, total, comparing, onlyChanged, onOnlyChanged, hidden, onHidden, children }: Props) {
  const id = useId();
  const menu = useRef<HTMLDetailsElement>(null);
  // A menu closes as menus do: Escape (focus back on its summary) or a click anywhere outside it.
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const details = menu.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, []);
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = menu.current;
    if (event.key !== 'Escape' || !details?.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
    event.stopPropagation();
  };
  return (
    <div className="toolbar">
      <label htmlFor={id}>Filter countries</label>
      <input
        id={id}
        type="search"
        value={filter}
        placeholder="Name or code, e.g. france or PRC"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onFilter(event.target.value)}
      />
      <p className="count" aria-live="polite" aria-atomic="true">
        {formatCount(shown)} of {formatCount(total)} countries
      </p>
      {comparing ? (
        <label className="inline-check">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => onOnlyChanged(e.target.checked)} />
          Only changed
        </label>
      ) : null}
      <details className="columns-menu" ref={menu} onKeyDown={closeOnEscape}>
        <summary>Columns{hidden.length > 0 ? ` (${hidden.length} hidden)` : ''}</summary>
        <fieldset>
          <legend className="visually-hidden">Columns shown in the table and the CSV</legend>
          {HIDEABLE_COLUMNS.map((column) => (
            <label key={column.key} title={column.description}>
              <input
                type="checkbox"
                checked={!hidden.includes(column.key)}
                onChange={(e) => onHidden(column.key, !e.target.checked)}
              />
              {column.label}
            </label>
          ))}
        </fieldset>
      </details>
      <div className="toolbar-actions">{children}</div>
    </div>
  );
}
