import type { TooltipContentProps } from 'recharts';
import { formatCount, formatShare } from '../../lib/format.ts';
import type { ChartDatum, Series } from './chart-data.ts';
import { Swatch } from './swatch.tsx';

/** Exact counts and the full name, whatever the scale draws. */
export function ChartTooltip({ active, payload, series, share }: Pick<TooltipContentProps, 'active' | 'payload'> & { series: readonly Series[]; share: boolean }) {
  const datum = payload?.[0]?.payload as ChartDatum | undefined;
  if (!active || !datum) return null;
  const stacks = (['orbital', 'decayed'] as const).filter((stack) => series.some((s) => s.stack === stack));
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
              {share ? <td className="num muted">{formatShare((datum.plotted[s.key] ?? 0) / 100)}</td> : null}
            </tr>
          ))}
          {stacks.map((stack) => (
            <tr key={stack} className="total">
              <td>{stack === 'orbital' ? 'In orbit (all types)' : 'Decayed (all types)'}</td>
              <td className="num">{formatCount(datum.counts[stack === 'orbital' ? 'orbitalTotal' : 'decayedTotal'])}</td>
              {share ? <td /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
