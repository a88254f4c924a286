import { useMemo, type Ref } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { CountryRow } from '../../../server/boxscore/contract.ts';
import { formatCount } from '../../lib/format.ts';
import { logTicks, seriesFor, toChartData, type ChartMode, type ChartScale, type ChartDatum } from './chart-data.ts';
import { ChartTooltip } from './chart-tooltip.tsx';

export interface BoxscoreChartProps {
  /** Rows in the table's current order and filter. */
  rows: readonly CountryRow[];
  mode: ChartMode;
  scale: ChartScale;
  limit: number;
  title: string;
  /** e.g. "Source: Space-Track.org · as of 2015-03-05": drawn inside the figure so the PNG carries it. */
  caption: string;
  /** The figure element: what the PNG export captures. */
  figureRef?: Ref<HTMLElement>;
}

const MODE_TEXT: Record<ChartMode, string> = { orbital: 'in orbit', decayed: 'decayed', both: 'in orbit and decayed' };

function CountryTick({ x, y, payload, data }: { x?: number | string; y?: number | string; payload?: { value: string; index: number }; data: ChartDatum[] }) {
  const datum = payload ? data[payload.index] : undefined;
  return (
    <g>
      {datum && datum.label !== datum.country ? <title>{datum.country}</title> : null}
      <text x={x} y={y} dy={4} textAnchor="end" className="chart-tick" fontSize={12} fill="#1b1f24">
        {payload?.value}
      </text>
    </g>
  );
}

export function BoxscoreChart({ rows, mode, scale, limit, title, caption, figureRef }: BoxscoreChartProps) {
  const data = useMemo(() => toChartData(rows, mode, scale, limit), [rows, mode, scale, limit]);
  const series = useMemo(() => seriesFor(mode), [mode]);
  const ticks = useMemo(() => (scale === 'log' ? logTicks(data, mode) : null), [data, mode, scale]);
  const tickLabel = useMemo(() => new Map(ticks?.map((t) => [t.position, formatCount(t.count)])), [ticks]);

  const rowHeight = mode === 'both' ? 34 : 22;
  const height = Math.max(160, data.length * rowHeight + 110);

  return (
    <figure className="chart-figure" ref={figureRef} aria-labelledby="chart-title">
      <h3 id="chart-title" className="chart-title">
        {title}
      </h3>
      {data.length === 0 ? (
        <p className="chart-empty">No countries to chart: the filter matches none.</p>
      ) : (
        <BarChart
          responsive
          style={{ width: '100%', height }}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
          barCategoryGap={mode === 'both' ? 5 : 3}
          barGap={1}
          role="img"
          aria-label={`Bar chart of objects ${MODE_TEXT[mode]} for ${data.length} countries`}
        >
          <CartesianGrid horizontal={false} stroke="#d9dde3" />
          <XAxis
            type="number"
            domain={ticks ? [0, ticks.at(-1)?.position ?? 1] : [0, 'auto']}
            ticks={ticks?.map((t) => t.position)}
            tickFormatter={(value: number) => (ticks ? (tickLabel.get(value) ?? '') : formatCount(value))}
            allowDecimals={false}
            className="chart-axis"
            label={{ value: `Objects${scale === 'log' ? ' (log scale)' : ''}`, position: 'insideBottom', offset: -2 }}
            height={40}
          />
          <YAxis type="category" dataKey="label" width={196} interval={0} tick={(props) => <CountryTick {...props} data={data} />} />
          <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} series={series} />} cursor={{ fill: 'rgba(0,0,0,0.06)' }} />
          <Legend verticalAlign="top" height={36} itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={(d: ChartDatum) => d.plotted[s.key] ?? 0} name={s.name} stackId={s.stack} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}
