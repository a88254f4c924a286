import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { BoxscoreResponse, ChangesResponse, HistoryEntry } from '../server/shared/contract.ts';
import { useBoxscore, useChanges, useHistory, usePrefetchDays } from './api/boxscore.ts';
import type { ChartOptions } from './features/chart/chart-data.ts';
import { BoxscoreChart, type BoxscoreChartProps } from './features/chart/boxscore-chart.tsx';
import { ChartControls } from './features/chart/chart-controls.tsx';
import { DayControl } from './features/any-day/day-control.tsx';
import { inRange, sameDayInYear, yearOf, type DayRange } from './features/any-day/day-range.ts';
import { SnapshotPickers } from './features/history/snapshot-pickers.tsx';
import { SourceLine, SourceNotice } from './features/source/source-notice.tsx';
import { HeadlineFigures } from './features/summary/headline-figures.tsx';
import { CountryTable } from './features/table/country-table.tsx';
import { filterRows, indexRows } from './features/table/filter.ts';
import { HIDEABLE_COLUMNS } from './features/table/columns.ts';
import { effectiveSort, nextSort, sortRows } from './features/table/sort.ts';
import { tableCsv } from './features/table/table-csv.ts';
import { withChanges } from './features/table/table-rows.ts';
import { TableToolbar } from './features/table/table-toolbar.tsx';
import { countCellAt } from './features/objects/count-cell.ts';
import type { ObjectsView } from './features/objects/objects-view.ts';
import { DEFAULT_TIMELINE } from './features/timeline/timeline-view.ts';
import { ThemeToggle } from './features/theme/theme-toggle.tsx';
import { CHART_THEMES, useTheme, type Theme } from './features/theme/use-theme.ts';
import { citationText } from './lib/citation.ts';
import { CsvButton } from './lib/csv-button.tsx';
import { ExportPngButton } from './lib/export-png-button.tsx';
import { useAfterPaint } from './lib/use-after-paint.ts';
import { useMediaQuery } from './lib/use-media-query.ts';
import { useUrlView, type UpdateView, type UrlView } from './use-url-view.ts';
import { chartTitle, exportFileName, MAX_LIMIT, type View } from './view.ts';

// The timeline and the objects list load on demand: the first view carries none of their code.
const TimelinePanel = lazy(() => import('./features/timeline/timeline-panel.tsx').then((m) => ({ default: m.TimelinePanel })));
const ObjectsDialog = lazy(() => import('./features/objects/objects-dialog.tsx').then((m) => ({ default: m.ObjectsDialog })));
const CountryDetail = lazy(() => import('./features/detail/country-detail.tsx').then((m) => ({ default: m.CountryDetail })));

/** `search`: the address's query string (the server renders with the request's; the browser's is the default). */
export function App({ search }: { search?: string }) {
  const { view, update, invalid, dismissInvalid, reject } = useUrlView(search);
  const { preference, theme, setPreference } = useTheme();
  const history = useHistory();

  // A snapshot date from a link is used once the history confirms it exists.
  const dates = useMemo(() => new Set(history.data?.snapshots.map((s) => s.asOf)), [history.data]);
  // With a catalogue, any day of its range can be shown (rebuilt where no real boxscore exists).
  const catalogue = history.data?.catalogue;
  const range = useMemo<DayRange | null>(() => (catalogue ? { first: catalogue.firstDay, last: catalogue.date } : null), [catalogue]);
  const known = useCallback((date: string) => dates.has(date) || inRange(date, range), [dates, range]);
  const checked = history.data !== undefined || history.isError;
  const validDate = (date: string | null) => (date && (history.isError || known(date)) ? date : null);
  const asOf = checked ? validDate(view.asOf) : null;
  // A snapshot is not compared with itself: the one shown is the linked one, else the newest.
  const shownDate = view.asOf ?? history.data?.snapshots.at(-1)?.asOf ?? null;
  const compare = checked && view.compare !== shownDate ? validDate(view.compare) : null;

  useEffect(() => {
    if (!history.data) return;
    // Dates the history does not have are reported and dropped from the address; the others stay.
    const unknown = ([['asOf', view.asOf], ['compare', view.compare]] as const).filter(([, date]) => date !== null && !known(date));
    if (unknown.length === 0) return;
    reject(
      unknown.map(([key, date]) => `${key}=${date}`),
      Object.fromEntries(unknown.map(([key]) => [key, null])),
    );
  }, [history.data, known, view.asOf, view.compare, reject]);

  // A linked snapshot date waits for the history to confirm it, rather than showing today's first.
  const boxscore = useBoxscore(asOf, view.asOf === null || checked);

  return (
    <main className="page">
      {/* The first stop for keyboard users: past the chart's many controls, straight to the table. */}
      {boxscore.data ? (
        <a className="skip-link" href="#countries">
          Skip to the country table
        </a>
      ) : null}
      <header className="page-header">
        <div>
          <h1>Objects in orbit and decayed, by country</h1>
          <p className="subtitle">The Space-Track.org boxscore: payloads, rocket bodies and debris for every country and organisation.</p>
        </div>
        <ThemeToggle preference={preference} onChange={setPreference} />
      </header>
      {invalid.length > 0 ? (
        <div role="status" className="notice info link-notice">
          <p>
            Some settings in this link were not understood and were reset to their defaults: <code>{invalid.join(', ')}</code>.
          </p>
          <button
            type="button"
            onClick={dismissInvalid}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      {boxscore.isPending ? (
        <p role="status" className="loading">
          Loading the boxscore…
        </p>
      ) : boxscore.isError && !boxscore.data ? (
        <div role="alert" className="notice error">
          <p>The boxscore could not be loaded: {boxscore.error.message}</p>
          <button type="button" onClick={() => void boxscore.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <Dashboard data={boxscore.data} checkFailed={boxscore.isError ? boxscore.error.message : null} snapshots={history.data?.snapshots ?? null} range={range} view={view} compare={compare} update={update} reject={reject} theme={theme} />
      )}
    </main>
  );
}


/** Up to this many rows (the real boxscore has 85) a filter applies in the keystroke's own frame; beyond, a frame later. */
const FILTER_IN_FRAME_MAX_ROWS = 200;

/**
 * The chart follows the table: its rows and title change together once the table's frame is
 * painted (recharts is far more work). The deferred state lives here, so only the chart renders
 * again when it catches up, not the whole dashboard.
 */
function ChartAfterTable(props: BoxscoreChartProps) {
  const shown = useAfterPaint(useMemo(() => ({ rows: props.rows, title: props.title }), [props.rows, props.title]));
  return <BoxscoreChart {...props} rows={shown.rows} title={shown.title} />;
}

interface DashboardProps {
  data: BoxscoreResponse;
  /** A later check for a newer copy failed (the data shown is the last one received). */
  checkFailed: string | null;
  snapshots: readonly HistoryEntry[] | null;
  /** Days the catalogue can rebuild; null without a catalogue. */
  range: DayRange | null;
  view: View;
  compare: string | null;
  update: UpdateView;
  reject: UrlView['reject'];
  theme: Theme;
}

function Dashboard({ data, checkFailed, snapshots, range, view, compare, update, reject, theme }: DashboardProps) {
  const figureRef = useRef<HTMLElement>(null);
  const narrow = useMediaQuery('(max-width: 640px)');
  const chartTheme = CHART_THEMES[theme];
  const { source } = data;
  const newest = snapshots?.at(-1)?.asOf ?? source.asOf;
  // The year slider's neighbours (the same day a year before and after), fetched ahead.
  const neighbours = range ? [yearOf(source.asOf) - 1, yearOf(source.asOf) + 1].map((y) => sameDayInYear(source.asOf, y, range)).filter((d) => d !== source.asOf && d !== newest) : [];
  usePrefetchDays(neighbours);
  // The timeline's data is asked for as soon as it is opened, beside its code, not after it (a no-op when cached).
  const queryClient = useQueryClient();
  const timeline = view.timeline;
  useEffect(() => {
    if (timeline && range) void import('./api/catalogue.ts').then((m) => m.prefetchTimeline(queryClient, timeline));
  }, [queryClient, timeline, range]);
  const changes = useChanges(compare, compare ? source.asOf : null);
  const comparison: ChangesResponse | undefined = compare ? changes.data : undefined;

  const tableRows = useMemo(() => withChanges(data.rows, comparison?.rows, data.totals.counts.orbitalTotal), [data.rows, comparison, data.totals]);
  const index = useMemo(() => indexRows(tableRows), [tableRows]);
  // Typing stays responsive: a large table follows the filter a frame later if it must; a table
  // the size of the real boxscore filters in the keystroke's own frame.
  const deferredFilter = useDeferredValue(view.filter);
  const filter = tableRows.length > FILTER_IN_FRAME_MAX_ROWS ? deferredFilter : view.filter;
  const onlyChanged = Boolean(comparison) && view.onlyChanged;
  const filtered = useMemo(() => filterRows(index, filter, onlyChanged), [index, filter, onlyChanged]);
  // Sorting on a change needs a comparison; without one the default order applies.
  const sort = useMemo(() => effectiveSort(view.sort, Boolean(comparison)), [comparison, view.sort]);
  const rows = useMemo(() => sortRows(filtered, sort), [filtered, sort]);

  // A chart of changes needs the comparison: counts until it has loaded.
  const measure = view.measure === 'change' && !comparison ? 'absolute' : view.measure;
  const chartOptions: ChartOptions = useMemo(
    () => ({ mode: view.mode, scale: view.scale, measure, types: view.types, limit: view.limit, others: view.others }),
    [view.mode, view.scale, measure, view.types, view.limit, view.others],
  );
  // What the page shows, for titles and file names: the sort, measure and comparison in effect.
  const shown: View = { ...view, filter, onlyChanged, sort, compare, measure };
  const barsShown = Math.min(view.limit, rows.length);
  const othersShown = view.others ? rows.length - barsShown : 0;
  const caption = citationText(source);
  const openObjects = useCallback((objects: ObjectsView | null) => objects && update({ objects }), [update]);
  const objectsRow = view.objects?.code ? data.rows.find((r) => r.code?.toUpperCase() === view.objects!.code!.toUpperCase()) : undefined;
  const countryOptions = useMemo(() => data.rows.flatMap((r) => (r.code ? [{ code: r.code, country: r.country }] : [])), [data.rows]);
  const selectCountry = useCallback((code: string) => update({ country: code }), [update]);
  const detailRow = view.country ? data.rows.find((r) => r.code?.toUpperCase() === view.country?.toUpperCase()) : undefined;
  useEffect(() => {
    if (view.country && !detailRow) reject([`country=${view.country}`], { country: null });
  }, [view.country, detailRow, reject]);
  useEffect(() => {
    if (view.objects?.code && !objectsRow) reject([`objects=${view.objects.code}:${view.objects.count}`], { objects: null });
  }, [view.objects, objectsRow, reject]);
  const emptyMessage = filter.trim()
    ? `No countries match “${filter.trim()}”${onlyChanged ? ' among those that changed' : ''}.`
    : onlyChanged
      ? `No country changed between ${compare} and ${source.asOf}.`
      : 'No countries.';

  return (
    <>
      <div className="source-bar">
        <SourceNotice source={source} issues={data.issues} checkFailed={checkFailed} />
      </div>
      {snapshots && snapshots.length > 1 ? (
        <SnapshotPickers
          snapshots={snapshots}
          asOf={source.asOf}
          currentAsOf={snapshots.at(-1)!.asOf}
          compare={compare}
          onAsOf={(asOf) => update(compare === (asOf ?? snapshots.at(-1)!.asOf) ? { asOf, compare: null } : { asOf })}
          onCompare={(value) => update({ compare: value || null })}
        />
      ) : null}
      {range ? (
        <DayControl
          range={range}
          shown={source.asOf}
          kind={source.kind}
          compare={compare}
          onDay={(day) => {
            const asOf = day === newest ? null : day;
            update(compare === (day ?? newest) ? { asOf, compare: null } : { asOf });
          }}
          onCompare={(day) => update({ compare: day })}
        />
      ) : null}
      {compare && changes.isError ? (
        <p role="alert" className="notice error">
          The comparison with {compare} could not be loaded: {changes.error.message}
        </p>
      ) : null}
      <HeadlineFigures totals={data.totals} countries={data.rows.length} delta={comparison ? { counts: comparison.totals.delta, since: comparison.from.asOf } : null} />

      {range ? (
        view.timeline ? (
          <Suspense
            fallback={
              <p role="status" className="panel">
                Loading the timeline…
              </p>
            }
          >
            <TimelinePanel
              view={view.timeline}
              onChange={(patch, options) => update((current) => ({ timeline: { ...(current.timeline ?? DEFAULT_TIMELINE), ...patch } }), options)}
              onClose={() => update({ timeline: null })}
              countries={countryOptions}
              theme={chartTheme}
              narrow={narrow}
            />
          </Suspense>
        ) : (
          <p className="timeline-open">
            <button type="button" onClick={() => update({ timeline: DEFAULT_TIMELINE })}>
              Show the timeline since 1957
            </button>
          </p>
        )
      ) : null}

      <section aria-labelledby="chart-heading" className="panel">
        <div className="panel-header">
          <h2 id="chart-heading">Chart</h2>
          <ExportPngButton target={figureRef} fileName={exportFileName(shown, source.asOf, 'png')} theme={theme} />
        </div>
        <ChartControls options={chartOptions} comparing={Boolean(comparison)} onChange={(patch) => update(patch, { replace: 'limit' in patch })} maxLimit={Math.min(MAX_LIMIT, Math.max(data.rows.length, 1))} />
        <ChartAfterTable rows={rows} options={chartOptions} theme={chartTheme} narrow={narrow} title={chartTitle(shown, barsShown, othersShown)} caption={caption} figureRef={figureRef} />
      </section>

      <section id="countries" tabIndex={-1} aria-labelledby="table-heading" className="panel">
        <h2 id="table-heading">Countries</h2>
        <TableToolbar
          filter={view.filter}
          onFilter={(value) => update({ filter: value }, { replace: true })}
          shown={rows.length}
          total={tableRows.length}
          comparing={Boolean(comparison)}
          onlyChanged={onlyChanged}
          onOnlyChanged={(value) => update({ onlyChanged: value })}
          hidden={view.hidden}
          onHidden={(key, hide) => update((current) => ({ hidden: HIDEABLE_COLUMNS.map((c) => c.key).filter((k) => (k === key ? hide : current.hidden.includes(k))) }))}
        >
          <CsvButton build={() => tableCsv(rows, view.hidden, comparison ? comparison.from.asOf : null)} fileName={exportFileName(shown, source.asOf, 'csv')} />
        </TableToolbar>
        {/* A count lists its objects (from the catalogue): a click, or Enter on a focused cell. */}
        <div
          className="table-counts"
          onClick={range ? (e) => openObjects(countCellAt(e.target)) : undefined}
          onKeyDown={range ? (e) => e.key === 'Enter' && openObjects(countCellAt(e.target)) : undefined}
        >
        <CountryTable
          rows={rows}
          totalRows={tableRows.length}
          totals={data.totals}
          totalsDelta={comparison?.totals.delta ?? null}
          compareAsOf={comparison ? comparison.from.asOf : null}
          hidden={view.hidden}
          sort={sort}
          onSort={(key) => update((current) => ({ sort: nextSort(effectiveSort(current.sort, Boolean(comparison)), key) }))}
          emptyMessage={emptyMessage}
          onClearFilter={() => update({ filter: '', onlyChanged: false })}
          onSelectCountry={selectCountry}
        />
        </div>
      </section>

      {detailRow ? (
        <Suspense fallback={null}>
          <CountryDetail
            key={detailRow.code}
            row={detailRow}
            rows={data.rows}
            totals={data.totals}
            asOf={source.asOf}
            theme={chartTheme}
            caption={caption}
            exportFileName={`boxscore-trend-${detailRow.code?.toLowerCase() ?? 'country'}-${source.asOf}.png`}
            onClose={() => update({ country: null })}
            onListObjects={range ? (count) => update({ objects: { code: detailRow.code, count } }) : undefined}
          />
        </Suspense>
      ) : null}

      {range && view.objects && (view.objects.code === null || objectsRow) ? (
        <Suspense fallback={null}>
          <ObjectsDialog
            key={`${view.objects.code ?? '*'}:${view.objects.count}:${source.asOf}`}
            subject={{
              kind: 'count',
              code: objectsRow?.code ?? null,
              who: objectsRow ? `${objectsRow.country} (${objectsRow.code})` : 'All countries',
              count: view.objects.count,
              value: (objectsRow?.counts ?? data.totals.counts)[view.objects.count],
              asOf: source.asOf,
              real: source.kind !== 'rebuilt',
            }}
            onClose={() => update({ objects: null })}
          />
        </Suspense>
      ) : null}

      <footer className="page-footer">
        <SourceLine source={source} />
        <p>Data from Space-Track.org is subject to its user agreement. The embedded 2015 snapshots are real Space-Track answers.</p>
      </footer>
    </>
  );
}
