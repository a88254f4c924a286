/**
 * The chart figure: title, legend, plot and source line. Everything but the plot renders without
 * recharts, so the figure is in the first paint; the plot is the server's picture (or a loading
 * line) until the recharts module has loaded (use-chart-plot.ts, chart-picture.ts).
 */
import { memo, useContext, useMemo, useState, type Ref } from 'react';
import type { ChartTheme } from '../theme/use-theme.ts';
import { drawnSeries, nameKey, seriesFor, toChartData, type ChartOptions, type ChartRow } from './chart-data.ts';
import { ChartPictureContext, plotId } from './chart-picture.ts';
import { Swatch } from './swatch.tsx';
import { loadChartPlot, useChartPlot } from './use-chart-plot.ts';

export interface BoxscoreChartProps {
  /** Rows in the table's current order and filter (with their changes when comparing). */
  rows: readonly ChartRow[];
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

/** Whether two row lists chart the same: the same row objects in the first N places (all places with "Others"). */
function sameCharted(a: readonly ChartRow[], b: readonly ChartRow[], limit: number, others: boolean): boolean {
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
function useChartedRows(rows: readonly ChartRow[], limit: number, others: boolean): readonly ChartRow[] {
  const [kept, setKept] = useState(rows);
  const same = kept === rows || sameCharted(kept, rows, limit, others);
  // Adjusting state while rendering (React's pattern for derived state): no extra effect pass.
  if (!same) setKept(rows);
  return same ? kept : rows;
}

/** Memoised: the page re-renders on every input, and the chart only needs to when its own props change. */
export const BoxscoreChart = memo(function BoxscoreChart({ rows, options, theme, narrow, title, caption, figureRef }: BoxscoreChartProps) {
  const charted = useChartedRows(rows, options.limit, options.others);
  const data = useMemo(() => toChartData(charted, options, narrow ? 14 : 24), [charted, options, narrow]);
  const series = useMemo(() => seriesFor(options.mode, options.types), [options.mode, options.types]);
  const drawn = useMemo(() => drawnSeries(data, series, options), [data, series, options]);
  const { plot: Plot, error } = useChartPlot();
  const slot = useContext(ChartPictureContext);
  const nothing = data.length > 0 && series.length > 0 && drawn.length === 0;
  const empty = data.length === 0 || series.length === 0 || nothing;
  const key = useMemo(() => nameKey(data), [data]);

  let plot;
  if (empty) {
    plot = (
      <p className="chart-empty">
        {series.length === 0
          ? 'No object types are selected: choose at least one to chart.'
          : data.length === 0
            ? 'No countries to chart: the filter matches none.'
            : options.measure === 'change'
              ? 'Nothing to draw: none of these counts changed for these countries.'
              : 'Nothing to draw: these countries have none of the chosen objects.'}
      </p>
    );
  } else if (Plot) {
    plot = <Plot data={data} series={drawn} options={options} theme={theme} narrow={narrow} />;
  } else {
    // Until recharts is here: the server's picture when it shows this very plot.
    const id = slot.picture || slot.sketch ? plotId({ data, series: drawn, options }) : '';
    if (slot.picture?.plotId === id) {
      // Hydrating: the markup the server drew, read back from the page (boot.tsx).
      plot = <div className="chart-picture" data-plot={id} dangerouslySetInnerHTML={{ __html: slot.picture.html }} />;
    } else if (slot.sketch) {
      plot = (
        <div className="chart-picture" data-plot={id}>
          {slot.sketch({ data, series: drawn, options, theme, narrow })}
        </div>
      );
    } else {
      plot = error ? (
        <p className="chart-loading" role="alert">
          The chart could not be loaded ({error.message}).{' '}
          <button type="button" className="link-button" onClick={() => void loadChartPlot()}>
            Try again
          </button>
        </p>
      ) : (
        <p className="chart-loading" role="status">
          Loading the chart…
        </p>
      );
    }
  }

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
            <Swatch color={s.color} />
            {s.name}
            {empty || drawn.includes(s) ? '' : options.measure === 'change' ? ': no change' : ': none'}
          </li>
        ))}
      </ul>
      {plot}
      {/* The names in full, for the PNG only (png.ts shows it in the exported copy): on screen the
          tooltip and the table give them, and the chart keeps its room for the bars. */}
      {key.length > 0 && !empty ? (
        <div className="chart-key png-only">
          <p className="chart-key-title">Names in full</p>
          <dl>
            {key.map((entry) => (
              <div key={entry.label}>
                <dt>{entry.label}</dt>
                <dd>{entry.name}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
});
