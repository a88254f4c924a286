/**
 * Where the boxscore comes from. The routes only know this interface: the embedded snapshot and
 * the live Space-Track relay are two implementations of it.
 */
import { prepareJson, type Compression, type PreparedBody } from '../http/prepared-json.ts';
import type { BoxscoreResponse, BoxscoreSourceInfo } from '../shared/contract.ts';
import type { ParsedBoxscore } from './parse.ts';

/** A boxscore ready to serve: the typed response and its bytes, prepared once. */
export interface PreparedBoxscore {
  readonly response: BoxscoreResponse;
  readonly body: PreparedBody;
}

export interface BoxscoreSource {
  readonly mode: 'snapshot' | 'live';
  /** The boxscore to show now. Never waits on the upstream longer than its timeout. */
  current(): Promise<PreparedBoxscore>;
  /** Ask for a fresh copy now; rejects with an AppError (429 + Retry-After) when too soon. */
  refresh?(): Promise<PreparedBoxscore>;
  /** Release what the source holds (e.g. log out upstream). */
  close?(): Promise<void>;
}

export function prepareBoxscore(source: BoxscoreSourceInfo, parsed: ParsedBoxscore, compression?: Compression): PreparedBoxscore {
  const response: BoxscoreResponse = { source, ...parsed };
  return { response, body: prepareJson(response, compression) };
}
