/**
 * The Space-Track session: one login reused for every query, cookies kept in a tough-cookie jar,
 * one re-login and one repeated query on a 401, logout on close. Every request goes through the
 * budget first and is refused, unsent, when the budget is used up.
 *
 * Only the boxscore query exists here: the relay never forwards an arbitrary upstream path.
 *
 * Every answer is read within limits, counted while it streams in (answer-limits.ts): a broken or
 * hostile upstream that sends 20,000 rows or 50 MB is cut off at the limit, before its bytes are
 * kept, decoded or parsed, and the fetch fails like any other fault (the last good copy stays).
 * The identity and password appear in the login body only; the session cookie lives in the jar
 * only. Neither is ever logged or copied into an error.
 */
import makeFetchCookie from 'fetch-cookie';
import { CookieJar } from 'tough-cookie';
import { BoxscoreFormatError, parseBoxscore, type ParsedBoxscore } from '../boxscore/parse.ts';
import { CATALOGUE_FIELDS } from '../catalogue/parse.ts';
import type { Logger } from '../logger.ts';
import type { RequestBudget } from './budget.ts';
import { BOXSCORE_LIMITS, CATALOGUE_LIMITS, readWithinLimits, SMALL_ANSWER_LIMITS, type AnswerLimits } from './answer-limits.ts';
import { localSessionStore, type SessionStore } from './session-store.ts';
import { deadline } from './deadline.ts';
import { failureOf, networkFailureOf, rowsOf, type RawAnswer } from './classify.ts';
import { upstreamErrors, UpstreamError } from './errors.ts';

const LOGIN_PATH = '/ajaxauth/login';
const LOGOUT_PATH = '/ajaxauth/logout';
const BOXSCORE_PATH = '/basicspacedata/query/class/boxscore/format/json';
/** The satellite catalogue, only the fields the dashboard uses (`predicates`): a third of the full answer. */
export const SATCAT_PATH = `/basicspacedata/query/class/satcat/predicates/${CATALOGUE_FIELDS.join(',')}/format/json`;
const SESSION_COOKIE = 'chocolatechip';
/**
 * Logout is a courtesy on the way out: index.ts must exit within the ~10 s a process manager grants
 * after SIGTERM, so a Space-Track that hangs on logout gets at most this long, not the query timeout.
 */
const LOGOUT_DEADLINE_MS = 2000;
/** A shared session cookie without an expiry is forgotten after Space-Track's usual session life. */
const SHARED_SESSION_MAX_MS = 2 * 3_600_000;

export interface SpaceTrackClientOptions {
  baseUrl: string;
  identity: string;
  password: string;
  timeoutMs: number;
  budget: RequestBudget;
  /** Where the session cookie is shared with other instances; this process's jar only when omitted. */
  session?: SessionStore;
  logger: Logger;
  /** Per query: how many bytes and rows an answer may have (answer-limits.ts has the defaults). */
  limits?: { boxscore?: AnswerLimits; catalogue?: AnswerLimits };
}

export interface BoxscoreFetch {
  /** The rows exactly as Space-Track sent them (stored, so later parser fixes apply to old copies). */
  rows: unknown[];
  parsed: ParsedBoxscore;
}

export interface SpaceTrackClient {
  /** Log in if needed, query the boxscore, validate it. Rejects with an UpstreamError. */
  fetchBoxscore(): Promise<BoxscoreFetch>;
  /**
   * Log in if needed and query the satellite catalogue (SATCAT_PATH). Resolves to the answer's
   * text once it is not a failure page, a rate-limit answer or empty; parsing 10 MB of JSON is
   * left to the catalogue's worker (server/catalogue/load.ts). Rejects with an UpstreamError.
   */
  fetchCatalogue(): Promise<string>;
  /** Cancel requests in flight and end the session upstream (best effort, never rejects). */
  close(): Promise<void>;
}

export function createSpaceTrackClient(options: SpaceTrackClientOptions): SpaceTrackClient {
  const { baseUrl, identity, password, timeoutMs, budget, session = localSessionStore } = options;
  const log = options.logger.child({ upstream: 'space-track' });
  const jar = new CookieJar();
  const cookieFetch = makeFetchCookie(fetch, jar);
  const closing = new AbortController();
  const logoutMs = Math.min(timeoutMs, LOGOUT_DEADLINE_MS);
  const boxscoreLimits = options.limits?.boxscore ?? BOXSCORE_LIMITS;
  const catalogueLimits = options.limits?.catalogue ?? CATALOGUE_LIMITS;
  let loggedIn = false;
  let loginInFlight: Promise<void> | undefined;

  /**
   * Every upstream request: the budget first (refused unsent when used up), a deadline, no
   * followed redirects. `ms` and `cancel`: the logout on close has its own shorter deadline and
   * must not be cancelled by the close itself.
   */
  async function send(path: string, init: RequestInit, what: string, limits: AnswerLimits, ms = timeoutMs, cancel: AbortSignal | null = closing.signal): Promise<RawAnswer> {
    const decision = await budget.take();
    if (!decision.granted) {
      log.warn({ what, retryAfterMs: decision.retryAfterMs }, 'request budget used up: nothing sent');
      throw upstreamErrors.budgetExhausted(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    }
    const { signal, done } = deadline(ms, cancel ?? undefined);
    try {
      // redirect 'manual': a followed redirect would be an upstream request the budget never saw.
      const res = await cookieFetch(`${baseUrl}${path}`, { ...init, signal, redirect: 'manual' });
      const body = await readWithinLimits(res, limits);
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
    } catch (err) {
      if (err instanceof UpstreamError) throw fail(err, what);
      const failure = networkFailureOf(err, ms);
      log.warn({ what, code: failure.code, cause: causeCode(err) }, 'upstream request failed');
      throw failure;
    } finally {
      done();
    }
  }

  async function login(): Promise<void> {
    const answer = await send(
      LOGIN_PATH,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ identity, password }).toString(),
      },
      'login',
      SMALL_ANSWER_LIMITS,
    );
    // Space-Track answers a failed login with HTTP 200 and {"Login":"Failed"}.
    if (/"Login"\s*:\s*"Failed"/i.test(answer.body)) throw fail(upstreamErrors.loginFailed(), 'login');
    const failure = failureOf(answer);
    if (failure) throw fail(failure, 'login');
    const cookie = (await jar.getCookies(baseUrl)).find((c) => c.key === SESSION_COOKIE);
    if (!cookie) throw fail(upstreamErrors.noSessionCookie(), 'login');
    loggedIn = true;
    log.info('logged in to Space-Track');
    const ttl = cookie.TTL();
    await session.save(cookie.toString(), Number.isFinite(ttl) && ttl > 0 ? ttl : SHARED_SESSION_MAX_MS);
  }

  /** Another instance's session, when one is shared: adopted instead of logging in again. */
  async function adoptShared(): Promise<boolean> {
    const shared = await session.load();
    if (shared === undefined) return false;
    try {
      await jar.setCookie(shared, baseUrl);
    } catch {
      // Not a cookie for this Space-Track (e.g. SPACETRACK_BASE_URL changed): log in instead.
      await session.discard(shared);
      return false;
    }
    loggedIn = true;
    log.info('using the session shared by another instance');
    return true;
  }

  function ensureLoggedIn(): Promise<void> {
    if (loggedIn) return Promise.resolve();
    loginInFlight ??= session
      .exclusive(async () => {
        if (!(await adoptShared())) await login();
      })
      .finally(() => (loginInFlight = undefined));
    return loginInFlight;
  }

  /** The session Space-Track refused: forgotten here and, unless already replaced, for all instances. */
  async function dropSession(): Promise<void> {
    loggedIn = false;
    const refused = (await jar.getCookies(baseUrl)).find((c) => c.key === SESSION_COOKIE);
    await jar.removeAllCookies();
    if (refused) await session.discard(refused.toString());
  }

  function fail(error: UpstreamError, what: string): UpstreamError {
    log.warn({ what, code: error.code, status: error.details.status }, error.message);
    return error;
  }

  async function query(path = BOXSCORE_PATH, limits = boxscoreLimits): Promise<RawAnswer> {
    await ensureLoggedIn();
    const first = await send(path, { method: 'GET' }, 'query', limits);
    if (first.status !== 401) return first;
    // The session expired: log in again once and repeat the query once, then give up.
    log.info('session expired (401): logging in again once');
    await dropSession();
    await ensureLoggedIn();
    const second = await send(path, { method: 'GET' }, 'query', limits);
    if (second.status === 401) {
      await dropSession();
      throw fail(upstreamErrors.sessionRejected(), 'query');
    }
    return second;
  }

  return {
    async fetchBoxscore() {
      const answer = await query();
      let rows: unknown[];
      let parsed: ParsedBoxscore;
      try {
        rows = rowsOf(answer);
        parsed = parseBoxscore(rows);
      } catch (err) {
        if (err instanceof UpstreamError) throw fail(err, 'query');
        if (err instanceof BoxscoreFormatError) throw fail(upstreamErrors.invalidData(err.message), 'query');
        throw err;
      }
      log.info({ rows: rows.length }, 'boxscore fetched');
      return { rows, parsed };
    },

    async fetchCatalogue() {
      const answer = await query(SATCAT_PATH, catalogueLimits);
      const failure = failureOf(answer);
      if (failure) throw fail(failure, 'catalogue');
      if (answer.body.trim() === '') throw fail(upstreamErrors.empty(), 'catalogue');
      log.info({ bytes: answer.body.length }, 'satellite catalogue fetched');
      return answer.body;
    },

    async close() {
      closing.abort();
      // A shared session is still in use by the other instances: logging it out would cost each a new login.
      if (!loggedIn || session.shared) return;
      loggedIn = false;
      try {
        // Not cancelled by `closing` (already aborted): the logout has its own short deadline.
        await send(LOGOUT_PATH, { method: 'GET' }, 'logout', SMALL_ANSWER_LIMITS, logoutMs, null);
        log.info('logged out of Space-Track');
      } catch (err) {
        // send() has said why (budget used up, network failure, deadline).
        log.warn({ code: err instanceof UpstreamError ? err.code : undefined }, 'logout failed');
      } finally {
        await jar.removeAllCookies();
      }
    },
  };
}

function causeCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
