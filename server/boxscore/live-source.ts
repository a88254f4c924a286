/**
 * The live boxscore: the newest good copy from Space-Track, kept in the snapshot store.
 *
 * - On start the newest stored copy is served at once, without touching the upstream.
 * - A copy older than the latest 17:00 UTC is renewed in the background while it keeps being
 *   served (stale-while-revalidate); with nothing to serve, callers wait for the fetch.
 * - Single flight: all callers share one fetch in progress (at most one login and one query).
 * - A manual refresh keeps to the same daily rule: while the copy is from after the latest 17:00 UTC
 *   (and not stale) it is refused with 429 ALREADY_CURRENT and the time of the next copy.
 * - No attempt follows another within BOXSCORE_MIN_REFRESH_SECONDS, good or failed; after a rate
 *   limit answer the wait is at least RATE_LIMIT_BACKOFF_MS.
 * - A failed fetch changes nothing stored: the last good copy is served marked stale with a plain
 *   message; with no good copy at all the embedded 2015 snapshot is served, labelled as such.
 * - Several instances (REDIS_URL): the gate lets one attempt through at a time across all of
 *   them; the one that enters re-reads the shared store and the previous attempt's record first, so
 *   a copy or a failure another instance has just produced is adopted instead of asked for again.
 *   New copies stored by others arrive through the store's watch. While the gate is unavailable
 *   the copy held is served, saying that nothing new can be fetched.
 * The response is prepared once per state change, never per request.
 */
import { AppError } from '../http/app-error.ts';
import type { Logger } from '../logger.ts';
import type { SpaceTrackClient } from '../spacetrack/client.ts';
import { STATE_RETRY_SECONDS, UpstreamError, upstreamErrors } from '../spacetrack/errors.ts';
import { CITATION } from '../shared/contract.ts';
import { NEWEST_EMBEDDED, readEmbeddedSnapshot } from './embedded.ts';
import { gateRefused, heldBackBy, localFetchGate, recordOf, type FetchGate, type FetchLease } from './fetch-gate.ts';
import type { ParsedBoxscore } from './parse.ts';
import { waitWords } from '../shared/time-words.ts';
import { isDue, nextDailyCutoff, publicationDay, RATE_LIMIT_BACKOFF_MS } from './refresh-policy.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { prepareBoxscore, type BoxscoreSource, type PreparedBoxscore } from './source.ts';

export interface LiveSourceDeps {
  client: Pick<SpaceTrackClient, 'fetchBoxscore' | 'close'>;
  store: SnapshotStore;
  logger: Logger;
  minRefreshSeconds: number;
  /** Who may fetch now, across instances; every attempt may in one process. */
  gate?: FetchGate;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const minuteOf = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export async function createLiveSource({ client, store, logger, minRefreshSeconds, gate = localFetchGate, now = () => new Date() }: LiveSourceDeps): Promise<BoxscoreSource> {
  const log = logger.child({ source: 'live' });
  const minRefreshMs = minRefreshSeconds * 1000;
  // A shared store that cannot be reached at start: start empty; its watch catches up when it is back.
  const stored = await store.latest().catch((err: unknown) => {
    if (err instanceof UpstreamError) return undefined;
    throw err;
  });
  let good: { fetchedAt: Date; parsed: ParsedBoxscore } | undefined = stored && { fetchedAt: new Date(stored.fetchedAt), parsed: stored.parsed };
  if (stored) log.info({ fetchedAt: stored.fetchedAt }, 'serving the stored boxscore');
  let lastError: UpstreamError | undefined;
  let nextAttemptAt = 0;
  let attemptStartedAt = 0;
  let inflight: Promise<UpstreamError | undefined> | undefined;
  let closed = false;
  // Built on first use after each state change (not per request, and not when nobody asks).
  let prepared: PreparedBoxscore | undefined;
  let preparedWhileDown = false;
  const view = () => {
    // The gate going down or coming back changes what the page must say.
    const down = gate.available?.() === false;
    if (prepared && down === preparedWhileDown) return prepared;
    preparedWhileDown = down;
    return (prepared = prepare(down ? upstreamErrors.stateUnavailable() : lastError));
  };

  function prepare(problem: UpstreamError | undefined): PreparedBoxscore {
    // A current copy waits for the next daily one; otherwise (due, stale, none) only the wait after the last attempt counts.
    // While a fetch is under way, it is the fetch's start: the copy is being renewed now, not after its interval.
    const afterAttempt = inflight ? attemptStartedAt : nextAttemptAt;
    const nextFetch = good && !problem ? Math.max(nextDailyCutoff(good.fetchedAt).getTime(), afterAttempt) : afterAttempt;
    const nextFetchAt = new Date(nextFetch).toISOString();
    if (good) {
      const fetchedAt = good.fetchedAt.toISOString();
      const message = problem ? `${sentence(problem.message)} Showing the last good copy, fetched ${minuteOf(good.fetchedAt)}.` : null;
      return prepareBoxscore(
        { kind: 'live', asOf: publicationDay(good.fetchedAt), fetchedAt, citation: CITATION, stale: problem !== undefined, message, nextFetchAt },
        good.parsed,
      );
    }
    const embedded = NEWEST_EMBEDDED;
    const why = problem ? sentence(problem.message) : 'No live data has been fetched from Space-Track yet.';
    return prepareBoxscore(
      {
        kind: 'snapshot',
        asOf: embedded.asOf,
        fetchedAt: null,
        citation: CITATION,
        stale: true,
        message: `${why} No live data is available, so the embedded 2015 snapshot (as of ${embedded.asOf}) is shown instead.`,
        nextFetchAt,
      },
      readEmbeddedSnapshot(embedded),
    );
  }

  /** A copy newer than the one held: served from now on (fetched here or by another instance). */
  function adopt(snapshot: { fetchedAt: string; parsed: ParsedBoxscore }): boolean {
    const fetchedAt = new Date(snapshot.fetchedAt);
    if (good && fetchedAt.getTime() <= good.fetchedAt.getTime()) return false;
    good = { fetchedAt, parsed: snapshot.parsed };
    lastError = undefined;
    prepared = undefined;
    return true;
  }

  store.watch?.((snapshot) => {
    if (adopt(snapshot)) {
      // Prepared (and compressed, in zlib's pool) as it arrives, not when the next request finds it.
      void view();
      log.info({ fetchedAt: snapshot.fetchedAt }, 'serving a new copy stored by another instance');
    } else if (lastError?.code === 'SHARED_STATE_UNAVAILABLE') {
      // Redis is back and nothing newer was stored meanwhile: the copy held is current again.
      lastError = undefined;
      nextAttemptAt = 0;
      prepared = undefined;
    }
  });

  /**
   * Under a shared gate: what happened while this instance waited. True when nothing is to be
   * fetched: another instance stored a newer copy than `heldAt`, or its attempt set a time before
   * which no one asks again (its failure is then this instance's too).
   */
  async function settledElsewhere(lease: FetchLease, heldAt: number | undefined): Promise<boolean> {
    const latest = await store.latest();
    if (latest) adopt(latest);
    if (good && good.fetchedAt.getTime() !== heldAt) return true;
    const held = heldBackBy(lease.previous, now().getTime());
    if (!held) return false;
    ({ nextAttemptAt, error: lastError } = held);
    log.info({ nextAttemptAt: new Date(nextAttemptAt).toISOString(), code: lastError?.code }, 'another instance attempted the fetch moments ago: not asking again yet');
    return true;
  }

  async function attempt(): Promise<UpstreamError | undefined> {
    attemptStartedAt = now().getTime();
    const heldAt = good?.fetchedAt.getTime();
    let lease: FetchLease;
    try {
      lease = await gate.acquire();
    } catch (err) {
      ({ error: lastError, nextAttemptAt } = gateRefused(err, now().getTime()));
      log.warn({ code: lastError.code }, 'cannot fetch now: serving what this instance holds');
      prepared = undefined;
      return lastError;
    }
    try {
      if (!(lease.shared && (await settledElsewhere(lease, heldAt)))) await fetchAndStore();
    } catch (err) {
      // Only the shared store's reads come here (fetchAndStore handles its own failures).
      lastError = err instanceof UpstreamError ? err : upstreamErrors.unexpected();
      nextAttemptAt = now().getTime() + STATE_RETRY_SECONDS * 1000;
    } finally {
      await lease.release(recordOf(nextAttemptAt, lastError));
    }
    prepared = undefined;
    return lastError;
  }

  async function fetchAndStore(): Promise<void> {
    const startedAt = now().getTime();
    nextAttemptAt = startedAt + minRefreshMs;
    try {
      const { rows, parsed } = await client.fetchBoxscore();
      const fetchedAt = now();
      try {
        await store.save({ fetchedAt, rows });
      } catch (err) {
        // The data is good; failing to keep it must not hide it from the user.
        if (err instanceof UpstreamError) log.error({ code: err.code }, 'could not store the fetched boxscore yet');
        else log.error({ err }, 'could not store the fetched boxscore');
      }
      good = { fetchedAt, parsed };
      lastError = undefined;
    } catch (err) {
      if (!(err instanceof UpstreamError)) log.error({ err }, 'unexpected error while fetching the boxscore');
      lastError = err instanceof UpstreamError ? err : upstreamErrors.unexpected();
      if (lastError.isRateLimit) nextAttemptAt = startedAt + Math.max(minRefreshMs, RATE_LIMIT_BACKOFF_MS);
      const budgetWait = (lastError.details.retryAfterSeconds ?? 0) * 1000;
      nextAttemptAt = Math.max(nextAttemptAt, startedAt + budgetWait);
      // Redis went away mid-fetch: whatever was sent was counted; nothing more is, until it is back.
      if (lastError.code === 'SHARED_STATE_UNAVAILABLE') nextAttemptAt = startedAt + budgetWait;
      log.warn({ code: lastError.code, nextAttemptAt: new Date(nextAttemptAt).toISOString() }, good ? 'refresh failed: serving the last good copy as stale' : 'fetch failed: serving the embedded snapshot');
    }
  }

  function start(): Promise<UpstreamError | undefined> {
    inflight ??= attempt().finally(() => (inflight = undefined));
    return inflight;
  }

  return {
    mode: 'live',

    async current() {
      const t = now();
      if (!closed && !inflight && isDue(good?.fetchedAt, t) && t.getTime() >= nextAttemptAt) void start();
      if (!good && inflight) await inflight;
      return view();
    },

    async refresh() {
      if (closed) throw new AppError(503, 'SHUTTING_DOWN', 'The dashboard server is shutting down.');
      if (!inflight) {
        const t = now();
        if (good && !lastError && !isDue(good.fetchedAt, t)) {
          // Space-Track asks for the boxscore at most once a day, after 17:00 UTC; a button must not multiply that.
          const next = nextDailyCutoff(t);
          const seconds = Math.max(1, Math.ceil((next.getTime() - t.getTime()) / 1000));
          throw new AppError(
            429,
            'ALREADY_CURRENT',
            `This is already today's copy: Space-Track asks that the boxscore be fetched at most once a day, after 17:00 UTC. The next copy can be fetched from ${minuteOf(next)}.`,
            { 'Retry-After': String(seconds) },
          );
        }
        const waitMs = nextAttemptAt - t.getTime();
        if (waitMs > 0) {
          const seconds = Math.ceil(waitMs / 1000);
          throw new AppError(
            429,
            'REFRESH_TOO_SOON',
            `Space-Track was asked moments ago, and the dashboard keeps to Space-Track's usage limits. Try again in ${waitWords(waitMs)}.`,
            { 'Retry-After': String(seconds) },
          );
        }
      }
      const error = await start();
      if (error) {
        const retryAfter = error.details.retryAfterSeconds;
        throw retryAfter === undefined
          ? new AppError(502, error.code, error.message)
          : new AppError(429, error.code, error.message, { 'Retry-After': String(retryAfter) });
      }
      return view();
    },

    async close() {
      closed = true;
      gate.close?.();
      await client.close();
      await inflight;
    },
  };
}
