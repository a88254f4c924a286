import { lazy, Suspense, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { BoxscoreResponse } from '../server/boxscore/contract.ts';
import { useBoxscore } from './api/boxscore.ts';
import { ChartControls } from './features/chart/chart-controls.tsx';
import { ExportButton } from './features/export/export-button.tsx';
import { RefreshButton } from './features/source/refresh-button.tsx';
import { SourceLine, SourceNotice } from './features/source/source-notice.tsx';
import { HeadlineFigures } from './features/summary/headline-figures.tsx';
import { CountryTable } from './features/table/country-table.tsx';
import { filterRows, indexRows } from './features/table/filter.ts';
import { nextSort, sortRows } from './features/table/sort.ts';
import { TableToolbar } from './features/table/table-toolbar.tsx';
import { citationText } from './lib/citation.ts';
import { chartTitle, DEFAULT_VIEW, exportFileName, type View } from './view.ts';

// recharts is the largest dependency: load it after the figures and the table are on screen.
const BoxscoreChart = lazy(() => import('./features/chart/boxscore-chart.tsx').then((m) => ({ default: m.BoxscoreChart })));

export function App() {
  const boxscore = useBoxscore();
  return (
    <main className="page">
      <header className="page-header">
        <h1>Objects in orbit and decayed, by country</h1>
        <p className="subtitle">The Space-Track.org boxscore: payloads, rocket bodies and debris for every country and organisation.</p>
      </header>
      {boxscore.isPending ? (
        <p role="status" className="loading">
          Loading the boxscore…
        </p>
      ) : boxscore.isError ? (
        <div role="alert" className="notice error">
          <p>The boxscore could not be loaded: {boxscore.error.message}</p>
          <button type="button" onClick={() => void boxscore.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <Dashboard data={boxscore.data} />
      )}
    </main>
  );
}

function Dashboard({ data }: { data: BoxscoreResponse }) {
  const [view, setView] = useState<View>(DEFAULT_VIEW);
  const update = (patch: Partial<View>) => setView((v) => ({ ...v, ...patch }));
  const figureRef = useRef<HTMLElement>(null);

  const index = useMemo(() => indexRows(data.rows), [data.rows]);
  // Typing stays responsive: the table and chart follow the filter a frame later if they must.
  const filter = useDeferredValue(view.filter);
  const filtered = useMemo(() => filterRows(index, filter), [index, filter]);
  const rows = useMemo(() => sortRows(filtered, view.sort), [filtered, view.sort]);
  const charted = Math.min(view.limit, rows.length);
  const { source } = data;

  return (
    <>
      <div className="source-bar">
        <SourceNotice source={source} issues={data.issues} />
        {source.kind === 'live' || source.stale ? <RefreshButton /> : null}
      </div>
      <HeadlineFigures totals={data.totals} countries={data.rows.length} />

      <section aria-labelledby="chart-heading" className="panel">
        <div className="panel-header">
          <h2 id="chart-heading">Chart</h2>
          <ExportButton target={figureRef} fileName={exportFileName(view, source.asOf)} />
        </div>
        <ChartControls
          mode={view.mode}
          onMode={(mode) => update({ mode })}
          scale={view.scale}
          onScale={(scale) => update({ scale })}
          limit={view.limit}
          onLimit={(limit) => update({ limit })}
          maxLimit={data.rows.length}
        />
        <Suspense fallback={<p className="chart-loading" role="status">Loading the chart…</p>}>
          <BoxscoreChart
            rows={rows}
            mode={view.mode}
            scale={view.scale}
            limit={view.limit}
            title={chartTitle({ ...view, filter }, charted)}
            caption={citationText(source)}
            figureRef={figureRef}
          />
        </Suspense>
      </section>

      <section aria-labelledby="table-heading" className="panel">
        <h2 id="table-heading">Countries</h2>
        <TableToolbar filter={view.filter} onFilter={(value) => update({ filter: value })} shown={rows.length} total={data.rows.length} />
        <CountryTable
          rows={rows}
          totalRows={data.rows.length}
          totals={data.totals}
          sort={view.sort}
          onSort={(key) => update({ sort: nextSort(view.sort, key) })}
          filter={filter}
          onClearFilter={() => update({ filter: '' })}
        />
      </section>

      <footer className="page-footer">
        <SourceLine source={source} />
        <p>Data from Space-Track.org is subject to its user agreement. The embedded 2015 snapshots are real Space-Track answers.</p>
      </footer>
    </>
  );
}
