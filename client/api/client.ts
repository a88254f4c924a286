/**
 * The one way the client talks to /api: JSON in, JSON out, and every failure turned into an
 * ApiError whose message is fit to show a person.
 */
import type { ApiErrorBody } from '../../server/shared/contract.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From a 429's Retry-After: how long until asking again can help. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/**
 * The dashboard's access token (DASHBOARD_TOKEN), kept for this tab only: sessionStorage survives
 * a reload but not the tab, and is never sent anywhere by the browser on its own (unlike a cookie).
 */
const TOKEN_KEY = 'boxscore.accessToken';
export const accessToken = {
  get(): string | null {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage unavailable: nothing was kept.
    }
  },
};

/**
 * Fired on window when the server refuses the token, so the access gate can ask for it; the
 * event's `detail` is the error code (TOKEN_REQUIRED or TOKEN_INVALID).
 */
export const UNAUTHORIZED_EVENT = 'boxscore:unauthorized';

export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  const token = accessToken.get();
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init?.headers },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The dashboard server cannot be reached. Check that it is running, then try again.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (response.status === 401) {
      const code = isErrorBody(body) ? body.error.code : 'UNAUTHORIZED';
      window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT, { detail: code }));
      const message = isErrorBody(body) ? body.error.message : 'This dashboard needs its access token.';
      throw new ApiError(401, code, message);
    }
    const retryAfter = Number(response.headers.get('Retry-After') ?? Number.NaN);
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
    if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message, retryAfterSeconds);
    throw new ApiError(response.status, 'HTTP', `The dashboard server answered with an error (HTTP ${response.status}).`);
  }
  if (body === undefined) throw new ApiError(response.status, 'BAD_BODY', 'The dashboard server sent an answer that could not be read.');
  return body as T;
}
