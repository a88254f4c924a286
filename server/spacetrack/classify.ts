/**
 * Turns what came back from Space-Track into either rows or a typed UpstreamError. Space-Track
 * reports several failures with HTTP 200 (rate limit, maintenance pages, empty answers), so the
 * status code alone never decides that an answer is data.
 */
import { upstreamErrors, type UpstreamError } from './errors.ts';

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

const RATE_LIMIT_TEXT = /violated your query rate limit/i;

function looksLikeHtml(answer: RawAnswer): boolean {
  // An empty text/html body is how a successful login looks; a page needs content.
  return /^\s*</.test(answer.body) || (answer.contentType.includes('text/html') && answer.body.trim() !== '');
}

/** The failure an answer that is not data stands for (rate limit, maintenance, other status). */
export function failureOf(answer: RawAnswer): UpstreamError | undefined {
  if (RATE_LIMIT_TEXT.test(answer.body)) return upstreamErrors.rateLimited(answer.status);
  if (looksLikeHtml(answer)) return upstreamErrors.maintenance(answer.status);
  if (answer.status !== 200) return upstreamErrors.httpError(answer.status);
  return undefined;
}

/** The JSON array of rows in a query answer; anything else throws an UpstreamError. */
export function rowsOf(answer: RawAnswer): unknown[] {
  const failure = failureOf(answer);
  if (failure) throw failure;
  if (answer.body.trim() === '') throw upstreamErrors.empty();
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    throw upstreamErrors.malformed();
  }
  if (json === '' || (Array.isArray(json) && json.length === 0)) throw upstreamErrors.empty();
  // Space-Track wraps some refusals as data: [{"error": "..."}] or {"error": "..."}.
  const hasError = (v: unknown) => typeof v === 'object' && v !== null && 'error' in v;
  if (!Array.isArray(json) || json.some(hasError)) throw upstreamErrors.errorAnswer();
  return json;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

/** Map a thrown fetch error to an UpstreamError; fetch wraps the socket error in `cause`. */
export function networkFailureOf(err: unknown, timeoutMs: number): UpstreamError {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, code, message } = e as { name?: string; code?: string; message?: string };
    if (name === 'TimeoutError') return upstreamErrors.timeout(timeoutMs);
    if (name === 'AbortError') return upstreamErrors.cancelled();
    if (code && UNREACHABLE.has(code)) return upstreamErrors.unreachable();
    if ((code && RESET.has(code)) || message === 'terminated' || message === 'other side closed') return upstreamErrors.reset();
  }
  return upstreamErrors.unreachable();
}
