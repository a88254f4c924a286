import type { TooltipContentProps } from 'recharts';
import { formatCount, formatDelta, formatShare } from '../../lib/format.ts';
import type { ChartDatum, ChartMeasure, Series } from './chart-data.ts';
import { Swatch } from './swatch.tsx';

/** Exact counts (and shares or changes) and the full name, whatever the scale draws. */
export function ChartTooltip({ active, payload, series, measure }: Pick<TooltipContentProps, 'active' | 'payload'> & { series: readonly Series[]; measure: ChartMeasure }) {
  const datum = payload?.[0]?.payload as ChartDatum | undefined;
  if (!active || !datum) return null;
  const stacks = (['orbital', 'decayed'] as const).filter((stack) => series.some((s) => s.stack === stack));
  const extra = (value: number | null) => (measure === 'absolute' ? null : <td className="num muted">{value === null ? '' : measure === 'share' ? formatShare(value / 100) : formatDelta(value)}</td>);
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">
        {datum.country}
        {datum.code ? ` (${datum.code})` : ''}
      </p>
      <table>
        <tbody>
          {series.map((s) => (
            <tr key={s.key}>
              <td>
                <Swatch color={s.color} />
                {s.name}
              </td>
              <td className="num">{formatCount(datum.counts[s.key])}</td>
              {extra(datum.plotted[s.key] ?? 0)}
            </tr>
          ))}
          {stacks.map((stack) => {
            const key = stack === 'orbital' ? 'orbitalTotal' : 'decayedTotal';
            return (
              <tr key={stack} className="total">
                <td>{stack === 'orbital' ? 'In orbit (all types)' : 'Decayed (all types)'}</td>
                <td className="num">{formatCount(datum.counts[key])}</td>
                {extra(measure === 'change' ? (datum.delta?.[key] ?? 0) : null)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
