/**
 * The server's picture of the plot: recharts cannot render on the server by itself (it draws
 * after effects run), so the server draws the same bars as a plain SVG (chart-sketch.tsx) in the
 * page's own render and sends it inside the page. The figure shows that picture until recharts
 * has loaded, as long as it pictures what the figure would draw; `plotId` says which plot it is.
 */
import { createContext, type ReactNode } from 'react';
import type { ChartPlotProps } from './chart-plot.tsx';

export interface ChartPicture {
  plotId: string;
  html: string;
}

export type PlotRequest = Omit<ChartPlotProps, 'width'>;

export interface ChartPictureSlot {
  picture: ChartPicture | null;
  /** Server only: draws the picture of the plot the figure would draw, in the same render (no second pass). */
  sketch?: (props: PlotRequest) => ReactNode;
}

export const ChartPictureContext = createContext<ChartPictureSlot>({ picture: null });

/**
 * A short, stable id of the bars a plot draws: not their colours (the CSS restyles a picture per
 * theme) nor the labels' length (a phone shortens them), so a picture drawn for a wide window
 * still stands in on a phone until the live plot is there.
 */
export function plotId({ data, series, options }: Pick<PlotRequest, 'data' | 'series' | 'options'>): string {
  const text = JSON.stringify([options.mode, options.scale, options.measure, series.map((s) => s.key), data.map((d) => [d.country, d.code, d.plotted])]);
  // FNV-1a, 32-bit: an id, not a security measure.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16)}-${text.length.toString(16)}`;
}
