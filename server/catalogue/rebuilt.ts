/**
 * The boxscore of any day, rebuilt from the satellite catalogue, and what else the catalogue tells:
 * a timeline, the objects behind a count, the biggest breakups. Each answer is prepared (serialised,
 * compressed, hashed) once per catalogue copy and question, then served from a bounded cache.
 */
import { AppError } from '../http/app-error.ts';
import { prepareJson, QUICK, type PreparedBody } from '../http/prepared-json.ts';
import { Lru } from '../boxscore/lru.ts';
import type { ParsedBoxscore } from '../boxscore/parse.ts';
import { prepareBoxscore, type PreparedBoxscore } from '../boxscore/source.ts';
import {
  catalogueCitation,
  type BoxscoreSourceInfo,
  type CountryRow,
  type EventsResponse,
  type ObjectSortField,
  type ObjectsResponse,
  type ObjectTypeKey,
  type TimelineResponse,
  type TimelineStep,
  type TrendResponse,
} from '../shared/contract.ts';
import type { CatalogueSource, LoadedCatalogue } from './catalogue-source.ts';
import { fromDay, toDay } from './day.ts';
import { ownerNames } from './names.ts';
import { findObjects } from './objects.ts';
import { countsAt, rebuildBoxscore } from './rule.ts';
import { countSeries, stepDays } from './timeline.ts';

export interface ObjectsParams {
  code?: string;
  type?: ObjectTypeKey;
  state?: 'orbital' | 'decayed';
  /** One launch (YYYY-NNN) only. */
  launch?: string;
  asOf?: string;
  sort: ObjectSortField;
  descending: boolean;
  offset: number;
  limit: number;
}

export interface TimelineParams {
  codes: string[];
  step: TimelineStep;
  from?: string;
  to?: string;
}

export interface RebuiltBoxscores {
  /** The catalogue now (undefined while none could be loaded). */
  catalogue(): Promise<LoadedCatalogue | undefined>;
  /** The rebuilt boxscore of a day; a 404 AppError naming the range outside it, a 503 without a catalogue. */
  boxscore(asOf: string): Promise<PreparedBoxscore>;
  /** The same, as rows and totals (for changes between two days). */
  parsed(asOf: string): Promise<ParsedBoxscore>;
  timeline(params: TimelineParams): Promise<PreparedBody>;
  objects(params: ObjectsParams): Promise<PreparedBody>;
  events(limit: number): Promise<PreparedBody>;
  /** One owner code at the end of each year since its first object, and at the catalogue's date; undefined for an unknown code. */
  trend(code: string): Promise<{ country: string; code: string; points: TrendResponse['points'] } | undefined>;
}

const noCatalogue = () => new AppError(503, 'CATALOGUE_UNAVAILABLE', 'The satellite catalogue is not available, so no boxscore can be rebuilt: see the server log.');
const decayedUnknownNote = (n: number) => (n === 0 ? '' : ` ${n} decayed object${n === 1 ? '' : 's'} of unknown type ${n === 1 ? 'is' : 'are'} in no count, as in Space-Track's boxscore.`);

export function rebuiltMessage(loaded: LoadedCatalogue, decayedUnknown: number): string {
  const stale = loaded.message ? ` ${loaded.message}` : '';
  return `Rebuilt from Space-Track's satellite catalogue of ${loaded.ref.date} (each object's owner, type, launch and decay dates), not Space-Track's own boxscore.${decayedUnknownNote(decayedUnknown)}${stale}`;
}

export function createRebuilt({ catalogues, newestRealRows }: { catalogues: CatalogueSource; newestRealRows: () => Promise<readonly CountryRow[]> }): RebuiltBoxscores {
  const boxscores = new Lru<string, PreparedBoxscore>(64);
  const bodies = new Lru<string, PreparedBody>(256);
  let names: { rows: readonly CountryRow[]; nameOf: (code: string) => string } | undefined;

  /** The catalogue and the names now; a change of the newest real boxscore renames rows, so the caches go. */
  async function state() {
    const loaded = await catalogues.current();
    if (!loaded) throw noCatalogue();
    const rows = await newestRealRows();
    if (names?.rows !== rows) {
      names = { rows, nameOf: ownerNames(rows) };
      boxscores.clear();
      bodies.clear();
    }
    return { loaded, nameOf: names.nameOf, index: loaded.prepared.index };
  }

  /** The day number of `iso` within the catalogue's range, or a 404 naming the range. */
  function dayIn(loaded: LoadedCatalogue, iso: string): number {
    const day = toDay(iso);
    const { firstDay, date } = loaded.ref;
    if (day === undefined || day < loaded.prepared.index.firstDay || day > loaded.prepared.index.lastDay) {
      throw new AppError(404, 'OUT_OF_RANGE', `There is no boxscore for ${iso}: any day from ${firstDay} to ${date} can be rebuilt from the satellite catalogue.`);
    }
    return day;
  }

  function codeIn(loaded: LoadedCatalogue, code: string): number {
    const i = loaded.prepared.index.data.codes.indexOf(code.toUpperCase());
    if (i < 0) throw new AppError(404, 'CODE_NOT_FOUND', `No object of the satellite catalogue of ${loaded.ref.date} has the owner code ${code.slice(0, 12)}.`);
    return i;
  }

  function cachedBody(key: string, make: () => unknown): PreparedBody {
    return bodies.get(key) ?? bodies.set(key, prepareJson(make(), QUICK));
  }

  async function boxscore(asOf: string): Promise<PreparedBoxscore> {
    const { loaded, nameOf, index } = await state();
    const day = dayIn(loaded, asOf);
    const key = `${loaded.version}|${day}`;
    const cached = boxscores.get(key);
    if (cached) return cached;
    const { rows, totals, issues, counted, decayedUnknown } = rebuildBoxscore(index, day, nameOf);
    const source: BoxscoreSourceInfo = {
      kind: 'rebuilt',
      asOf,
      fetchedAt: loaded.ref.fetchedAt,
      citation: catalogueCitation(loaded.ref.date),
      stale: loaded.ref.stale,
      message: rebuiltMessage(loaded, decayedUnknown),
      rebuilt: { catalogue: loaded.ref, counted, decayedUnknown },
    };
    return boxscores.set(key, prepareBoxscore(source, { rows, totals, issues }, QUICK));
  }

  return {
    catalogue: () => catalogues.current(),
    boxscore,

    async parsed(asOf) {
      const { rows, totals, issues } = (await boxscore(asOf)).response;
      return { rows, totals, issues };
    },

    async timeline({ codes, step, from, to }) {
      const { loaded, nameOf, index } = await state();
      const first = from === undefined ? index.firstDay : dayIn(loaded, from);
      const last = to === undefined ? index.lastDay : dayIn(loaded, to);
      if (first > last) throw new AppError(400, 'BAD_REQUEST', `The query parameter from (${from}) must not be after to (${to ?? loaded.ref.date}).`);
      const wanted = codes.map((c) => codeIn(loaded, c));
      return cachedBody(`${loaded.version}|timeline|${step}|${first}|${last}|${wanted.join(',')}`, (): TimelineResponse => {
        const days = stepDays(first, last, step);
        return {
          step,
          dates: days.map(fromDay),
          world: { counts: countSeries(index, -1, days) },
          series: wanted.map((c) => ({ code: index.data.codes[c]!, country: nameOf(index.data.codes[c]!), counts: countSeries(index, c, days) })),
          catalogue: loaded.ref,
          citation: catalogueCitation(loaded.ref.date),
        };
      });
    },

    async objects(p) {
      const { loaded, index } = await state();
      const day = p.asOf === undefined ? index.lastDay : dayIn(loaded, p.asOf);
      const code = p.code === undefined ? undefined : codeIn(loaded, p.code);
      const key = `${loaded.version}|objects|${code}|${p.type}|${p.state}|${p.launch}|${day}|${p.sort}|${p.descending}|${p.offset}|${p.limit}`;
      return cachedBody(key, (): ObjectsResponse => ({
        asOf: fromDay(day),
        code: code === undefined ? null : index.data.codes[code]!,
        launch: p.launch ?? null,
        type: p.type ?? null,
        state: p.state ?? null,
        sort: `${p.descending ? '-' : ''}${p.sort}`,
        offset: p.offset,
        limit: p.limit,
        ...findObjects(index, loaded.prepared.orders, { code, type: p.type, state: p.state, launch: p.launch, day, sort: p.sort, descending: p.descending, offset: p.offset, limit: p.limit }),
        catalogue: loaded.ref,
        citation: catalogueCitation(loaded.ref.date),
      }));
    },

    async events(limit) {
      const { loaded, nameOf, index } = await state();
      return cachedBody(`${loaded.version}|events|${limit}`, (): EventsResponse => ({
        events: loaded.prepared.events.slice(0, limit).map((e) => ({ ...e, owner: index.data.codes[e.owner]!, country: nameOf(index.data.codes[e.owner]!) })),
        catalogue: loaded.ref,
        citation: catalogueCitation(loaded.ref.date),
      }));
    },

    async trend(code) {
      const { nameOf, index } = await state();
      const c = index.data.codes.indexOf(code.toUpperCase());
      if (c < 0) return undefined;
      const firstObject = index.cells[c]!.reduce((min, cell) => Math.min(min, cell.counted[0] ?? index.lastDay), index.lastDay);
      const points = stepDays(firstObject, index.lastDay, 'year').map((day) => ({ asOf: fromDay(day), kind: 'rebuilt' as const, counts: countsAt(index, c, day).counts }));
      return { country: nameOf(index.data.codes[c]!), code: index.data.codes[c]!, points };
    },
  };
}
