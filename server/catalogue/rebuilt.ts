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
  type BoxscoreResponse,
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
import { catalogueVersion, type CatalogueSource, type LoadedCatalogue } from './catalogue-source.ts';
import type { Logger } from '../logger.ts';
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

/** What the lists, labels and range checks need of the catalogue (not its objects). */
export type CatalogueInfo = Pick<LoadedCatalogue, 'ref' | 'version'>;

export interface RebuiltBoxscores {
  /** The catalogue now (undefined while none could be loaded); while it loads, the one of `ahead` if given. */
  catalogue(): Promise<CatalogueInfo | undefined>;
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

export interface RebuiltOptions {
  catalogues: CatalogueSource;
  newestRealRows: () => Promise<readonly CountryRow[]>;
  /**
   * The boxscore of the catalogue's own day, rebuilt ahead of time (newest-rebuilt.ts), for a
   * catalogue that loads once (the embedded one): served at once while the catalogue loads, then
   * kept as long as it is what the catalogue rebuilds (else the rebuilt one is served, with a warning).
   */
  ahead?: { response: BoxscoreResponse; logger: Logger };
}

export function createRebuilt({ catalogues, newestRealRows, ahead }: RebuiltOptions): RebuiltBoxscores {
  const early = ahead && earlyAnswers(catalogues, ahead);
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
    if (early?.pending() && asOf === early.info.ref.date) return early.prepared;
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
    const built = prepareBoxscore(source, { rows, totals, issues }, QUICK);
    // The same object as before the catalogue loaded, when it is the same boxscore: what was made
    // from it (pages) stays cached.
    return boxscores.set(key, early?.sameAs(loaded, built) ? early.prepared : built);
  }

  return {
    catalogue: async () => (early?.pending() ? early.info : catalogues.current()),
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

/** The answers that `ahead` gives while the catalogue is loading (pending), and its check once loaded. */
function earlyAnswers(catalogues: CatalogueSource, { response, logger }: NonNullable<RebuiltOptions['ahead']>) {
  const ref = response.source.rebuilt?.catalogue;
  if (response.source.kind !== 'rebuilt' || !ref || response.source.asOf !== ref.date) throw new Error('A boxscore rebuilt ahead of time must be the rebuilt boxscore of its catalogue\'s day.');
  const { source, ...parsed } = response;
  const prepared = prepareBoxscore(source, parsed, QUICK);
  let loading = true;
  // Loading is started here (the embedded catalogue loads once); a failed load is reported by the source.
  void catalogues.current().finally(() => (loading = false));
  let warned = false;
  return {
    info: { ref, version: catalogueVersion(ref) } satisfies CatalogueInfo,
    prepared,
    pending: () => loading,
    sameAs(loaded: LoadedCatalogue, built: PreparedBoxscore): boolean {
      if (loaded.version !== catalogueVersion(ref) || built.response.source.asOf !== ref.date) return false;
      const same = built.body.etags.identity === prepared.body.etags.identity;
      if (!same && !warned) {
        warned = true;
        logger.warn({ date: ref.date }, 'the boxscore rebuilt ahead of time is not what the catalogue rebuilds: run npm run catalogue:newest (serving the rebuilt one)');
      }
      return same;
    },
  };
}
