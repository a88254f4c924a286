/**
 * The objects behind one count of the boxscore, or the pieces of one breakup (loaded on demand):
 * a modal list from the catalogue, sortable and paged, with all of them as CSV.
 */
import { useEffect, useRef, useState } from 'react';
import type { CountKey } from '../../../server/shared/counts.ts';
import type { CatalogueObject, ObjectsResponse } from '../../../server/shared/contract.ts';
import { apiFetch } from '../../api/client.ts';
import { objectsPath, useObjects, type ObjectsRequest } from '../../api/catalogue.ts';
import { COUNT_LABELS } from '../../lib/count-labels.ts';
import { downloadText, toCsv } from '../../lib/csv.ts';
import { formatCount } from '../../lib/format.ts';
import { COUNT_FILTERS, listsDecayedUnknown, nextObjectSort, OBJECT_COLUMNS } from './objects-query.ts';

/** A count of the boxscore: one country's (or every country's) cell of one day. */
export interface CountSubject {
  kind: 'count';
  code: string | null;
  /** "FRANCE (FR)", or "All countries". */
  who: string;
  count: CountKey;
  /** The count as the table shows it. */
  value: number;
  asOf: string;
  /** The day's figures are a real boxscore (the list comes from the catalogue all the same). */
  real: boolean;
}

/** A breakup event: the catalogued debris of one launch, at the catalogue's date. */
export interface EventSubject {
  kind: 'event';
  launch: string;
  /** The object the pieces came from. */
  name: string;
  asOf: string;
}

interface Props {
  subject: CountSubject | EventSubject;
  onClose: () => void;
}

type Filter = Omit<ObjectsRequest, 'sort' | 'offset' | 'limit'>;

/** What is listed: the request's filter, the words for it, the CSV's name. */
function describe(subject: CountSubject | EventSubject): { filter: Filter; title: string; what: string; fileName: string } {
  if (subject.kind === 'event') {
    const what = `debris of ${subject.name} (launch ${subject.launch}), ${subject.asOf}`;
    return {
      filter: { code: null, type: 'debris', state: null, launch: subject.launch, asOf: subject.asOf },
      title: `The pieces of a breakup: ${what}`,
      what,
      fileName: `objects-launch-${subject.launch}-debris-${subject.asOf}.csv`,
    };
  }
  const { code, count, who, asOf } = subject;
  const what = `${COUNT_LABELS[count]}, ${who}, ${asOf}`;
  return {
    filter: { code, ...COUNT_FILTERS[count], launch: null, asOf },
    title: `The objects behind a count: ${what}`,
    what,
    fileName: `objects-${(code ?? 'all').toLowerCase()}-${count}-${asOf}.csv`,
  };
}

const PAGE = 100;
const CSV_PAGE = 500;
const SPACE_TRACK_SATCAT = 'https://www.space-track.org/#catalog';

export function ObjectsDialog({ subject, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [sort, setSort] = useState('noradId');
  const [page, setPage] = useState(0);
  const [csv, setCsv] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { filter, title, what, fileName } = describe(subject);
  const request: ObjectsRequest = { ...filter, sort, offset: page * PAGE, limit: PAGE };
  const objects = useObjects(request);
  // The decayed objects of unknown type, listed with a count's objects but counted in none (asked only when they can be among them).
  const countsUnknown = subject.kind === 'count' && listsDecayedUnknown(subject.count);
  const unknown = useObjects({ code: filter.code, type: 'tba', state: 'decayed', launch: null, asOf: filter.asOf, sort: 'noradId', offset: 0, limit: 1 }, countsUnknown);
  const decayedUnknown = countsUnknown ? (unknown.data?.total ?? 0) : 0;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const total = objects.data?.total ?? null;
  const pages = total === null ? 1 : Math.max(1, Math.ceil(total / PAGE));

  async function exportCsv() {
    setCsv({ busy: true, error: null });
    try {
      const all: CatalogueObject[] = [];
      for (let offset = 0; offset < (total ?? 0); offset += CSV_PAGE) {
        const part = await apiFetch<ObjectsResponse>(objectsPath({ ...request, offset, limit: CSV_PAGE }));
        all.push(...part.objects);
      }
      const rows = all.map((o) => [o.name, o.noradId, o.intlDes, o.launch, o.decay]);
      downloadText(toCsv(OBJECT_COLUMNS.map((c) => c.label), rows), fileName, 'text/csv;charset=utf-8');
      setCsv({ busy: false, error: null });
    } catch (err) {
      setCsv({ busy: false, error: `The CSV could not be made: ${err instanceof Error ? err.message : 'unknown error'}` });
    }
  }

  return (
    <dialog ref={dialog} className="detail objects" aria-labelledby="objects-title" onClose={onClose}>
      <div className="detail-header">
        <h2 id="objects-title">{title}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label="Close the list of objects">
          Close
        </button>
      </div>
      <p className="objects-summary" data-testid="objects-summary">
        {total === null ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'object' : 'objects'} in the satellite catalogue`}
        {total !== null && decayedUnknown > 0 ? `, of which ${formatCount(decayedUnknown)} decayed of unknown type: in no count of the boxscore, so the count is ${formatCount(total - decayedUnknown)}` : ''}
        .{' '}
        {subject.kind === 'count' && subject.real && total !== null && total - decayedUnknown !== subject.value
          ? `This day's figures are Space-Track's own boxscore (${formatCount(subject.value)}); the list is counted from the catalogue, which differs a little (see the README).`
          : null}
      </p>
      {objects.isError ? (
        <p role="alert">The objects could not be loaded: {objects.error.message}</p>
      ) : (
        <div className="objects-scroll" tabIndex={0} role="region" aria-label="Objects (scrolls)">
          <table className="objects-table" aria-busy={objects.isFetching}>
            <caption className="visually-hidden">
              Objects: {what}, page {page + 1} of {pages}
            </caption>
            <thead>
              <tr>
                {OBJECT_COLUMNS.map((c) => {
                  const active = sort.replace(/^-/, '') === c.key;
                  return (
                    <th key={c.key} scope="col" aria-sort={active ? (sort.startsWith('-') ? 'descending' : 'ascending') : undefined}>
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => {
                          setSort(nextObjectSort(sort, c.key));
                          setPage(0);
                        }}
                      >
                        <span>{c.label}</span>
                        <span className="sort-indicator" aria-hidden="true">
                          {active ? (sort.startsWith('-') ? '▼' : '▲') : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {(objects.data?.objects ?? []).map((o) => (
                <tr key={o.noradId}>
                  <th scope="row">{o.name}</th>
                  <td className="num">{o.noradId}</td>
                  <td>{o.intlDes}</td>
                  <td>{o.launch}</td>
                  <td>{o.decay ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="objects-footer">
        <div className="pager">
          <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
            Previous
          </button>
          <span aria-live="polite">
            Page {page + 1} of {pages}
          </span>
          <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page + 1 >= pages}>
            Next
          </button>
        </div>
        <button type="button" onClick={() => void exportCsv()} disabled={csv.busy || !total} aria-busy={csv.busy}>
          {csv.busy ? 'Exporting…' : 'Export objects CSV'}
        </button>
        <a href={SPACE_TRACK_SATCAT} target="_blank" rel="noreferrer">
          Search the catalogue on Space-Track
        </a>
      </div>
      {csv.error ? (
        <p role="alert" className="error-inline">
          {csv.error}
        </p>
      ) : null}
    </dialog>
  );
}
