/**
 * CSV as RFC 4180 writes it: fields with a comma, a quote or a line break are quoted, quotes are
 * doubled, lines end with CRLF. The file starts with a UTF-8 byte order mark so spreadsheet
 * programs read "SOCIÉTÉ" as written instead of guessing a legacy encoding.
 */
import { saveAs } from './download.ts';

export const BOM = '\uFEFF';

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((fields) => fields.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Save text as a file through a temporary object URL. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  saveAs(url, fileName);
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
