/**
 * The catalogue in live mode: the newest good copy fetched from Space-Track, else the one shipped
 * with the dashboard.
 *
 * - On start the newest stored copy is loaded (in a worker), without touching the upstream; with
 *   none, the embedded one.
 * - A copy older than the latest 17:00 UTC (Space-Track's guidance for SATCAT: at most once a day,
 *   after 17:00 UTC) is renewed in the background when the catalogue is asked for, while the
 *   current copy keeps being served. The same client as the boxscore: one session, one request
 *   budget; single flight: one fetch at a time, however many ask.
 * - Several instances (REDIS_URL): the catalogue's own gate lets one attempt through at a time
 *   across all of them; the one that enters looks at the shared store and the previous attempt's
 *   record first, so a copy or a failure another instance has just produced is adopted instead of
 *   asked for again. Copies stored by others arrive through the store's watch.
 * - No attempt follows another within the minimum interval; after a rate-limit answer, an hour.
 * - A failed fetch or a catalogue rejected whole (empty, truncated, not an array, missing fields,
 *   or under half the objects of the copy it would replace) changes nothing stored: the last good
 *   copy is served, marked stale with a plain message; the boxscore is never hidden by it.
 */
import type { Logger } from '../logger.ts';
import type { SpaceTrackClient } from '../spacetrack/client.ts';
import { STATE_RETRY_SECONDS, UpstreamError, upstreamErrors } from '../spacetrack/errors.ts';
import { gateRefused, heldBackBy, localFetchGate, recordOf, type FetchGate, type FetchLease } from '../boxscore/fetch-gate.ts';
import { isDue, RATE_LIMIT_BACKOFF_MS } from '../boxscore/refresh-policy.ts';
import { describeCatalogue, type CatalogueSource, type LoadedCatalogue } from './catalogue-source.ts';
import type { CatalogueStore, StoredCatalogue } from './catalogue-store.ts';
import { prepareInWorker } from './load.ts';
import { CatalogueFormatError } from './parse.ts';
import type { PreparedCatalogue } from './prepare.ts';

export interface LiveCatalogueDeps {
  client: Pick<SpaceTrackClient, 'fetchCatalogue'>;
  store: CatalogueStore;
  /** The catalogue shipped with the dashboard: served until a copy has been fetched. */
  embedded: CatalogueSource;
  logger: Logger;
  minRefreshSeconds: number;
  /** Who may fetch the catalogue now, across instances; every attempt may in one process. */
  gate?: FetchGate;
  now?: () => Date;
}

const rejected = (reason: string) => new UpstreamError('UPSTREAM_INVALID_DATA', `Space-Track's satellite catalogue was rejected whole: ${reason}`);

/** A new copy with fewer objects than this share of the current one is taken for a cut-off answer. */
const MIN_SHARE_OF_PREVIOUS = 0.5;

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function createLiveCatalogue({ client, store, embedded, logger, minRefreshSeconds, gate = localFetchGate, now = () => new Date() }: LiveCatalogueDeps): CatalogueSource {
  const log = logger.child({ source: 'live-catalogue' });
  let good: { prepared: PreparedCatalogue; fetchedAt: Date | null } | undefined;
  let lastError: UpstreamError | undefined;
  let loaded: LoadedCatalogue | undefined;
  let nextAttemptAt = 0;
  let inflight: Promise<void> | undefined;
  /** A stored copy being loaded, so the watch and an attempt never prepare the same one twice. */
  let adopting: { id: string; done: Promise<boolean> } | undefined;

  function describe(): LoadedCatalogue | undefined {
    if (!good) return undefined;
    const fetchedAt = good.fetchedAt?.toISOString() ?? null;
    const message = lastError
      ? `${sentence(lastError.message)} The satellite catalogue ${fetchedAt ? `fetched ${fetchedAt.slice(0, 16).replace('T', ' ')} UTC` : 'shipped with the dashboard'} is used instead.`
      : null;
    return describeCatalogue(good.prepared, fetchedAt, lastError !== undefined, message);
  }

  /** Load a stored copy newer than the one held; false when it is not newer or cannot be read (then set aside). */
  function adopt(copy: StoredCatalogue): Promise<boolean> {
    const newer = () => !good?.fetchedAt || Date.parse(copy.fetchedAt) > good.fetchedAt.getTime();
    if (!newer()) return Promise.resolve(false);
    if (adopting?.id === copy.id) return adopting.done;
    const done = (async () => {
      try {
        const bytes = await store.read(copy.id);
        if (!bytes) return false;
        const prepared = await prepareInWorker({ bytes, date: copy.fetchedAt.slice(0, 10) });
        // Another copy may have been adopted meanwhile.
        if (!newer()) return false;
        good = { prepared, fetchedAt: new Date(copy.fetchedAt) };
        lastError = undefined;
        loaded = describe();
        log.info({ fetchedAt: copy.fetchedAt }, 'serving the stored satellite catalogue');
        return true;
      } catch (err) {
        if (err instanceof UpstreamError) throw err;
        log.error({ err, id: copy.id }, 'a stored satellite catalogue could not be read: set aside');
        await store.setAside(copy.id);
        return false;
      } finally {
        if (adopting?.id === copy.id) adopting = undefined;
      }
    })();
    adopting = { id: copy.id, done };
    return done;
  }

  /** The newest stored copy that loads; damaged ones are set aside. Then the embedded one. */
  const starting = (async () => {
    try {
      for (const copy of await store.list()) if (await adopt(copy)) break;
    } catch (err) {
      // A shared store out of reach at start: the shipped copy for now; the watch catches up.
      if (!(err instanceof UpstreamError)) throw err;
      log.warn({ code: err.code }, 'the stored satellite catalogues cannot be read now: serving the shipped one');
    }
    if (!good) {
      const shipped = await embedded.current();
      if (shipped) good = { prepared: shipped.prepared, fetchedAt: null };
    }
    loaded = describe();
  })();

  store.watch?.((copy) => {
    adopt(copy).catch((err: unknown) => log.warn({ code: err instanceof UpstreamError ? err.code : undefined }, 'could not load a satellite catalogue stored by another instance yet'));
  });

  /**
   * Under a shared gate: true when another instance has meanwhile stored a copy newer than the one
   * held (it is loaded), or its attempt set a time before which no one asks again (its failure is
   * then this instance's too).
   */
  async function settledElsewhere(lease: FetchLease): Promise<boolean> {
    const newest = (await store.list())[0];
    if (newest && (await adopt(newest))) return true;
    // Current already (adopted through the watch while this instance waited).
    if (good?.fetchedAt && !isDue(good.fetchedAt, now())) return true;
    const held = heldBackBy(lease.previous, now().getTime());
    if (!held) return false;
    ({ nextAttemptAt, error: lastError } = held);
    log.info({ nextAttemptAt: new Date(nextAttemptAt).toISOString(), code: lastError?.code }, 'another instance attempted the catalogue moments ago: not asking again yet');
    return true;
  }

  async function attempt(): Promise<void> {
    let lease: FetchLease;
    try {
      lease = await gate.acquire();
    } catch (err) {
      ({ error: lastError, nextAttemptAt } = gateRefused(err, now().getTime()));
      log.warn({ code: lastError.code }, 'cannot fetch the satellite catalogue now: keeping the copy held');
      loaded = describe();
      return;
    }
    try {
      if (!(lease.shared && (await settledElsewhere(lease)))) await fetchAndStore();
    } catch (err) {
      // Only the shared store's reads come here (fetchAndStore handles its own failures).
      lastError = err instanceof UpstreamError ? err : upstreamErrors.unexpected();
      nextAttemptAt = now().getTime() + STATE_RETRY_SECONDS * 1000;
    } finally {
      await lease.release(recordOf(nextAttemptAt, lastError));
    }
    loaded = describe();
  }

  async function fetchAndStore(): Promise<void> {
    const startedAt = now().getTime();
    nextAttemptAt = startedAt + minRefreshSeconds * 1000;
    try {
      const text = await client.fetchCatalogue();
      const fetchedAt = now();
      let prepared: PreparedCatalogue;
      try {
        prepared = await prepareInWorker({ text, date: fetchedAt.toISOString().slice(0, 10) });
      } catch (err) {
        throw rejected(err instanceof CatalogueFormatError ? err.message : 'it could not be read.');
      }
      const before = good?.prepared.index.data.noradId.length ?? 0;
      const after = prepared.index.data.noradId.length;
      if (after < before * MIN_SHARE_OF_PREVIOUS) {
        throw rejected(`the answer holds ${after} objects, under half of the ${before} of the copy in use: taken for a cut-off answer.`);
      }
      // Held before it is stored: a shared store announces it to this instance too, which then has it.
      good = { prepared, fetchedAt };
      lastError = undefined;
      try {
        await store.save(fetchedAt, text);
      } catch (err) {
        // The data is good; failing to keep it must not hide it.
        log.error(err instanceof UpstreamError ? { code: err.code } : { err }, 'could not store the fetched satellite catalogue');
      }
      log.info({ objects: after, leftOut: prepared.index.data.leftOut }, 'satellite catalogue renewed');
    } catch (err) {
      if (!(err instanceof UpstreamError)) log.error({ err }, 'unexpected error while fetching the satellite catalogue');
      lastError = err instanceof UpstreamError ? err : upstreamErrors.unexpected();
      if (lastError.isRateLimit) nextAttemptAt = startedAt + Math.max(minRefreshSeconds * 1000, RATE_LIMIT_BACKOFF_MS);
      nextAttemptAt = Math.max(nextAttemptAt, startedAt + (lastError.details.retryAfterSeconds ?? 0) * 1000);
      log.warn({ code: lastError.code, nextAttemptAt: new Date(nextAttemptAt).toISOString() }, 'satellite catalogue fetch failed: keeping the last good copy');
    }
  }

  return {
    async current() {
      await starting;
      const t = now();
      if (!inflight && isDue(good?.fetchedAt ?? undefined, t) && t.getTime() >= nextAttemptAt) {
        inflight = attempt().finally(() => (inflight = undefined));
      }
      // Only a dashboard with no catalogue at all waits for the fetch.
      if (!loaded && inflight) await inflight;
      return loaded;
    },
    close: async () => {
      gate.close?.();
      await inflight?.catch(() => undefined);
    },
  };
}

