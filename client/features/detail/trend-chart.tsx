import type { Ref } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CountKey, TrendResponse } from '../../../server/shared/contract.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';
import { formatCount } from '../../lib/format.ts';
import type { ChartTheme } from '../theme/use-theme.ts';

const LINES: { key: CountKey; name: string; color: string; dash?: string }[] = [
  { key: 'orbitalTotal', name: 'In orbit', color: '#0072B2' },
  { key: 'orbitalDebris', name: COUNT_LABELS.orbitalDebris, color: '#D55E00' },
  { key: 'orbitalPayload', name: COUNT_LABELS.orbitalPayload, color: '#009E73', dash: '6 3' },
  { key: 'decayedTotal', name: 'Decayed', color: '#CC79A7', dash: '2 3' },
];

export function TrendChart({ trend, theme, caption, figureRef }: { trend: TrendResponse; theme: ChartTheme; caption: string; figureRef: Ref<HTMLElement> }) {
  const data = trend.points.map((p) => ({ asOf: p.asOf, ...(p.counts ?? {}) }));
  return (
    <figure className="chart-figure trend-figure" ref={figureRef} aria-labelledby="trend-title">
      <h3 id="trend-title" className="chart-title">
        {trend.country}
        {trend.code ? ` (${trend.code})` : ''}: objects across {trend.points.length} snapshots
      </h3>
      <LineChart responsive style={{ width: '100%', height: 260 }} data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} role="img" aria-label={`Line chart of ${trend.country} across ${trend.points.length} snapshots`}>
        <CartesianGrid stroke={theme.grid} />
        <XAxis dataKey="asOf" stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 12 }} />
        <YAxis stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 12 }} tickFormatter={(v: number) => formatCount(v)} width={64} />
        <Tooltip formatter={(value) => formatCount(Number(value))} contentStyle={{ background: theme.surface, color: theme.text, borderColor: theme.grid }} />
        <Legend verticalAlign="top" height={32} itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
        {LINES.map((line) => (
          <Line key={line.key} dataKey={line.key} name={line.name} stroke={line.color} strokeWidth={2} strokeDasharray={line.dash} dot={{ r: 4 }} isAnimationActive={false} connectNulls={false} />
        ))}
      </LineChart>
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}
