/**
 * The server's way into the client (built by Vite for Node into dist/server/, loaded by
 * server/render/page.ts): the same tree as boot.tsx renders, as HTML from the server's boxscore.
 * (The plot alone, for the server's picture of it, is the build's other entry: chart-plot.tsx.)
 */
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { seedFromServer } from './api/boxscore.ts';
import type { ChartPicture, PlotRequest } from './features/chart/chart-picture.ts';
import { Root } from './root.tsx';
import { serverDataHtml, type ServerData } from './server-data.ts';
import { parseView, serializeView } from './view.ts';

export type { ChartPicture, PlotRequest } from './features/chart/chart-picture.ts';

export interface RenderedDashboard {
  /** The markup of #root's content. */
  html: string;
  /** The data block to put after #root. */
  dataHtml: string;
  /** The plot the page would draw, when `picture` did not show it: picture it and render again. */
  plot: { plotId: string; props: PlotRequest } | null;
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

/** The page for `search` (the query string, "?..." or "") over the server's data, as the browser's first render will be. */
export function renderDashboard(data: ServerData, search: string, picture: ChartPicture | null): RenderedDashboard {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  seedFromServer(queryClient, data);
  let plot: RenderedDashboard['plot'] = null;
  const request = (plotId: string, props: PlotRequest) => {
    plot ??= { plotId, props };
  };
  const html = renderToString(<Root queryClient={queryClient} picture={{ picture, request }} search={search} />);
  queryClient.clear();
  return { html, dataHtml: serverDataHtml(data), plot };
}
