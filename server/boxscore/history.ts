/**
 * Every snapshot we have: the two embedded 2015 boxscores first, then every copy fetched from
 * Space-Track (the newest of each publication day: a copy fetched before 17:00 UTC describes the
 * previous day, refresh-policy.ts). Serves one snapshot by date, the changes between two, and
 * one country's counts across all of them.
 *
 * Nothing is recomputed per request: the list is rebuilt only when the live source has fetched a
 * new copy, and parsed snapshots, prepared bodies, changes and trends are kept in bounded caches.
 */
import { prepareJson, type PreparedBody } from '../http/prepared-json.ts';
import { computeChanges, diffTotals } from './changes.ts';
import { rowKeys } from '../shared/row-key.ts';
import type { RebuiltBoxscores } from '../catalogue/rebuilt.ts';
import { CITATION, catalogueCitation, type BoxscoreSourceInfo, type CatalogueRef, type ChangesResponse, type HistoryEntry, type HistoryResponse, type TrendResponse } from '../shared/contract.ts';
import { EMBEDDED_SNAPSHOTS, readEmbeddedSnapshot } from './embedded.ts';
import { Lru } from './lru.ts';
import type { ParsedBoxscore } from './parse.ts';
import { publicationDay } from './refresh-policy.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { prepareBoxscore, type BoxscoreSource, type PreparedBoxscore } from './source.ts';

interface Entry extends HistoryEntry {
  /** "rebuilt" entries are counted from the catalogue; the others are real boxscores. */
  /** Cache key: the embedded file or the store's id. */
  id: string;
  load: () => Promise<ParsedBoxscore | undefined>;
}

export interface HistoryList {
  response: HistoryResponse;
  body: PreparedBody;
}

export interface BoxscoreHistory {
  /** The snapshots there are; a caller that has the current boxscore passes it (the source is then not asked again). */
  list(current?: PreparedBoxscore): Promise<HistoryList>;
  /** The real snapshot of that date, else (with a catalogue) the boxscore rebuilt for it; undefined when there is none. */
  snapshot(asOf: string): Promise<PreparedBoxscore | undefined>;
  /**
   * Changes between two dates: between the real snapshots when both days have one, otherwise
   * between the boxscores rebuilt for both (never a real one against a rebuilt one, whose
   * differences would be the method's, not the sky's); `missing` names the dates that have none.
   */
  changes(from: string, to: string): Promise<{ body: PreparedBody } | { missing: string[] }>;
  /** One country across every snapshot, by SPADOC code; undefined when no snapshot has it. */
  trend(code: string): Promise<PreparedBody | undefined>;
  /** The dates available, oldest first (for error messages). */
  dates(): Promise<string[]>;
}

const HISTORY_SNAPSHOT_MESSAGE = 'A real Space-Track boxscore embedded in the dashboard (2015).';

export interface HistoryDeps {
  source: BoxscoreSource;
  store?: Pick<SnapshotStore, 'list' | 'read'>;
  /** Boxscores rebuilt from the satellite catalogue, for any other day (server/catalogue/). */
  rebuilt?: RebuiltBoxscores;
}

export function createHistory({ source, store, rebuilt }: HistoryDeps): BoxscoreHistory {
  const embedded: Entry[] = EMBEDDED_SNAPSHOTS.map((snapshot) => ({
    id: `embedded:${snapshot.asOf}`,
    asOf: snapshot.asOf,
    kind: 'snapshot',
    fetchedAt: null,
    load: async () => readEmbeddedSnapshot(snapshot),
  }));
  const parsedCache = new Lru<string, Promise<ParsedBoxscore | undefined>>(512);
  const preparedCache = new Lru<string, PreparedBoxscore>(16);
  const changesCache = new Lru<string, PreparedBody>(32);
  // null: no snapshot has that code (remembered too, or every unknown code would rescan them all).
  const trendCache = new Lru<string, PreparedBody | null>(64);
  type Listed = { version: string; entries: Entry[]; catalogue: CatalogueRef | null } & HistoryList;
  let listed: Listed | undefined;
  // Rebuilds are numbered: one that finishes after a later one started must not replace its list.
  let builds = 0;
  let listedBuild = 0;
  const describe = ({ asOf, kind, fetchedAt }: Entry): HistoryEntry => ({ asOf, kind, fetchedAt });

  /**
   * One load per snapshot shared by concurrent callers; a load that fails or finds nothing is
   * forgotten, so a transient read error is not remembered as a permanent one.
   */
  function parsed(entry: Entry): Promise<ParsedBoxscore | undefined> {
    const cached = parsedCache.get(entry.id);
    if (cached) return cached;
    const forget = () => {
      if (parsedCache.get(entry.id) === loading) parsedCache.delete(entry.id);
    };
    const loading: Promise<ParsedBoxscore | undefined> = entry.load().then(
      (data) => {
        if (!data) forget();
        return data;
      },
      (err: unknown) => {
        forget();
        throw err;
      },
    );
    return parsedCache.set(entry.id, loading);
  }

  /**
   * The list changes only when the live source has stored a new copy: its fetch time is the version.
   * A caller that already has the current boxscore passes it, so the source is asked once.
   */
  async function entries(known?: PreparedBoxscore): Promise<Listed> {
    const current = (known ?? (await source.current())).response.source;
    const catalogue = (await rebuilt?.catalogue()) ?? undefined;
    const version = `${current.fetchedAt ?? 'none'}|${catalogue?.version ?? 'no catalogue'}`;
    if (listed?.version === version) return listed;
    const build = ++builds;
    const byDate = new Map<string, Entry>(embedded.map((e) => [e.asOf, e]));
    if (store) {
      // Oldest first, so the newest copy of a day wins.
      for (const info of (await store.list()).reverse()) {
        const asOf = publicationDay(new Date(info.fetchedAt));
        byDate.set(asOf, {
          id: info.id,
          asOf,
          kind: 'live',
          fetchedAt: info.fetchedAt,
          load: async () => (await store.read(info.id))?.parsed,
        });
      }
    }
    // The catalogue's own day is a pick of its own (the newest there is, without credentials).
    if (catalogue && rebuilt && !byDate.has(catalogue.ref.date)) {
      const { date } = catalogue.ref;
      byDate.set(date, { id: `rebuilt:${catalogue.version}`, asOf: date, kind: 'rebuilt', fetchedAt: catalogue.ref.fetchedAt, load: () => rebuilt.parsed(date) });
    }
    const list = [...byDate.values()].sort((a, b) => a.asOf.localeCompare(b.asOf));
    const response: HistoryResponse = { snapshots: list.map(describe), catalogue: catalogue?.ref ?? null };
    const built: Listed = { version, entries: list, catalogue: catalogue?.ref ?? null, response, body: prepareJson(response) };
    if (build > listedBuild) {
      listedBuild = build;
      listed = built;
      // Trends span every snapshot: a new one makes them all out of date.
      trendCache.clear();
    }
    return built;
  }

  const find = async (asOf: string, current?: PreparedBoxscore) => (await entries(current)).entries.find((e) => e.asOf === asOf);
  /** Whether the catalogue can rebuild that day. */
  const inRange = async (asOf: string) => {
    const ref = (await entries()).catalogue;
    return ref !== null && asOf >= ref.firstDay && asOf <= ref.date;
  };

  return {
    async list(current) {
      const { response, body } = await entries(current);
      return { response, body };
    },

    async dates() {
      return (await entries()).entries.map((e) => e.asOf);
    },

    async snapshot(asOf) {
      const current = await source.current();
      if (current.response.source.asOf === asOf) return current;
      const entry = await find(asOf, current);
      if (!entry || entry.kind === 'rebuilt') return rebuilt && (await inRange(asOf)) ? rebuilt.boxscore(asOf) : undefined;
      const cached = preparedCache.get(entry.id);
      if (cached) return cached;
      const data = await parsed(entry);
      if (!data) return undefined;
      const info: BoxscoreSourceInfo = {
        kind: entry.kind,
        asOf: entry.asOf,
        fetchedAt: entry.fetchedAt,
        citation: CITATION,
        stale: false,
        message: entry.kind === 'snapshot' ? HISTORY_SNAPSHOT_MESSAGE : null,
        nextFetchAt: null,
      };
      return preparedCache.set(entry.id, prepareBoxscore(info, data));
    },

    async changes(from, to) {
      const [a, b] = [await find(from), await find(to)];
      if (rebuilt && (a?.kind !== 'snapshot' && a?.kind !== 'live' || b?.kind !== 'snapshot' && b?.kind !== 'live')) {
        const missing = [(await inRange(from)) ? undefined : from, (await inRange(to)) ? undefined : to].filter((d): d is string => d !== undefined);
        const { version, catalogue } = await entries();
        if (missing.length > 0 || !catalogue) return { missing: missing.length > 0 ? missing : [from, to] };
        const key = `rebuilt|${version}|${from}|${to}`;
        const cached = changesCache.get(key);
        if (cached) return { body: cached };
        const [pa, pb] = [await rebuilt.parsed(from), await rebuilt.parsed(to)];
        const { fetchedAt } = catalogue;
        const response: ChangesResponse = {
          from: { asOf: from, kind: 'rebuilt', fetchedAt },
          to: { asOf: to, kind: 'rebuilt', fetchedAt },
          rows: computeChanges(pa.rows, pb.rows),
          totals: diffTotals(pa.totals, pb.totals),
          citation: catalogueCitation(catalogue.date),
        };
        return { body: changesCache.set(key, prepareJson(response)) };
      }
      if (!a || !b) return { missing: [a ? undefined : from, b ? undefined : to].filter((d): d is string => d !== undefined) };
      const key = `${a.id}|${b.id}`;
      const cached = changesCache.get(key);
      if (cached) return { body: cached };
      const [pa, pb] = [await parsed(a), await parsed(b)];
      if (!pa || !pb) return { missing: [pa ? undefined : from, pb ? undefined : to].filter((d): d is string => d !== undefined) };
      const response: ChangesResponse = {
        from: describe(a),
        to: describe(b),
        rows: computeChanges(pa.rows, pb.rows),
        totals: diffTotals(pa.totals, pb.totals),
        citation: CITATION,
      };
      return { body: changesCache.set(key, prepareJson(response)) };
    },

    async trend(code) {
      const { version, entries: list, catalogue } = await entries();
      const key = `code:${code.toUpperCase()}`;
      // Keyed by the list it spans: a trend still computed from an older list while a new copy
      // arrived must not be taken for the new list's (it lacks the newest copy).
      const cacheKey = `${version}|${key}`;
      const cached = trendCache.get(cacheKey);
      if (cached !== undefined) return cached ?? undefined;
      let name: { country: string; code: string | null } | undefined;
      let points: TrendResponse['points'] = [];
      for (const entry of list) {
        if (entry.kind === 'rebuilt') continue;
        const rows = (await parsed(entry))?.rows ?? [];
        // A code several rows share in a snapshot identifies none of them there (row-key.ts).
        const row = rows[rowKeys(rows).indexOf(key)];
        if (row) name = { country: row.country, code: row.code };
        points.push({ asOf: entry.asOf, kind: entry.kind, counts: row?.counts ?? null });
      }
      // With a catalogue: the country since its first object, year by year, beside the real ones.
      const counted = catalogue ? await rebuilt?.trend(code) : undefined;
      if (counted) {
        name ??= { country: counted.country, code: counted.code };
        points = [...points, ...counted.points].sort((a, b) => a.asOf.localeCompare(b.asOf));
      }
      if (!name) {
        trendCache.set(cacheKey, null);
        return undefined;
      }
      const citation = catalogue && counted ? catalogueCitation(catalogue.date) : CITATION;
      const response: TrendResponse = { ...name, points, citation };
      const body = prepareJson(response);
      trendCache.set(cacheKey, body);
      return body;
    },
  };
}
