/**
 * The server's picture of the plot: the same bars as the recharts plot (chart-plot.tsx), drawn as
 * a plain SVG from the same chart data (chart-data.ts), with the same geometry as recharts lays
 * out (margins, axis widths, band gaps, round ticks), so the live plot replaces it without a jump.
 *
 * Why not recharts itself: recharts 3 lays its bars out in effects, which renderToString never
 * runs (recharts/recharts#5997); simulating a browser to run them cost a 20 MB dependency, a
 * worker of 115-150 MB and seconds per first page. This is a pure function of its props, rendered
 * in the same renderToString pass as the page, in well under a millisecond per bar.
 *
 * A picture, not a control: no tooltip, no tab stops and no style attributes (the page's CSP
 * allows none; the stylesheet scales it and colours its axes for the theme).
 */
import { formatCount } from '../../lib/format.ts';
import { logTicks, type ChartDatum, type ChartOptions, type Series } from './chart-data.ts';
import type { PlotRequest } from './chart-picture.ts';

/** The width the server draws at: the chart's width on a desktop screen (the page is at most 1280 px wide); the SVG scales to the reader's width. */
export const SKETCH_WIDTH = 1175;

// recharts' layout, as chart-plot.tsx configures it.
const MARGIN = { top: 4, right: 24, bottom: 4 };
const Y_AXIS_WIDTH = 196;
const X_AXIS_HEIGHT = 40;
const TICK_SIZE = 6;
const TICK_MARGIN = 2;
const BAR_GAP = 1;
const MODE_TEXT = { orbital: 'in orbit', decayed: 'decayed', both: 'in orbit and decayed' } as const;

/** The chart's height for `bars` bars, as chart-plot.tsx sizes it. */
export function sketchHeight(bars: number, mode: ChartOptions['mode']): number {
  return Math.max(180, bars * (mode === 'both' ? 34 : 22) + 120);
}

/**
 * recharts' round step for a linear axis from 0 (getNiceTickValues with 5 ticks, no decimals):
 * a multiple of 5% of the next power of ten at or above the rough step, grown until 4 steps cover
 * the maximum.
 */
export function niceStep(max: number, intervals = 4): number {
  if (max <= 0) return 1;
  const rough = max / intervals;
  const digits = Math.floor(Math.log10(rough)) + 1;
  const unit = 10 ** digits;
  const scale = digits !== 1 ? 0.05 : 0.1;
  for (let correction = 0; ; correction++) {
    // Rounded to the scale's grid first, as recharts does with decimal.js, so 0.15 stays 0.15.
    const ratio = Math.round((Math.ceil(rough / unit / scale) + correction) * scale * 1000) / 1000;
    const step = Math.ceil(ratio * unit);
    if (step * intervals >= max) return step;
  }
}

interface Axis {
  domain: number;
  ticks: { position: number; label: string }[];
  title: string;
}

/** The value axis as chart-plot.tsx asks recharts for it: percentages, log ticks or round counts. */
function axisFor(data: readonly ChartDatum[], series: readonly Series[], options: PlotRequest['options']): Axis {
  if (options.measure === 'share') {
    return { domain: 100, ticks: [0, 25, 50, 75, 100].map((v) => ({ position: v, label: `${v}%` })), title: 'Share of the bar (%)' };
  }
  if (options.scale === 'log') {
    const ticks = logTicks(data, series);
    return { domain: ticks.at(-1)?.position ?? 1, ticks: ticks.map((t) => ({ position: t.position, label: formatCount(t.count) })), title: 'Objects (log scale)' };
  }
  let max = 0;
  for (const d of data) {
    const ends = { orbital: 0, decayed: 0 };
    for (const s of series) ends[s.stack] += d.plotted[s.key] ?? 0;
    max = Math.max(max, ends.orbital, ends.decayed);
  }
  const step = niceStep(max);
  return { domain: 4 * step, ticks: [0, 1, 2, 3, 4].map((k) => ({ position: k * step, label: formatCount(k * step) })), title: 'Objects' };
}

export function ChartSketch({ data, series, options }: PlotRequest) {
  const height = sketchHeight(data.length, options.mode);
  const left = Y_AXIS_WIDTH;
  const right = SKETCH_WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom - X_AXIS_HEIGHT;
  const axis = axisFor(data, series, options);
  const x = (value: number) => left + ((right - left) * value) / axis.domain;

  // recharts' band layout: each country a band, the category gap on both sides, one bar per stack.
  const stacks = [...new Set(series.map((s) => s.stack))];
  const band = (bottom - top) / Math.max(1, data.length);
  const gap = options.mode === 'both' ? 5 : 3;
  const barSize = Math.max(0, (band - 2 * gap - (stacks.length - 1) * BAR_GAP) / stacks.length);
  const round = (n: number) => Math.round(n * 100) / 100;

  return (
    <svg
      className="chart-sketch"
      viewBox={`0 0 ${SKETCH_WIDTH} ${height}`}
      width={SKETCH_WIDTH}
      height={height}
      role="img"
      aria-label={`Bar chart of objects ${MODE_TEXT[options.mode]} for ${data.length} ${data.length === 1 ? 'bar' : 'bars'}`}
    >
      <g className="chart-sketch-grid">
        {axis.ticks.map((t) => (
          <line key={t.position} x1={round(x(t.position))} x2={round(x(t.position))} y1={top} y2={bottom} />
        ))}
      </g>
      <g className="chart-sketch-bars">
        {data.map((d, i) =>
          stacks.map((stack, k) => {
            const y = round(top + i * band + gap + k * (barSize + BAR_GAP));
            let start = 0;
            return series
              .filter((s) => s.stack === stack)
              .map((s) => {
                const length = d.plotted[s.key] ?? 0;
                const from = start;
                start += length;
                if (length <= 0) return null;
                return <rect key={`${i}-${s.key}`} className="chart-sketch-bar" x={round(x(from))} y={y} width={round(x(from + length) - x(from))} height={round(barSize)} fill={s.color} />;
              });
          }),
        )}
      </g>
      <g className="chart-sketch-axis">
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {axis.ticks.map((t) => (
          <g key={t.position}>
            <line x1={round(x(t.position))} x2={round(x(t.position))} y1={bottom} y2={bottom + TICK_SIZE} />
            <text className="chart-sketch-value" x={round(x(t.position))} y={bottom + TICK_SIZE + TICK_MARGIN} dy="0.71em" textAnchor="middle" fontSize={12}>
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
              {d.label !== d.country ? <title>{d.country}</title> : null}
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
