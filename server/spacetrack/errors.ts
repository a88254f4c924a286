/**
 * Every way a Space-Track exchange can go wrong, as one typed error with a stable code and a message
 * in plain words. Messages are fixed texts written here: nothing from the upstream answer, the
 * request or the cookie jar is ever copied into them, so they cannot leak credentials or the
 * session cookie.
 */
export type UpstreamErrorCode =
  | 'UPSTREAM_LOGIN_FAILED'
  | 'UPSTREAM_SESSION_REJECTED'
  | 'UPSTREAM_NO_SESSION_COOKIE'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_MAINTENANCE'
  | 'UPSTREAM_MALFORMED'
  | 'UPSTREAM_EMPTY'
  | 'UPSTREAM_INVALID_DATA'
  | 'UPSTREAM_TOO_LARGE'
  | 'UPSTREAM_ERROR_ANSWER'
  | 'UPSTREAM_HTTP_ERROR'
  | 'UPSTREAM_RESET'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNREACHABLE'
  | 'UPSTREAM_CANCELLED'
  | 'UPSTREAM_UNEXPECTED'
  | 'UPSTREAM_BUDGET_EXHAUSTED'
  | 'SHARED_STATE_UNAVAILABLE'
  | 'FETCH_TAKEN_OVER';

/** Nothing was sent upstream, so the next attempt may come soon: as soon as Redis is back. */
export const STATE_RETRY_SECONDS = 5;

const LOGIN_FAILED_MESSAGE = 'Space-Track rejected the credentials';

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';

  constructor(
    readonly code: UpstreamErrorCode,
    /** Plain words for the person reading the page. */
    message: string,
    readonly details: {
      /** Seconds before asking again makes sense (budget exhausted). */
      retryAfterSeconds?: number;
      /** HTTP status of the upstream answer, when there was one. */
      status?: number;
    } = {},
  ) {
    super(message);
  }

  /** Space-Track asked us to slow down: wait longer than usual before the next attempt. */
  get isRateLimit(): boolean {
    return this.code === 'UPSTREAM_RATE_LIMITED';
  }
}

export const upstreamErrors = {
  loginFailed: () => new UpstreamError('UPSTREAM_LOGIN_FAILED', LOGIN_FAILED_MESSAGE),
  sessionRejected: () =>
    new UpstreamError('UPSTREAM_SESSION_REJECTED', 'Space-Track refused the session even after logging in again.', { status: 401 }),
  noSessionCookie: () =>
    new UpstreamError(
      'UPSTREAM_NO_SESSION_COOKIE',
      'Space-Track accepted the login but sent no usable session cookie (SPACETRACK_BASE_URL should be https).',
    ),
  rateLimited: (status: number) =>
    new UpstreamError('UPSTREAM_RATE_LIMITED', 'Space-Track says its query rate limit was exceeded; the dashboard waits before asking again.', { status }),
  maintenance: (status: number) =>
    new UpstreamError('UPSTREAM_MAINTENANCE', 'Space-Track answered with a web page instead of data (probably maintenance).', { status }),
  malformed: () => new UpstreamError('UPSTREAM_MALFORMED', "Space-Track's answer was not valid JSON (malformed or cut off)."),
  empty: () => new UpstreamError('UPSTREAM_EMPTY', 'Space-Track sent an empty answer.'),
  invalidData: (reason: string) =>
    new UpstreamError('UPSTREAM_INVALID_DATA', `Space-Track's answer is not a valid boxscore: ${reason}`),
  tooLarge: (what: string, limit: string) =>
    new UpstreamError('UPSTREAM_TOO_LARGE', `Space-Track's answer was larger than the dashboard accepts for ${what} (over ${limit}): it was refused.`),
  errorAnswer: () => new UpstreamError('UPSTREAM_ERROR_ANSWER', 'Space-Track answered with an error instead of data.'),
  httpError: (status: number) => new UpstreamError('UPSTREAM_HTTP_ERROR', `Space-Track answered with HTTP status ${status}.`, { status }),
  reset: () => new UpstreamError('UPSTREAM_RESET', 'The connection to Space-Track was cut off.'),
  timeout: (timeoutMs: number) =>
    new UpstreamError('UPSTREAM_TIMEOUT', `Space-Track did not answer within ${Number((timeoutMs / 1000).toFixed(1))} seconds.`),
  unreachable: () => new UpstreamError('UPSTREAM_UNREACHABLE', 'Space-Track could not be reached.'),
  cancelled: () => new UpstreamError('UPSTREAM_CANCELLED', 'The request to Space-Track was cancelled because the dashboard server is shutting down.'),
  unexpected: () => new UpstreamError('UPSTREAM_UNEXPECTED', 'Something unexpected went wrong while fetching from Space-Track.'),
  budgetExhausted: (retryAfterSeconds: number) =>
    new UpstreamError(
      'UPSTREAM_BUDGET_EXHAUSTED',
      // No duration here: this message is shown while the wait runs down; the page counts it down itself.
      'The dashboard has used its request budget for Space-Track and waits before asking again.',
      { retryAfterSeconds },
    ),
  /**
   * Several instances share the session, budget and lock in Redis (REDIS_URL); without it no
   * request could be accounted for, so none is sent.
   */
  stateUnavailable: () =>
    new UpstreamError(
      'SHARED_STATE_UNAVAILABLE',
      'The shared store (Redis) cannot be reached, so nothing new can be fetched from Space-Track until it is back.',
      { retryAfterSeconds: STATE_RETRY_SECONDS },
    ),
  /** This instance stalled past its lock's expiry and another instance took the fetch over. */
  takenOver: () => new UpstreamError('FETCH_TAKEN_OVER', 'Another dashboard instance took over the fetch from Space-Track.'),
};
