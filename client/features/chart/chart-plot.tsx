/**
 * The bars themselves, drawn by recharts: the largest dependency, so this module is loaded on
 * demand (use-chart-plot.ts) and the figure around it (boxscore-chart.tsx) renders without it.
 * The server also draws it, once per snapshot and view, into the picture shown until this module
 * has loaded (server/render/chart-picture-worker.ts): hence plain, serialisable props.
 */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../lib/format.ts';
import type { ChartTheme } from '../theme/use-theme.ts';
import { logTicks, type ChartDatum, type ChartOptions, type Series } from './chart-data.ts';
import { ChartTooltip } from './chart-tooltip.tsx';

export interface ChartPlotProps {
  data: ChartDatum[];
  series: Series[];
  options: Pick<ChartOptions, 'mode' | 'scale' | 'measure'>;
  theme: ChartTheme;
  /** Phone width: a narrower axis and margin. */
  narrow: boolean;
  /** A fixed width in px (the server's picture); otherwise the plot fills its container. */
  width?: number;
}

const MODE_TEXT = { orbital: 'in orbit', decayed: 'decayed', both: 'in orbit and decayed' } as const;

/** The chart's height for `bars` bars: the plot grows with the number of countries. */
function plotHeight(bars: number, mode: ChartOptions['mode']): number {
  return Math.max(180, bars * (mode === 'both' ? 34 : 22) + 120);
}

function CountryTick({ x, y, payload, data, color }: { x?: number | string; y?: number | string; payload?: { value: string; index: number }; data: ChartDatum[]; color: string }) {
  const datum = payload ? data[payload.index] : undefined;
  return (
    <g>
      {datum && datum.label !== datum.country ? <title>{datum.country}</title> : null}
      {/* Attributes rather than CSS, so the PNG export draws them the same. */}
      <text x={x} y={y} dy={4} textAnchor="end" className="chart-tick" fontSize={12} fill={color}>
        {payload?.value}
      </text>
    </g>
  );
}

/** Memoised: redrawing with recharts is the costliest render on the page; same props, same drawing. */
export const ChartPlot = memo(function ChartPlot({ data, series, options, theme, narrow, width }: ChartPlotProps) {
  const share = options.measure === 'share';
  const ticks = useMemo(() => (!share && options.scale === 'log' ? logTicks(data, series) : null), [data, series, share, options.scale]);
  const tickLabel = useMemo(() => new Map(ticks?.map((t) => [t.position, formatCount(t.count)])), [ticks]);
  const height = plotHeight(data.length, options.mode);
  const axisLabel = share ? 'Share of the bar (%)' : `Objects${ticks ? ' (log scale)' : ''}`;

  return (
    <BarChart
      {...(width ? { width, height } : { responsive: true, style: { width: '100%', height } })}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: narrow ? 8 : 24, bottom: 4, left: 0 }}
      barCategoryGap={options.mode === 'both' ? 5 : 3}
      barGap={1}
      role="img"
      aria-label={`Bar chart of objects ${MODE_TEXT[options.mode]} for ${data.length} ${data.length === 1 ? 'bar' : 'bars'}`}
    >
      <CartesianGrid horizontal={false} stroke={theme.grid} />
      <XAxis
        type="number"
        domain={share ? [0, 100] : ticks ? [0, ticks.at(-1)?.position ?? 1] : [0, 'auto']}
        ticks={share ? [0, 25, 50, 75, 100] : ticks?.map((t) => t.position)}
        tickFormatter={(value: number) => (share ? `${value}%` : ticks ? (tickLabel.get(value) ?? '') : formatCount(value))}
        allowDecimals={false}
        stroke={theme.muted}
        tick={{ fill: theme.muted, fontSize: 12 }}
        label={{ value: axisLabel, position: 'insideBottom', offset: -2, fill: theme.muted, fontSize: 13 }}
        height={40}
      />
      <YAxis type="category" dataKey="label" width={narrow ? 124 : 196} interval={0} stroke={theme.muted} tick={(props) => <CountryTick {...props} data={data} color={theme.text} />} />
      <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} series={series} share={share} />} cursor={{ fill: theme.cursor }} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={(d: ChartDatum) => d.plotted[s.key] ?? 0} name={s.name} stackId={s.stack} fill={s.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
});
