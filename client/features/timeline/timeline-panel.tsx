/**
 * The timeline since 1957 (loaded on demand: the page's first load carries none of it). World or
 * up to twelve countries, from the catalogue's timeline; every setting lives in the address.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { BreakupEvent } from '../../../server/shared/contract.ts';
import { TIMELINE_EVENTS, useEvents, useTimeline } from '../../api/catalogue.ts';
import { Choice } from '../../lib/choice.tsx';
import { CsvButton } from '../../lib/csv-button.tsx';
import { toCsv } from '../../lib/csv.ts';
import { ExportPngButton } from '../../lib/export-png-button.tsx';
import { formatCount } from '../../lib/format.ts';
import type { ChartTheme } from '../theme/use-theme.ts';
import { CountryPicker, type CountryOption } from './country-picker.tsx';
import { brushIndexes, timelineCsvRows, timelinePlot } from './timeline-data.ts';
import { TimelineChart, type EventMark } from './timeline-chart.tsx';
import { drawsLines, TIMELINE_MEASURES, TIMELINE_SHOWS, type TimelineView } from './timeline-view.ts';

interface Props {
  view: TimelineView;
  onChange: (patch: Partial<TimelineView>, options?: { replace?: boolean }) => void;
  onClose: () => void;
  countries: readonly CountryOption[];
  theme: ChartTheme;
  narrow: boolean;
}

const ObjectsDialog = lazy(() => import('../objects/objects-dialog.tsx').then((m) => ({ default: m.ObjectsDialog })));
// The brush moves many times a second; the address follows once it rests.
const BRUSH_SETTLE_MS = 250;

export function TimelinePanel({ view, onChange, onClose, countries, theme, narrow }: Props) {
  const figureRef = useRef<HTMLElement>(null);
  const timeline = useTimeline({ codes: view.codes, step: view.step });
  const events = useEvents(TIMELINE_EVENTS);
  // The event whose pieces are listed (a dialog over the timeline).
  const [piecesOf, setPiecesOf] = useState<BreakupEvent | null>(null);
  const data = timeline.data;
  const plot = useMemo(() => (data ? timelinePlot(data, view) : null), [data, view]);
  const dates = useMemo(() => data?.dates ?? [], [data]);
  const fromView = useMemo(() => brushIndexes(dates, view.from, view.to), [dates, view.from, view.to]);
  // The brush moves on its own while dragged; the address (Back, a new step) moves it too.
  const [range, setRange] = useState(fromView);
  const [followed, setFollowed] = useState(fromView);
  if (followed !== fromView) {
    setFollowed(fromView);
    setRange(fromView);
  }
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);

  const onRange = ([start, end]: [number, number]) => {
    setRange([start, end]);
    clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      const whole = start === 0 && end === dates.length - 1;
      onChange({ from: whole ? null : (dates[start] ?? null), to: whole ? null : (dates[end] ?? null) }, { replace: true });
    }, BRUSH_SETTLE_MS);
  };

  // A breakup is marked at the step of the month most of its pieces were catalogued in, by its number in the list.
  const marks: EventMark[] = useMemo(() => {
    if (!events.data || dates.length === 0) return [];
    const middle = (range[0] + range[1]) / 2;
    return events.data.events.flatMap((e, i) => {
      const at = dates.findIndex((d) => d >= `${e.busiestMonth}-01`);
      return at >= range[0] && at <= range[1] ? [{ date: dates[at]!, label: String(i + 1), name: e.name, pieces: e.pieces, right: at > middle }] : [];
    });
  }, [events.data, dates, range]);

  const lines = drawsLines(view);
  const fileBase = `timeline-${view.codes.length > 0 ? view.codes.join('-').toLowerCase() : 'world'}-${view.step}`;

  return (
    <section aria-labelledby="timeline-heading" className="panel timeline">
      <div className="panel-header">
        <h2 id="timeline-heading">Timeline since 1957</h2>
        <div className="panel-actions">
          {plot ? (
            <>
              <ExportPngButton target={figureRef} fileName={`${fileBase}.png`} theme={theme.name} label="Export timeline PNG" />
              <CsvButton
                label="Export timeline CSV"
                build={() => {
                  const { header, rows } = timelineCsvRows(plot, range);
                  return toCsv(header, rows);
                }}
                fileName={`${fileBase}.csv`}
              />
            </>
          ) : null}
          <button type="button" onClick={onClose}>
            Close timeline
          </button>
        </div>
      </div>
      <CountryPicker codes={view.codes} options={countries} onCodes={(codes) => onChange({ codes, from: view.from, to: view.to })} />
      <div className="chart-controls">
        <Choice legend="Objects" value={view.show} options={TIMELINE_SHOWS} onChange={(show) => onChange({ show })} />
        <Choice legend="Count compared" value={view.measure} options={TIMELINE_MEASURES} onChange={(measure) => onChange({ measure })} disabled={!lines} />
        <Choice
          legend="Scale"
          value={lines ? view.scale : 'linear'}
          options={[['linear', 'Linear'], ['log', 'Log']]}
          onChange={(scale) => onChange({ scale })}
          disabled={!lines}
        />
        <Choice legend="Step" value={view.step} options={[['year', 'Year'], ['month', 'Month']]} onChange={(step) => onChange({ step, from: null, to: null })} />
      </div>
      <p className="hint">
        {lines
          ? 'One line per country on the count compared. A log scale shows small and large countries together; a zero has no place on it and is left out of the line.'
          : 'One country or the world is stacked by type (linear only: a stack has no meaning on a log scale). Add a second country to compare them as lines.'}{' '}
        Drag the handles under the chart to zoom.
      </p>
      {timeline.isPending ? (
        <p role="status">Loading the timeline…</p>
      ) : timeline.isError ? (
        <div role="alert" className="notice error">
          <p>The timeline could not be loaded: {timeline.error.message}</p>
          {view.codes.length > 0 ? (
            <button type="button" onClick={() => onChange({ codes: [] })}>
              Show the world
            </button>
          ) : null}
        </div>
      ) : plot && data ? (
        <TimelineChart plot={plot} theme={theme} narrow={narrow} range={range} onRange={onRange} events={marks} caption={`${data.citation} · rebuilt counts, ${dates[range[0]]} to ${dates[range[1]]}`} figureRef={figureRef} monthly={view.step === 'month'} />
      ) : null}
      {events.data ? (
        <div className="events">
          <h3>The largest debris events</h3>
          <p className="hint">Launches whose breakups left the most catalogued debris, found from the catalogue; numbered as marked on the chart (at the month most pieces were catalogued).</p>
          <ol className="event-list">
            {events.data.events.map((e) => (
              <li key={e.launch}>
                <strong>{e.name}</strong> ({e.country}, launch {e.launch}): {formatCount(e.pieces)} pieces, {formatCount(e.inOrbit)} still in orbit; most catalogued in {e.busiestMonth}.{' '}
                <button type="button" className="link-button" onClick={() => setPiecesOf(e)}>
                  List the {formatCount(e.pieces)} pieces of {e.name}
                </button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {piecesOf && events.data ? (
        <Suspense fallback={null}>
          <ObjectsDialog key={piecesOf.launch} subject={{ kind: 'event', launch: piecesOf.launch, name: piecesOf.name, asOf: events.data.catalogue.date }} onClose={() => setPiecesOf(null)} />
        </Suspense>
      ) : null}
    </section>
  );
}
