/**
 * Worker thread: draws the chart's plot with the real recharts code in a DOM of its own
 * (happy-dom), for the server's picture of it (chart-pictures.ts). recharts 3 cannot render on
 * the server by itself: it lays the bars out in effects after the first render, which
 * renderToString never runs. Here the plot is rendered as in a browser and its markup read back.
 *
 * A worker, not the server's own thread: the DOM's globals (window, document) stay out of the
 * server process, and a draw (a few hundred ms) never holds up a request.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Window } from 'happy-dom';
import type { FunctionComponent } from 'react';

export interface DrawRequest {
  id: number;
  /** ChartPlotProps (client/features/chart/chart-plot.tsx) with a fixed width. */
  props: Record<string, unknown>;
}
export type DrawAnswer = { id: number; html: string } | { id: number; error: string };

const window = new Window({ url: 'http://localhost/', width: 1280, height: 900 });
// What a browser page sees as globals, for react-dom and recharts (and nothing the server uses: this is a worker).
const globals = globalThis as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globals && key !== 'window' && key !== 'document') continue;
  const value = (window as unknown as Record<string, unknown>)[key];
  globals[key] = typeof value === 'function' && /^[a-z]/.test(key) ? (value as (...args: unknown[]) => unknown).bind(window) : value;
}
globals.window = window;
globals.document = window.document;

// Loaded after the globals exist: react-dom decides at load time whether it runs in a DOM.
const [{ createElement }, { createRoot }, { ChartPlot }] = await Promise.all([
  import('react'),
  import('react-dom/client'),
  import((workerData as { bundle: string }).bundle) as Promise<{ ChartPlot: FunctionComponent<Record<string, unknown>> }>,
]);

/** recharts settles over a few scheduler turns (its store registers the bars in effects): wait until the markup stops changing. */
async function settled(container: HTMLElement): Promise<string> {
  let last = '';
  let same = 0;
  for (let turn = 0; turn < 200 && same < 3; turn++) {
    await sleep(0);
    const now = container.innerHTML;
    same = now === last && now.includes('recharts-surface') ? same + 1 : 0;
    last = now;
  }
  if (same < 3) throw new Error('The plot did not settle.');
  return last;
}

async function draw(props: Record<string, unknown>): Promise<string> {
  const container = window.document.createElement('div');
  window.document.body.append(container);
  const root = createRoot(container as unknown as Element);
  try {
    root.render(createElement(ChartPlot, props));
    await settled(container as unknown as HTMLElement);
    // A picture, not a control: no tooltip layer, no tab stops, and no style attributes (the
    // page's CSP allows none; the stylesheet sizes and colours .chart-picture instead).
    for (const el of container.querySelectorAll('.recharts-tooltip-wrapper')) el.remove();
    for (const el of container.querySelectorAll('[style], [tabindex]')) {
      el.removeAttribute('style');
      el.removeAttribute('tabindex');
    }
    return container.innerHTML;
  } finally {
    root.unmount();
    container.remove();
  }
}

let queue = Promise.resolve();
parentPort!.on('message', (request: DrawRequest) => {
  // One draw at a time: they share the one document.
  queue = queue.then(async () => {
    let answer: DrawAnswer;
    try {
      answer = { id: request.id, html: await draw(request.props) };
    } catch (err) {
      answer = { id: request.id, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(answer);
  });
});
