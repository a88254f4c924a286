/** The app's start (loaded by main.tsx): the query client, then hydrate the server's page or render one. */
import { QueryClient } from '@tanstack/react-query';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { boxscoreQuery, seedFromServer } from './api/boxscore.ts';
import type { ChartPicture } from './features/chart/chart-picture.ts';
import { loadChartPlot } from './features/chart/use-chart-plot.ts';
import { LiveStatus } from './features/source/source-notice.tsx';
import { Root } from './root.tsx';
import { readServerData } from './server-data.ts';
import { parseView } from './view.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    // One retry covers a blip; the server already shields us from Space-Track's faults.
    queries: { retry: 1, refetchOnWindowFocus: true },
  },
});

// recharts (the largest dependency, in its own chunk) starts loading now, beside everything else.
void loadChartPlot();

const container = document.getElementById('root')!;
const served = readServerData(document);
if (served) {
  // The server rendered this page from this boxscore (server/render/page.ts): hydrate with the
  // same data and the same picture of the plot, so the first render matches what is on screen.
  seedFromServer(queryClient, served);
  // Live mode's banner was rendered by the server: its code loads now, beside React's start.
  if (served.boxscore.source.nextFetchAt) void LiveStatus.load();
  const pictureElement = container.querySelector<HTMLElement>('.chart-picture');
  const picture: ChartPicture | null = pictureElement?.dataset.plot ? { plotId: pictureElement.dataset.plot, html: pictureElement.innerHTML } : null;
  hydrateRoot(container, <Root queryClient={queryClient} picture={{ picture }} />, {
    // React then renders the page afresh in the browser: the reader sees it right, but it is a bug.
    onRecoverableError: (error) => console.error('Hydration mismatch: the server-rendered page differed from the browser render and was rendered again.', error),
  });
} else {
  // Ask for the boxscore now, while React starts, rather than after the first render.
  // (Unless the address names a past snapshot: the page then waits for the history to confirm it.)
  if (parseView(window.location.search).view.asOf === null) void queryClient.prefetchQuery(boxscoreQuery(null));
  createRoot(container).render(<Root queryClient={queryClient} picture={{ picture: null }} />);
}
