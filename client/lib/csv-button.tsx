import { downloadText } from './csv.ts';

/** Downloads what `build` returns, as a CSV file; built on click, never on every render. */
export function CsvButton({ build, fileName }: { build: () => string; fileName: string }) {
  return (
    <button type="button" onClick={() => downloadText(build(), fileName, 'text/csv;charset=utf-8')}>
      Export CSV
    </button>
  );
}
