import type { Ref } from 'react';
import { Area, AreaChart, Brush, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../lib/format.ts';
import type { ChartTheme } from '../theme/use-theme.ts';
import { axisTicks, dateTicks, tickDate, type TimelinePlot } from './timeline-data.ts';

export interface EventMark {
  /** The step date the event falls in (an x value of the chart). */
  date: string;
  /** Its number in the list of events under the chart. */
  label: string;
  /** The object the pieces came from, and how many were catalogued. */
  name: string;
  pieces: number;
  /** In the right half of the range shown: its label reads leftwards from the line, so it stays inside. */
  right: boolean;
}

interface Props {
  plot: TimelinePlot;
  theme: ChartTheme;
  narrow: boolean;
  range: [number, number];
  onRange: (range: [number, number]) => void;
  events: readonly EventMark[];
  caption: string;
  figureRef: Ref<HTMLElement>;
  monthly: boolean;
}


/** The timeline's figure: title, stacked areas or lines, the events, the brush and the source line. */
export function TimelineChart({ plot, theme, narrow, range, onRange, events, caption, figureRef, monthly }: Props) {
  const axisTick = { fill: theme.muted, fontSize: 12 };
  const ticks = axisTicks(plot, range);
  const common = {
    data: plot.rows,
    responsive: true,
    style: { width: '100%', height: narrow ? 320 : 400 },
    margin: { top: 20, right: narrow ? 8 : 24, bottom: 8, left: 8 },
    // A group, not an img: the range brush's handles inside it are keyboard controls, and an img's
    // children are presentational (axe: nested-interactive).
    role: 'group',
    'aria-label': plot.title,
  } as const;
  const children = (
    <>
      <CartesianGrid stroke={theme.grid} />
      <XAxis dataKey="date" stroke={theme.muted} tick={axisTick} tickFormatter={tickDate(monthly)} ticks={dateTicks(plot, range, monthly, narrow ? 5 : 10)} interval={0} />
      <YAxis
        stroke={theme.muted}
        tick={axisTick}
        tickFormatter={(v: number) => formatCount(v)}
        width={narrow ? 52 : 64}
        scale={plot.log ? 'log' : 'linear'}
        ticks={ticks}
        domain={[ticks[0]!, ticks.at(-1)!]}
        interval={0}
        allowDataOverflow
      />
      <Tooltip
        labelFormatter={(label) => `At the end of ${monthly ? String(label).slice(0, 7) : String(label).slice(0, 4)} (${String(label)})`}
        formatter={(value) => (value === null || value === undefined ? 'none' : formatCount(Number(value)))}
        contentStyle={{ background: theme.surface, color: theme.text, borderColor: theme.grid }}
      />
      <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ fontSize: 13, paddingBottom: 8 }} />
      {events.map((e, i) => (
        <ReferenceLine
          key={`${e.date}-${e.label}`}
          x={e.date}
          stroke={theme.muted}
          strokeDasharray="3 3"
          // Named where there is room; on a phone the number of the list under the chart. Staggered so
          // that neighbours (two breakups of 2009) do not write over each other.
          label={{
            value: narrow ? e.label : `${e.label} ${e.name} · ${formatCount(e.pieces)} pieces`,
            position: e.right ? 'insideTopRight' : 'insideTopLeft',
            dy: (i % 3) * 16,
            fill: theme.text,
            fontSize: 12,
            fontWeight: 600,
          }}
        />
      ))}
      <Brush
        dataKey="date"
        height={24}
        stroke={theme.muted}
        fill={theme.surface}
        travellerWidth={10}
        startIndex={range[0]}
        endIndex={range[1]}
        tickFormatter={tickDate(monthly)}
        onChange={(r) => {
          if (r.startIndex !== undefined && r.endIndex !== undefined) onRange([r.startIndex, r.endIndex]);
        }}
      />
    </>
  );
  return (
    <figure className="chart-figure timeline-figure" ref={figureRef} aria-labelledby="timeline-title">
      <h3 id="timeline-title" className="chart-title">
        {plot.title}
      </h3>
      {plot.kind === 'stack' ? (
        <AreaChart {...common}>
          {children}
          {plot.series.map((s) => (
            <Area key={s.key} dataKey={s.key} name={s.name} stackId="types" type="linear" stroke={s.color} fill={s.color} fillOpacity={0.85} isAnimationActive={false} />
          ))}
        </AreaChart>
      ) : (
        <LineChart {...common}>
          {children}
          {plot.series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} type="linear" stroke={s.color} strokeDasharray={s.dash} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      )}
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}
