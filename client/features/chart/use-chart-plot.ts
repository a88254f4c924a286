/**
 * The recharts plot, loaded on demand without Suspense: the figure keeps rendering (title,
 * legend, and the server's picture of the plot) while the module loads, and a server-rendered
 * page hydrates to exactly what the server sent, because during hydration React reads the server
 * snapshot (not loaded) and only then the real one.
 */
import { useSyncExternalStore } from 'react';
import type { ChartPlot } from './chart-plot.tsx';

export interface PlotModule {
  plot?: typeof ChartPlot;
  error?: Error;
}

const NOT_LOADED: PlotModule = {};
let state: PlotModule = NOT_LOADED;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

const publish = (next: PlotModule) => {
  state = next;
  for (const listener of listeners) listener();
};

/** Start loading the plot module, once; a failed load may be retried. */
export function loadChartPlot(): Promise<void> {
  loading ??= import('./chart-plot.tsx').then(
    (m) => publish({ plot: m.ChartPlot }),
    (err: unknown) => {
      loading = null;
      publish({ error: err instanceof Error ? err : new Error(String(err)) });
    },
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!state.plot) void loadChartPlot();
  return () => listeners.delete(listener);
}

export function useChartPlot(): PlotModule {
  return useSyncExternalStore(subscribe, () => state, () => NOT_LOADED);
}
