/**
 * The page baseline: a static HTML file holding the same table, already rendered from the same
 * data, with the same stylesheet. It is what "no JavaScript at all" would cost to load here.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNT_COLUMNS } from '../../client/features/table/columns.ts';
import type { BoxscoreResponse, CountKey } from '../../server/shared/contract.ts';

// The table's own columns and labels: the baseline holds the same table.
const COLUMNS = COUNT_COLUMNS.map((c): [CountKey, string] => [c.key, c.label]);

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const button = (label: string) => `<button type="button" class="sort-button" aria-label="${label}"><span>${label}</span></button>`;

export function baselineHtml(data: BoxscoreResponse, cssHref: string): string {
  const head = ['Country', 'Code', ...COLUMNS.map(([, label]) => label)].map((l) => `<th scope="col">${button(l)}</th>`).join('');
  const body = data.rows
    .map((r) => `<tr><th scope="row">${escape(r.country)}</th><td>${escape(r.code ?? '')}</td>${COLUMNS.map(([k]) => `<td class="num">${r.counts[k].toLocaleString('en-US')}</td>`).join('')}</tr>`)
    .join('\n');
  // data-interactive: a static page is as live as it will ever be once it is shown (page-markers.ts).
  return `<!doctype html><html lang="en" data-interactive="true"><head><meta charset="UTF-8"><title>Boxscore (static baseline)</title>
<link rel="stylesheet" href="${cssHref}"></head><body><main class="page"><h1>Objects in orbit and decayed, by country</h1>
<label>Filter countries <input type="search"></label><p>${data.rows.length} of ${data.rows.length} countries</p>
<div class="table-scroll"><table class="country-table"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div></main></body></html>`;
}

/** Write index.html and the app's stylesheet into `dir`, for the static baseline server. */
export function writeBaselinePage(dir: string, distDir: string, data: BoxscoreResponse): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const css = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.css'));
  for (const f of css) copyFileSync(join(distDir, 'assets', f), join(dir, 'assets', f));
  writeFileSync(join(dir, 'index.html'), baselineHtml(data, css[0] ? `/assets/${css[0]}` : 'data:,'));
}
