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
 * - No attempt follows another within the minimum interval; after a rate-limit answer, an hour.
 * - A failed fetch or a catalogue rejected whole (empty, truncated, not an array, missing fields,
 *   or under half the objects of the copy it would replace) changes nothing stored: the last good
 *   copy is served, marked stale with a plain message; the boxscore is never hidden by it.
 */
import type { Logger } from '../logger.ts';
import type { SpaceTrackClient } from '../spacetrack/client.ts';
import { UpstreamError, upstreamErrors } from '../spacetrack/errors.ts';
import { isDue, RATE_LIMIT_BACKOFF_MS } from '../boxscore/refresh-policy.ts';
import { describeCatalogue, type CatalogueSource, type LoadedCatalogue } from './catalogue-source.ts';
import type { CatalogueStore } from './catalogue-store.ts';
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
  now?: () => Date;
}

const rejected = (reason: string) => new UpstreamError('UPSTREAM_INVALID_DATA', `Space-Track's satellite catalogue was rejected whole: ${reason}`);

/** A new copy with fewer objects than this share of the current one is taken for a cut-off answer. */
const MIN_SHARE_OF_PREVIOUS = 0.5;

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function createLiveCatalogue({ client, store, embedded, logger, minRefreshSeconds, now = () => new Date() }: LiveCatalogueDeps): CatalogueSource {
  const log = logger.child({ source: 'live-catalogue' });
  let good: { prepared: PreparedCatalogue; fetchedAt: Date | null } | undefined;
  let lastError: UpstreamError | undefined;
  let loaded: LoadedCatalogue | undefined;
  let nextAttemptAt = 0;
  let inflight: Promise<void> | undefined;

  function describe(): LoadedCatalogue | undefined {
    if (!good) return undefined;
    const fetchedAt = good.fetchedAt?.toISOString() ?? null;
    const message = lastError
      ? `${sentence(lastError.message)} The satellite catalogue ${fetchedAt ? `fetched ${fetchedAt.slice(0, 16).replace('T', ' ')} UTC` : 'shipped with the dashboard'} is used instead.`
      : null;
    return describeCatalogue(good.prepared, fetchedAt, lastError !== undefined, message);
  }

  /** The newest stored copy that loads; damaged ones are set aside. Then the embedded one. */
  const starting = (async () => {
    for (const copy of await store.list()) {
      try {
        good = { prepared: await prepareInWorker({ file: copy.file, date: copy.fetchedAt.slice(0, 10) }), fetchedAt: new Date(copy.fetchedAt) };
        log.info({ fetchedAt: copy.fetchedAt }, 'serving the stored satellite catalogue');
        break;
      } catch (err) {
        log.error({ err, file: copy.file }, 'a stored satellite catalogue could not be read: set aside');
        await store.setAside(copy.file);
      }
    }
    if (!good) {
      const shipped = await embedded.current();
      if (shipped) good = { prepared: shipped.prepared, fetchedAt: null };
    }
    loaded = describe();
  })();

  async function attempt(): Promise<void> {
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
      try {
        await store.save(fetchedAt, text);
      } catch (err) {
        // The data is good; failing to keep it must not hide it.
        log.error({ err }, 'could not store the fetched satellite catalogue');
      }
      good = { prepared, fetchedAt };
      lastError = undefined;
      log.info({ objects: after, leftOut: prepared.index.data.leftOut }, 'satellite catalogue renewed');
    } catch (err) {
      if (!(err instanceof UpstreamError)) log.error({ err }, 'unexpected error while fetching the satellite catalogue');
      lastError = err instanceof UpstreamError ? err : upstreamErrors.unexpected();
      if (lastError.isRateLimit) nextAttemptAt = startedAt + Math.max(minRefreshSeconds * 1000, RATE_LIMIT_BACKOFF_MS);
      nextAttemptAt = Math.max(nextAttemptAt, startedAt + (lastError.details.retryAfterSeconds ?? 0) * 1000);
      log.warn({ code: lastError.code, nextAttemptAt: new Date(nextAttemptAt).toISOString() }, 'satellite catalogue fetch failed: keeping the last good copy');
    }
    loaded = describe();
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
      await inflight?.catch(() => undefined);
    },
  };
}
