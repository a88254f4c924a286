/**
 * The server's way into the client (built by Vite for Node into dist/server/, loaded by
 * server/render/page.ts): the same tree as boot.tsx renders, as HTML from the server's boxscore,
 * with the chart's plot pictured as a plain SVG of the same bars (chart-sketch.tsx), in one pass.
 */
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { seedFromServer } from './api/boxscore.ts';
import { ChartSketch } from './features/chart/chart-sketch.tsx';
import { loadAllParts } from './lib/lazy-part.ts';
import { Root } from './root.tsx';
import { serverDataHtml, type ServerData } from './server-data.ts';
import { parseView, serializeView } from './view.ts';

export interface RenderedDashboard {
  /** The markup of #root's content. */
  html: string;
  /** The data block to put after #root. */
  dataHtml: string;
}

/**
 * Whether the server renders the page for this query string: a view in its canonical form (the
 * form the page itself writes to the address: anything else, unknown or invalid parameters
 * included, renders in the browser, which also tidies the address) of the current boxscore (a
 * past snapshot, a comparison or a country's detail wait for more data in the browser anyway).
 */
export function rendersOnServer(search: string): boolean {
  const { view } = parseView(search);
  // The timeline and the objects list load their code and data in the browser.
  return serializeView(view) === search && !view.asOf && !view.compare && !view.country && !view.timeline && !view.objects;
}

const sketch = { picture: null, sketch: ChartSketch };

/** Load the parts the browser loads on demand (lazy-part.ts), so that every page renders them at once. Call once, before renderDashboard. */
export function prepareRender(): Promise<void> {
  return loadAllParts();
}

/** The page for `search` (the query string, "?..." or "") over the server's data, as the browser's first render will be. */
export function renderDashboard(data: ServerData, search: string): RenderedDashboard {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  seedFromServer(queryClient, data);
  const html = renderToString(<Root queryClient={queryClient} picture={sketch} search={search} />);
  queryClient.clear();
  return { html, dataHtml: serverDataHtml(data) };
}
