import { useEffect, useRef } from 'react';
import type { CountKey, CountryRow, Totals } from '../../../server/shared/contract.ts';
import { useTrend } from '../../api/trend.ts';
import { ExportPngButton } from '../../lib/export-png-button.tsx';
import { formatCount, formatShare } from '../../lib/format.ts';
import type { ChartTheme } from '../theme/use-theme.ts';
import { countryStats } from './country-stats.ts';
import { TrendChart } from './trend-chart.tsx';

interface Props {
  row: CountryRow;
  rows: readonly CountryRow[];
  totals: Totals;
  asOf: string;
  theme: ChartTheme;
  caption: string;
  exportFileName: string;
  onClose: () => void;
  /** Lists the objects behind one of the counts (with a catalogue); absent, the counts are plain text. */
  onListObjects?: (count: CountKey) => void;
}

const GROUPS: { title: string; keys: [CountKey, string][] }[] = [
  {
    title: 'In orbit',
    keys: [
      ['orbitalPayload', 'Payload'],
      ['orbitalRocketBody', 'Rocket body'],
      ['orbitalDebris', 'Debris'],
      ['orbitalTba', 'TBA'],
      ['orbitalTotal', 'Total in orbit'],
    ],
  },
  {
    title: 'Decayed',
    keys: [
      ['decayedPayload', 'Payload'],
      ['decayedRocketBody', 'Rocket body'],
      ['decayedDebris', 'Debris'],
      ['decayedTotal', 'Total decayed'],
    ],
  },
  { title: 'All', keys: [['countryTotal', 'Country total']] },
];

/** A modal dialog (native <dialog>: focus is kept inside, Escape closes it) with one country's detail. */
export function CountryDetail({ row, rows, totals, asOf, theme, caption, exportFileName, onClose, onListObjects }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trendRef = useRef<HTMLElement>(null);
  const trend = useTrend(row.code);
  const stats = new Map(countryStats(rows, totals, row).map((s) => [s.key, s]));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="detail" aria-labelledby="detail-title" onClose={onClose}>
      <div className="detail-header">
        <h2 id="detail-title">
          {row.country}
          {row.code ? <span className="detail-code"> ({row.code})</span> : null}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label="Close the country detail">
          Close
        </button>
      </div>
      <table className="detail-table">
        <caption>
          As of {asOf}: counts, share of the world total and rank among {rows.length} countries
        </caption>
        <thead>
          <tr>
            <th scope="col">Objects</th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col" className="num">
              Share of world
            </th>
            <th scope="col" className="num">
              Rank
            </th>
          </tr>
        </thead>
        {GROUPS.map((group) => (
          <tbody key={group.title}>
            <tr>
              <th scope="rowgroup" colSpan={4} className="detail-group">
                {group.title}
              </th>
            </tr>
            {group.keys.map(([key, label]) => {
              const stat = stats.get(key)!;
              return (
                <tr key={key} data-key={key}>
                  <th scope="row">{label}</th>
                  <td className="num">
                    {stat.missing ? (
                      '—'
                    ) : onListObjects ? (
                      <button type="button" className="count-button" onClick={() => onListObjects(key)} title={`List these objects: ${label.toLowerCase()}`}>
                        {formatCount(stat.value)}
                      </button>
                    ) : (
                      formatCount(stat.value)
                    )}
                  </td>
                  <td className="num">{stat.missing || stat.share === null ? '—' : formatShare(stat.share)}</td>
                  <td className="num">{stat.missing || stat.rank === null ? '—' : `${stat.rank} of ${rows.length}`}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <div className="detail-trend">
        <div className="panel-header">
          <h3>Trend</h3>
          {trend.data ? <ExportPngButton target={trendRef} fileName={exportFileName} theme={theme.name} label="Export trend PNG" /> : null}
        </div>
        {trend.isPending ? (
          <p role="status">Loading the trend…</p>
        ) : trend.isError ? (
          <p role="alert">The trend could not be loaded: {trend.error.message}</p>
        ) : (
          <TrendChart trend={trend.data} theme={theme} caption={caption} figureRef={trendRef} />
        )}
      </div>
    </dialog>
  );
}
