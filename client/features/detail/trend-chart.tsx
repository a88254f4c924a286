/**
 * A country's counts over time as small multiples: one panel per count, each on an axis that spans
 * its own values against a time axis (trend-data.ts), with the newest value and the change beside it.
 */
import type { Ref } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CountKey, TrendResponse } from '../../../server/shared/contract.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';
import { deltaClass, formatCount, formatDelta, formatShare } from '../../lib/format.ts';
import type { ChartTheme } from '../theme/use-theme.ts';
import { spansYears, timeTickLabel, timeTicks, trendChange, trendPoints, trendTicks } from './trend-data.ts';

const PANELS: { key: CountKey; name: string; color: string }[] = [
  { key: 'orbitalTotal', name: 'In orbit', color: '#0072B2' },
  { key: 'orbitalDebris', name: COUNT_LABELS.orbitalDebris, color: '#D55E00' },
  { key: 'orbitalPayload', name: COUNT_LABELS.orbitalPayload, color: '#009E73' },
  { key: 'decayedTotal', name: 'Decayed', color: '#CC79A7' },
];

/** "since 1958" for a history from the catalogue, "across 2 snapshots" otherwise. */
function span(trend: TrendResponse): string {
  const history = spansYears(trend.points.map((p) => ({ t: Date.parse(p.asOf) })));
  return history ? `since ${trend.points[0]!.asOf.slice(0, 4)}` : `across ${trend.points.length} snapshots`;
}

function TrendPanel({ trend, panel, theme }: { trend: TrendResponse; panel: (typeof PANELS)[number]; theme: ChartTheme }) {
  const points = trendPoints(trend, panel.key);
  const change = trendChange(points);
  const ticks = trendTicks(points);
  const history = spansYears(points);
  const times = timeTicks(points);
  const latest = points.findLast((p) => p.value !== null)?.value ?? null;
  return (
    <div className="trend-panel" data-key={panel.key}>
      <p className="trend-panel-head">
        <span className="trend-panel-name">{panel.name}</span> <span className="trend-latest">{latest === null ? '—' : formatCount(latest)}</span>{' '}
        {change ? (
          <span className={`trend-change delta ${deltaClass(change.delta)}`}>
            {formatDelta(change.delta)}
            {change.ratio !== null && change.delta !== 0 ? ` (${change.ratio > 0 ? '+' : '−'}${formatShare(Math.abs(change.ratio))})` : ''} since {change.since}
          </span>
        ) : (
          <span className="trend-change">no earlier snapshot to compare</span>
        )}
      </p>
      <LineChart
        responsive
        style={{ width: '100%', height: 150 }}
        data={points}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        role="img"
        aria-label={`${panel.name} of ${trend.country} ${span(trend)}${change ? `: ${formatCount(change.from)} on ${change.since}, ${formatCount(change.to)} now` : ''}`}
      >
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[points[0]?.t ?? 0, points.at(-1)?.t ?? 1]}
          ticks={times}
          tickFormatter={timeTickLabel(history)}
          stroke={theme.muted}
          tick={{ fill: theme.muted, fontSize: 11 }}
          interval="preserveStartEnd"
          minTickGap={24}
        />
        <YAxis
          domain={[ticks[0]!, ticks.at(-1)!]}
          ticks={ticks}
          interval={0}
          allowDataOverflow
          stroke={theme.muted}
          tick={{ fill: theme.muted, fontSize: 11 }}
          tickFormatter={(v: number) => formatCount(v)}
          width={56}
        />
        <Tooltip labelFormatter={(t) => timeTickLabel(false)(Number(t))} formatter={(value) => [formatCount(Number(value)), panel.name]} contentStyle={{ background: theme.surface, color: theme.text, borderColor: theme.grid }} />
        <Line dataKey="value" name={panel.name} stroke={panel.color} strokeWidth={2} dot={history ? false : { r: 3.5 }} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </div>
  );
}

export function TrendChart({ trend, theme, caption, figureRef }: { trend: TrendResponse; theme: ChartTheme; caption: string; figureRef: Ref<HTMLElement> }) {
  return (
    <figure className="chart-figure trend-figure" ref={figureRef} aria-labelledby="trend-title">
      <h3 id="trend-title" className="chart-title">
        {trend.country}
        {trend.code ? ` (${trend.code})` : ''}: objects {span(trend)}
      </h3>
      <div className="trend-panels">
        {PANELS.map((panel) => (
          <TrendPanel key={panel.key} trend={trend} panel={panel} theme={theme} />
        ))}
      </div>
      <p className="trend-note">Each panel’s axis spans its own values, not from zero, so that small changes show; the figures give their size.</p>
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}
