/**
 * The server's picture of the plot: the same bars as the recharts plot (chart-plot.tsx), drawn as
 * a plain SVG from the same chart data, axis, layout and height (chart-data.ts), with the
 * geometry recharts lays them out with (margins, axis widths, band gaps), so the live plot
 * replaces it without a jump.
 *
 * Why not recharts itself: recharts 3 lays its bars out in effects, which renderToString never
 * runs (recharts/recharts#5997); simulating a browser to run them cost a 20 MB dependency, a
 * worker of 115-150 MB and seconds per first page. This is a pure function of its props, drawn
 * in the page's own renderToString pass.
 *
 * A picture, not a control: no tooltip, no tab stops and no style attributes (the page's CSP
 * allows none; the stylesheet scales it and colours its axes for the theme).
 */
import { chartAxis, plotHeight, plotLabel } from './chart-axis.ts';
import { chartLayout, type Series } from './chart-data.ts';
import type { PlotRequest } from './chart-picture.ts';

/** The width the server draws at: the chart's width on a desktop screen (the page is at most 1280 px wide); the SVG scales to the reader's width. */
export const SKETCH_WIDTH = 1175;

// recharts' layout, as chart-plot.tsx configures it on a wide screen.
const MARGIN = { top: 4, right: 24, bottom: 4 };
const Y_AXIS_WIDTH = 196;
const X_AXIS_HEIGHT = 40;
const TICK_SIZE = 6;
const TICK_MARGIN = 2;

const round = (n: number) => Math.round(n * 100) / 100;

export function ChartSketch({ data, series, options }: PlotRequest) {
  const grouped = chartLayout(options) === 'grouped';
  const axis = chartAxis(data, series, options);
  const height = plotHeight(data.length, series.length, options);
  const left = Y_AXIS_WIDTH;
  const right = SKETCH_WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom - X_AXIS_HEIGHT;
  const [lo, hi] = axis.domain;
  const x = (value: number) => round(left + ((right - left) * (value - lo)) / (hi - lo || 1));

  // recharts' band layout: each country a band, the category gap on both sides, then one bar per
  // stack (stacked) or per series (grouped), `barGap` apart.
  const slots: Series[][] = grouped ? series.map((s) => [s]) : [...new Set(series.map((s) => s.stack))].map((stack) => series.filter((s) => s.stack === stack));
  const band = (bottom - top) / Math.max(1, data.length);
  const gap = grouped ? 6 : options.mode === 'both' ? 5 : 3;
  const barGap = grouped ? 0 : 1;
  const barSize = Math.max(0, (band - 2 * gap - (slots.length - 1) * barGap) / slots.length);

  return (
    <svg className="chart-sketch" viewBox={`0 0 ${SKETCH_WIDTH} ${height}`} width={SKETCH_WIDTH} height={height} role="img" aria-label={plotLabel(data.length, series.length, options)}>
      <g className="chart-sketch-grid">
        {axis.ticks.map((t) => (
          <line key={t.position} x1={x(t.position)} x2={x(t.position)} y1={top} y2={bottom} />
        ))}
      </g>
      <g className="chart-sketch-bars">
        {data.map((d, i) =>
          slots.map((slot, k) => {
            const y = round(top + i * band + gap + k * (barSize + barGap));
            let end = 0;
            return slot.map((s) => {
              // Stacked segments start where the previous one ended; a grouped bar starts at zero (and may go below it).
              const value = d.plotted[s.key] ?? 0;
              const from = grouped ? 0 : end;
              end = from + value;
              if (value === 0) return null;
              const [a, b] = [x(Math.min(from, end)), x(Math.max(from, end))];
              return <rect key={`${i}-${s.key}`} className="chart-sketch-bar" x={a} y={y} width={round(b - a)} height={round(barSize)} fill={s.color} />;
            });
          }),
        )}
      </g>
      <g className="chart-sketch-axis">
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {lo < 0 ? <line x1={x(0)} x2={x(0)} y1={top} y2={bottom} /> : null}
        {axis.ticks.map((t) => (
          <g key={t.position}>
            <line x1={x(t.position)} x2={x(t.position)} y1={bottom} y2={bottom + TICK_SIZE} />
            <text className="chart-sketch-value" x={x(t.position)} y={bottom + TICK_SIZE + TICK_MARGIN} dy="0.71em" textAnchor="middle" fontSize={12}>
              {t.label}
            </text>
          </g>
        ))}
        <text className="chart-sketch-value" x={round((left + right) / 2)} y={height - MARGIN.bottom - 2} textAnchor="middle" fontSize={13}>
          {axis.title}
        </text>
      </g>
      <g className="chart-sketch-labels">
        {data.map((d, i) => {
          const y = round(top + (i + 0.5) * band);
          return (
            <g key={i}>
              {d.label !== d.country ? <title>{d.code ? `${d.country} (${d.code})` : d.country}</title> : null}
              <line className="chart-sketch-tick-line" x1={left - TICK_SIZE} x2={left} y1={y} y2={y} />
              <text x={left - TICK_SIZE - TICK_MARGIN} y={y} dy={4} textAnchor="end" className="chart-tick" fontSize={12}>
                {d.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
