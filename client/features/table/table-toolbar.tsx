import { useId } from 'react';

interface Props {
  filter: string;
  onFilter: (value: string) => void;
  shown: number;
  total: number;
}

export function TableToolbar({ filter, onFilter, shown, total }: Props) {
  const id = useId();
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
        {shown} of {total} countries
      </p>
    </div>
  );
}
