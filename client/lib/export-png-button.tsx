import { useState, type RefObject } from 'react';
import { saveAs } from './download.ts';
import type { PngScheme } from './png.ts';

interface Props {
  target: RefObject<HTMLElement | null>;
  fileName: string;
  /** The page's theme: in dark mode a dark PNG is offered beside the light one. */
  theme: 'light' | 'dark';
  /** The button's text (and so its accessible name), when a page has several export buttons. */
  label?: string;
}

/**
 * "Export PNG" saves a light picture whatever the page's theme (what reports and slides mostly
 * want); in dark mode a second button saves it as seen on screen.
 */
export function ExportPngButton({ target, fileName, theme, label = 'Export PNG' }: Props) {
  const [busy, setBusy] = useState<PngScheme | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportPng(scheme: PngScheme) {
    const node = target.current;
    if (!node) {
      setError('The chart is not on the page yet, so there is nothing to export.');
      return;
    }
    setBusy(scheme);
    setError(null);
    try {
      // The picture's code (and html-to-image) loads on the first export, not with the page.
      const { renderPng } = await import('./png.ts');
      saveAs(await renderPng(node, scheme), scheme === 'dark' ? fileName.replace(/\.png$/, '-dark.png') : fileName);
    } catch (err) {
      setError(`The PNG could not be made: ${err instanceof Error ? err.message : 'unknown error'}.`);
    } finally {
      setBusy(null);
    }
  }

  // The visible text is the accessible name (WCAG 2.5.3), busy or not: "Exporting…" is said by aria-busy.
  const button = (scheme: PngScheme, text: string) => (
    <button type="button" onClick={() => void exportPng(scheme)} disabled={busy !== null} aria-busy={busy === scheme}>
      {text}
    </button>
  );
  return (
    <div className="export">
      {button('light', label)}
      {theme === 'dark' ? button('dark', label.replace(/PNG$/, 'dark PNG')) : null}
      {error ? (
        <p role="alert" className="error-inline">
          {error}
        </p>
      ) : null}
    </div>
  );
}
