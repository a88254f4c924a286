/**
 * Who may fetch from Space-Track now. One process needs no gate beyond the live source's own
 * single flight (the local gate below lets every attempt through). Several instances sharing a
 * Redis (server/state/redis-fetch-gate.ts) pass one at a time, with a lock that expires should
 * the holder die; each learns on entry what the previous attempt (by whichever instance) left:
 * when the next may start and why it failed, so a failure is not retried at once elsewhere.
 */
import type { UpstreamErrorCode } from '../spacetrack/errors.ts';

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
