/**
 * The bars themselves, drawn by recharts: the largest dependency, so this module is loaded on
 * demand (use-chart-plot.ts) and the figure around it (boxscore-chart.tsx) renders without it.
 * Until it has loaded, a server-rendered page shows the server's picture of the same bars
 * (chart-sketch.tsx). What is drawn (lengths, layout, axis, height) comes from chart-data.ts, for
 * both; this file only draws it.
 */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartTheme } from '../theme/use-theme.ts';
import { chartAxis, plotHeight, plotLabel } from './chart-axis.ts';
import { chartLayout, type ChartDatum, type ChartOptions, type Series } from './chart-data.ts';
import { ChartTooltip } from './chart-tooltip.tsx';

export interface ChartPlotProps {
  data: ChartDatum[];
  series: Series[];
  options: Pick<ChartOptions, 'mode' | 'scale' | 'measure'>;
  theme: ChartTheme;
  /** Phone width: a narrower axis and margin, fewer ticks. */
  narrow: boolean;
  /** A fixed width in px; otherwise the plot fills its container. */
  width?: number;
}

function CountryTick({ x, y, payload, data, color }: { x?: number | string; y?: number | string; payload?: { value: string; index: number }; data: ChartDatum[]; color: string }) {
  const datum = payload ? data[payload.index] : undefined;
  return (
    <g>
      {datum && datum.label !== datum.country ? <title>{datum.code ? `${datum.country} (${datum.code})` : datum.country}</title> : null}
      {/* Attributes rather than CSS, so the PNG export draws them the same. */}
      <text x={x} y={y} dy={4} textAnchor="end" className="chart-tick" fontSize={12} fill={color}>
        {payload?.value}
      </text>
    </g>
  );
}

/** Memoised: redrawing with recharts is the costliest render on the page; same props, same drawing. */
export const ChartPlot = memo(function ChartPlot({ data, series, options, theme, narrow, width }: ChartPlotProps) {
  const grouped = chartLayout(options) === 'grouped';
  const axis = useMemo(() => chartAxis(data, series, options, narrow ? 3 : 5), [data, series, options, narrow]);
  const tickLabel = useMemo(() => new Map(axis.ticks.map((t) => [t.position, t.label])), [axis]);
  const height = plotHeight(data.length, series.length, options);

  return (
    <BarChart
      {...(width ? { width, height } : { responsive: true, style: { width: '100%', height } })}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 26, bottom: 8, left: 0 }}
      barCategoryGap={grouped ? 6 : options.mode === 'both' ? 5 : 3}
      barGap={grouped ? 0 : 1}
      role="img"
      aria-label={plotLabel(data.length, series.length, options)}
    >
      <CartesianGrid horizontal={false} stroke={theme.grid} />
      <XAxis
        type="number"
        domain={axis.domain}
        ticks={axis.ticks.map((t) => t.position)}
        tickFormatter={(value: number) => tickLabel.get(value) ?? ''}
        interval={0}
        stroke={theme.muted}
        tick={{ fill: theme.muted, fontSize: 12 }}
        label={{ value: axis.title, position: 'insideBottom', offset: -2, fill: theme.muted, fontSize: 13 }}
        height={40}
      />
      <YAxis type="category" dataKey="label" width={narrow ? 118 : 196} interval={0} stroke={theme.muted} tick={(props) => <CountryTick {...props} data={data} color={theme.text} />} />
      <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} series={series} measure={options.measure} />} cursor={{ fill: theme.cursor }} />
      {axis.domain[0] < 0 ? <ReferenceLine x={0} stroke={theme.muted} /> : null}
      {series.map((s) => (
        // One class per series: what a test (or a reader of the SVG) needs to tell the bars apart.
        <Bar key={s.key} className={`bar-${s.key}`} dataKey={(d: ChartDatum) => d.plotted[s.key] ?? 0} name={s.name} stackId={grouped ? undefined : s.stack} fill={s.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
});
