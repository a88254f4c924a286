import { useState, type RefObject } from 'react';
import { downloadDataUrl, renderPng } from './export-png.ts';

interface Props {
  target: RefObject<HTMLElement | null>;
  fileName: string;
}

export function ExportButton({ target, fileName }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function exportPng() {
    const node = target.current;
    if (!node) {
      setError('The chart is not on the page yet, so there is nothing to export.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The page background, so the PNG is opaque and matches what the user sees.
      const background = getComputedStyle(document.body).getPropertyValue('--surface').trim() || '#ffffff';
      downloadDataUrl(await renderPng(node, background), fileName);
    } catch (err) {
      setError(`The PNG could not be made: ${err instanceof Error ? err.message : 'unknown error'}.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export">
      <button type="button" onClick={() => void exportPng()} disabled={busy} aria-busy={busy}>
        {busy ? 'Exporting…' : 'Export PNG'}
      </button>
      {error ? (
        <p role="alert" className="error-inline">
          {error}
        </p>
      ) : null}
    </div>
  );
}
