import { useMemo, useState, type Ref } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { CountryRow } from '../../../server/boxscore/contract.ts';
import { formatCount } from '../../lib/format.ts';
import type { ChartTheme } from '../theme/use-theme.ts';
import { logTicks, seriesFor, toChartData, type ChartDatum, type ChartOptions } from './chart-data.ts';
import { ChartTooltip } from './chart-tooltip.tsx';

export interface BoxscoreChartProps {
  /** Rows in the table's current order and filter. */
  rows: readonly CountryRow[];
  options: ChartOptions;
  theme: ChartTheme;
  /** Phone width: shorter axis labels. */
  narrow: boolean;
  title: string;
  /** e.g. "Source: Space-Track.org · as of 2015-03-05": drawn inside the figure so the PNG carries it. */
  caption: string;
  /** The figure element: what the PNG export captures. */
  figureRef?: Ref<HTMLElement>;
}

const MODE_TEXT = { orbital: 'in orbit', decayed: 'decayed', both: 'in orbit and decayed' } as const;

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

/** Whether two row lists chart the same: the same row objects in the first N places (all places with "Others"). */
function sameCharted(a: readonly CountryRow[], b: readonly CountryRow[], limit: number, others: boolean): boolean {
  const n = others ? Math.max(a.length, b.length) : limit;
  if (Math.min(a.length, n) !== Math.min(b.length, n)) return false;
  for (let i = 0; i < Math.min(a.length, n); i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The rows the chart draws, kept as the same array while what is charted stays the same: a sort
 * or filter that leaves the first N countries alone costs recharts nothing. Rows are compared by
 * identity, so a new snapshot (new row objects) always redraws.
 */
function useChartedRows(rows: readonly CountryRow[], limit: number, others: boolean): readonly CountryRow[] {
  const [kept, setKept] = useState(rows);
  const same = kept === rows || sameCharted(kept, rows, limit, others);
  // Adjusting state while rendering (React's pattern for derived state): no extra effect pass.
  if (!same) setKept(rows);
  return same ? kept : rows;
}

export function BoxscoreChart({ rows, options, theme, narrow, title, caption, figureRef }: BoxscoreChartProps) {
  // Recompute (and redraw) only when what is charted changes: a sort or filter that leaves the
  // first N countries and the rest alone costs recharts nothing.
  const charted = useChartedRows(rows, options.limit, options.others);
  const data = useMemo(() => toChartData(charted, options, narrow ? 14 : 24), [charted, options, narrow]);
  const series = useMemo(() => seriesFor(options.mode, options.types), [options.mode, options.types]);
  const share = options.measure === 'share';
  const ticks = useMemo(() => (!share && options.scale === 'log' ? logTicks(data, series) : null), [data, series, share, options.scale]);
  const tickLabel = useMemo(() => new Map(ticks?.map((t) => [t.position, formatCount(t.count)])), [ticks]);

  const rowHeight = options.mode === 'both' ? 34 : 22;
  const height = Math.max(180, data.length * rowHeight + 120);
  const axisLabel = share ? 'Share of the bar (%)' : `Objects${ticks ? ' (log scale)' : ''}`;

  return (
    <figure className="chart-figure" ref={figureRef} aria-labelledby="chart-title">
      <h3 id="chart-title" className="chart-title">
        {title}
      </h3>
      {/* Our own legend, plain HTML: it never needs measuring or redrawing when the bars change,
          and the PNG export captures it with the rest of the figure. */}
      <ul className="chart-legend" aria-label="Legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      {data.length === 0 || series.length === 0 ? (
        <p className="chart-empty">{series.length === 0 ? 'No object types are selected: choose at least one to chart.' : 'No countries to chart: the filter matches none.'}</p>
      ) : (
        <BarChart
          responsive
          style={{ width: '100%', height }}
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
      )}
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}
