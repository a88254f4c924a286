/**
 * What a server-rendered page carries besides its markup: the boxscore it was rendered from, in
 * a JSON data block (never executed, so the CSP's no-inline-script rule holds), for the browser
 * to hydrate with the very same data. Kept free of dependencies: the page's tiny entry (main.tsx)
 * reads SERVER_DATA_ID from here.
 */
import type { BoxscoreResponse, HistoryResponse } from '../server/shared/contract.ts';

export const SERVER_DATA_ID = 'boxscore-data';

export interface ServerData {
  boxscore: BoxscoreResponse;
  /** The snapshots there are (the pickers), when the server had the list. */
  history: HistoryResponse | null;
}

/** The block's HTML: `<` escaped, so no value can close the script element. */
export function serverDataHtml(data: ServerData): string {
  return `<script type="application/json" id="${SERVER_DATA_ID}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

export function readServerData(doc: Document): ServerData | null {
  const text = doc.getElementById(SERVER_DATA_ID)?.textContent;
  if (!text) return null;
  try {
    const data = JSON.parse(text) as ServerData;
    return data.boxscore?.rows ? data : null;
  } catch {
    return null; // a damaged block: render in the browser as if there were none
  }
}
