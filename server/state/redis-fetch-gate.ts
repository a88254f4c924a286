/**
 * Single flight across instances: a lock in Redis with an expiry, renewed while the holder works.
 *
 * - The token is `<fence>:<host>:<pid>`, the fence a counter that only grows: the budget script
 *   (redis-budget.ts) refuses upstream requests from a holder whose token is no longer the lock's,
 *   so a holder that stalled past its expiry cannot overlap with the one that took over.
 * - kill -9 of the holder: nobody renews, the lock expires after `ttlMs` (REDIS_LOCK_SECONDS), the
 *   next waiter takes it. It is renewed every third of that, so a holder survives a stalled event loop
 *   of up to two thirds of it.
 * - Bad state: a lock key of the wrong type, or one without an expiry (no instance ever sets one
 *   so; an operator or a bug might), is reported and repaired in the same script; an unreadable
 *   attempt record is reported and dropped.
 * - Redis unreachable: acquire rejects with SHARED_STATE_UNAVAILABLE (nothing may be fetched).
 * - One gate per kind of fetch (the boxscore, the catalogue), each with its own lock and record:
 *   a day's catalogue does not wait for a boxscore fetch. The fence counter is common, so every
 *   token is unique.
 */
import type { Logger } from '../logger.ts';
import type { AttemptRecord, FetchGate, FetchLease } from '../boxscore/fetch-gate.ts';
import { upstreamErrors, type UpstreamErrorCode } from '../spacetrack/errors.ts';
import { KEYS } from './keys.ts';
import { describeRedisError, isUnavailable, type RedisConnection } from './redis-connection.ts';

const POLL_MS = 150;

/**
 * The locks this instance holds now, lock key -> token. The budget fences its requests with all
 * of them: an instance that lost any lock sends nothing until it has let go of it.
 */
export interface FenceHolder {
  readonly tokens: Map<string, string>;
}

export interface GateKeys {
  lock: string;
  lastAttempt: string;
}

export const BOXSCORE_GATE: GateKeys = { lock: KEYS.lock, lastAttempt: KEYS.lastAttempt };
export const CATALOGUE_GATE: GateKeys = { lock: KEYS.catalogueLock, lastAttempt: KEYS.catalogueLastAttempt };

// Returns {state, detail, repaired}: state 1 = acquired (detail = token), 0 = held (detail = ms left).
const ACQUIRE = `
local repaired = ''
local kind = redis.call('TYPE', KEYS[1]).ok
if kind ~= 'none' and kind ~= 'string' then
  redis.call('DEL', KEYS[1])
  repaired = 'lock held a ' .. kind
end
local left = redis.call('PTTL', KEYS[1])
if left == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {0, tonumber(ARGV[2]), 'lock had no expiry'}
end
if left >= 0 then return {0, left, repaired} end
local ok, fence = pcall(redis.call, 'INCR', KEYS[2])
if not ok then
  redis.call('DEL', KEYS[2])
  fence = redis.call('INCR', KEYS[2])
  repaired = 'fence counter was not a number'
end
local token = fence .. ':' .. ARGV[1]
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
return {1, token, repaired}
`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

// The record outlives the lock (it says when the next attempt may start), bounded by a day.
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('DEL', KEYS[1])
return 1
`;

const DAY_MS = 86_400_000;

export function createRedisFetchGate({ redis, fence, ttlMs, logger, keys = BOXSCORE_GATE }: { redis: RedisConnection; fence: FenceHolder; ttlMs: number; logger: Logger; keys?: GateKeys }): FetchGate {
  const log = logger.child({ state: 'fetch-lock', lock: keys.lock });
  let closed = false;

  async function run<T>(what: () => Promise<T>): Promise<T> {
    try {
      return await what();
    } catch (err) {
      log.warn({ reason: describeRedisError(err) }, 'fetch lock unavailable: nothing fetched');
      if (isUnavailable(err)) throw upstreamErrors.stateUnavailable();
      throw err;
    }
  }

  async function previousAttempt(): Promise<AttemptRecord | undefined> {
    const text = await run(() => redis.command.get(keys.lastAttempt).catch((err: unknown) => {
      if (err instanceof Error && /^WRONGTYPE\b/.test(err.message)) return 'not a string';
      throw err;
    }));
    if (text === null) return undefined;
    const record = parseRecord(text);
    if (!record) {
      log.error({ key: keys.lastAttempt }, 'the last attempt record in Redis could not be read: dropped');
      await run(() => redis.command.del(keys.lastAttempt));
    }
    return record;
  }

  return {
    async acquire(): Promise<FetchLease> {
      let waited = false;
      for (;;) {
        if (closed) throw upstreamErrors.cancelled();
        const [state, detail, repaired] = (await run(() => redis.command.eval(ACQUIRE, 2, keys.lock, KEYS.fence, redis.instance, ttlMs))) as [number, string | number, string];
        if (repaired) log.error({ key: keys.lock, problem: repaired }, 'bad fetch lock state in Redis: repaired');
        if (state === 1) {
          const token = String(detail);
          fence.tokens.set(keys.lock, token);
          if (waited) log.info('fetch lock taken over after waiting');
          const renew = setInterval(() => {
            redis.command.eval(RENEW, 1, keys.lock, token, ttlMs).then(
              (kept) => {
                // The token stays set: the budget script compares it with the lock and refuses from now on.
                if (kept === 0 && fence.tokens.get(keys.lock) === token) log.warn('fetch lock lost (expired and taken by another instance): this instance sends nothing more');
              },
              () => undefined, // Redis down: the budget refuses requests meanwhile; renewing resumes when it is back
            );
          }, ttlMs / 3);
          renew.unref();
          const previous = await previousAttempt().catch(async (err: unknown) => {
            clearInterval(renew);
            fence.tokens.delete(keys.lock);
            await redis.command.eval(RELEASE, 2, keys.lock, keys.lastAttempt, token, '{}', 1).catch(() => undefined);
            throw err;
          });
          return {
            shared: true,
            previous,
            async release(record) {
              clearInterval(renew);
              if (fence.tokens.get(keys.lock) === token) fence.tokens.delete(keys.lock);
              const keepMs = Math.min(DAY_MS, Math.max(1000, record.nextAttemptAt - Date.now() + ttlMs));
              try {
                await redis.command.eval(RELEASE, 2, keys.lock, keys.lastAttempt, token, JSON.stringify(record), keepMs);
              } catch (err) {
                // It expires by itself; the attempt itself is over either way.
                log.warn({ reason: describeRedisError(err) }, 'could not release the fetch lock: it expires by itself');
              }
            },
          };
        }
        waited = true;
        await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(10, Number(detail)))));
      }
    },
    close() {
      closed = true;
    },
  };
}

function parseRecord(text: string): AttemptRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<AttemptRecord> | null;
    if (!value || typeof value.nextAttemptAt !== 'number' || !Number.isFinite(value.nextAttemptAt)) return undefined;
    const e = value.error;
    if (e !== undefined && (typeof e !== 'object' || e === null || typeof e.code !== 'string' || typeof e.message !== 'string')) return undefined;
    return {
      nextAttemptAt: value.nextAttemptAt,
      error: e && { code: e.code as UpstreamErrorCode, message: e.message, status: num(e.status), retryAfterSeconds: num(e.retryAfterSeconds) },
    };
  } catch {
    return undefined;
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
