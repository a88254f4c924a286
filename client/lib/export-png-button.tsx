import { useState, type RefObject } from 'react';
import { saveAs } from './download.ts';
import { renderPng } from './png.ts';

interface Props {
  target: RefObject<HTMLElement | null>;
  fileName: string;
  /** Opaque background of the image: the page's, so light and dark exports look as on screen. */
  background: string;
  /** The button's text, e.g. "Export trend PNG" when a page has several export buttons (shown, so the accessible name is what is seen: WCAG 2.5.3). */
  label?: string;
}

export function ExportPngButton({ target, fileName, background, label = 'Export PNG' }: Props) {
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
      saveAs(await renderPng(node, background), fileName);
    } catch (err) {
      setError(`The PNG could not be made: ${err instanceof Error ? err.message : 'unknown error'}.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export">
      <button type="button" onClick={() => void exportPng()} disabled={busy} aria-busy={busy}>
        {busy ? 'Exporting…' : label}
      </button>
      {error ? (
        <p role="alert" className="error-inline">
          {error}
        </p>
      ) : null}
    </div>
  );
}
