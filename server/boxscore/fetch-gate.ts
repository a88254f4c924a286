/**
 * Who may fetch from Space-Track now. One process needs no gate beyond the live source's own
 * single flight (the local gate below lets every attempt through). Several instances sharing a
 * Redis (server/state/redis-fetch-gate.ts) pass one at a time, with a lock that expires should
 * the holder die; each learns on entry what the previous attempt (by whichever instance) left:
 * when the next may start and why it failed, so a failure is not retried at once elsewhere.
 */
import { STATE_RETRY_SECONDS, UpstreamError, upstreamErrors, type UpstreamErrorCode } from '../spacetrack/errors.ts';

export interface AttemptRecord {
  /** Epoch ms before which no instance starts another attempt. */
  nextAttemptAt: number;
  /** Why the attempt failed (our fixed texts, never upstream content); absent after a good one. */
  error?: { code: UpstreamErrorCode; message: string; status?: number; retryAfterSeconds?: number };
}

export interface FetchLease {
  /** Other instances share the store: re-read it before fetching, a copy may have arrived. */
  readonly shared: boolean;
  /** What the previous attempt recorded, if any. */
  readonly previous?: AttemptRecord;
  /** Leave, saying how this attempt went (kept for the next one, whichever instance it is). */
  release(record: AttemptRecord): Promise<void>;
}

export interface FetchGate {
  /** Wait for this instance's turn; rejects with an UpstreamError when the gate cannot be asked. */
  acquire(): Promise<FetchLease>;
  /** False while the gate cannot be asked (Redis down): the page then says nothing new can be fetched. */
  available?(): boolean;
  /** Stop waiting (shutdown). */
  close?(): void;
}

export const localFetchGate: FetchGate = {
  acquire: async () => ({ shared: false, release: async () => undefined }),
};

/** What the next attempt, on whichever instance, needs to know about this one. */
export function recordOf(nextAttemptAt: number, error: UpstreamError | undefined): AttemptRecord {
  if (!error) return { nextAttemptAt };
  const { status, retryAfterSeconds } = error.details;
  return { nextAttemptAt, error: { code: error.code, message: error.message, status, retryAfterSeconds } };
}

/** The gate could not be asked: nothing was sent upstream, so trying again soon costs Space-Track nothing. */
export function gateRefused(err: unknown, now: number): { error: UpstreamError; nextAttemptAt: number } {
  const error = err instanceof UpstreamError ? err : upstreamErrors.unexpected();
  return { error, nextAttemptAt: now + (error.details.retryAfterSeconds ?? STATE_RETRY_SECONDS) * 1000 };
}

/** The wait (and failure) a recent attempt on another instance left; undefined once it holds no one back. */
export function heldBackBy(previous: AttemptRecord | undefined, now: number): { nextAttemptAt: number; error: UpstreamError | undefined } | undefined {
  if (!previous || previous.nextAttemptAt <= now) return undefined;
  const e = previous.error;
  return { nextAttemptAt: previous.nextAttemptAt, error: e && new UpstreamError(e.code, e.message, { status: e.status, retryAfterSeconds: e.retryAfterSeconds }) };
}
