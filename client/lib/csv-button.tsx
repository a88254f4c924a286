import { downloadText } from './csv.ts';

/** Downloads what `build` returns, as a CSV file; built on click, never on every render. */
export function CsvButton({ build, fileName, label }: { build: () => string; fileName: string; label?: string }) {
  return (
    <button type="button" onClick={() => downloadText(build(), fileName, 'text/csv;charset=utf-8')}>
      {label ?? 'Export CSV'}
    </button>
  );
}
