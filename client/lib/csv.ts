/**
 * CSV as RFC 4180 writes it: fields with a comma, a quote or a line break are quoted, quotes are
 * doubled, lines end with CRLF. The file starts with a UTF-8 byte order mark so spreadsheet
 * programs read "SOCIÉTÉ" as written instead of guessing a legacy encoding.
 *
 * Text comes from Space-Track, so it is treated as hostile: a text cell that a spreadsheet would
 * read as a formula (=HYPERLINK(...)) is neutralised as OWASP advises (a leading apostrophe), and
 * bidirectional controls are dropped. Numbers are written as numbers, negative changes included.
 */
import { stripBidiControls } from '../../server/shared/bidi.ts';
import { saveAs } from './download.ts';

export const BOM = '\uFEFF';

/** What starts a formula in Excel, LibreOffice or Sheets: = + - @, tab, carriage return (OWASP), and their full-width forms. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const clean = stripBidiControls(value);
  const text = FORMULA_START.test(clean) ? `'${clean}` : clean;
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
