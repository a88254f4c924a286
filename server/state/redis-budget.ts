/**
 * The request budget shared by every instance (REDIS_URL): the same sliding windows as the memory
 * budget (spacetrack/budget.ts), kept in one sorted set and checked and taken in one Lua script,
 * so two instances can never both take the last unit. Redis's own clock is used: instances on
 * machines whose clocks differ still share one window.
 *
 * Fencing: while this instance holds fetch locks (redis-fetch-gate.ts: the boxscore's, the
 * catalogue's), every unit it takes names their tokens, and the script refuses it when any has
 * passed to someone else (it expired while this instance was stalled). So two fetches of one kind
 * never overlap upstream.
 *
 * Redis unreachable: refused (SHARED_STATE_UNAVAILABLE), never granted on trust. A key of the wrong
 * type is reported and replaced (a budget that cannot be read counts as empty: the windows are
 * short, and Space-Track's own limits are higher than ours).
 */
import type { Logger } from '../logger.ts';
import type { BudgetDecision, RequestBudget } from '../spacetrack/budget.ts';
import { upstreamErrors } from '../spacetrack/errors.ts';
import { describeRedisError, isUnavailable, type RedisConnection } from './redis-connection.ts';
import { KEYS } from './keys.ts';
import type { FenceHolder } from './redis-fetch-gate.ts';

const TAKE = `
-- Fencing: KEYS[2..] are the locks this instance holds, ARGV[4..] its tokens for them.
for i = 2, #KEYS do
  if redis.call('GET', KEYS[i]) ~= ARGV[i + 2] then return {-1, 0, ''} end
end
local repaired = ''
local kind = redis.call('TYPE', KEYS[1]).ok
if kind ~= 'none' and kind ~= 'zset' then
  redis.call('DEL', KEYS[1])
  repaired = kind
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local maxMinute = tonumber(ARGV[1])
local maxHour = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 3600000)
local wait = 0
local inHour = redis.call('ZCARD', KEYS[1])
if inHour >= maxHour then
  local oldest = redis.call('ZRANGE', KEYS[1], inHour - maxHour, inHour - maxHour, 'WITHSCORES')
  wait = math.max(wait, tonumber(oldest[2]) + 3600000 - now)
end
local inMinute = redis.call('ZCOUNT', KEYS[1], '(' .. (now - 60000), '+inf')
if inMinute >= maxMinute then
  local first = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - 60000), '+inf', 'WITHSCORES', 'LIMIT', inMinute - maxMinute, 1)
  wait = math.max(wait, tonumber(first[2]) + 60000 - now)
end
if wait > 0 then return {0, wait, repaired} end
redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], 3600000)
return {1, 0, repaired}
`;

export interface RedisBudgetOptions {
  redis: RedisConnection;
  maxPerMinute: number;
  maxPerHour: number;
  /** The lock tokens this instance holds, if any (set by the fetch gates). */
  fence: FenceHolder;
  logger: Logger;
}

export function createRedisBudget({ redis, maxPerMinute, maxPerHour, fence, logger }: RedisBudgetOptions): RequestBudget {
  const log = logger.child({ state: 'budget' });
  let taken = 0;
  return {
    async take(): Promise<BudgetDecision> {
      let answer: [number, number, string];
      try {
        const held = [...fence.tokens];
        answer = (await redis.command.eval(TAKE, 1 + held.length, KEYS.budget, ...held.map(([lock]) => lock), maxPerMinute, maxPerHour, `${redis.instance}:${++taken}`, ...held.map(([, token]) => token))) as [number, number, string];
      } catch (err) {
        log.warn({ reason: describeRedisError(err) }, 'shared request budget unavailable: nothing sent');
        if (isUnavailable(err)) throw upstreamErrors.stateUnavailable();
        throw err;
      }
      const [granted, waitMs, repaired] = answer;
      if (repaired) log.error({ key: KEYS.budget, found: repaired }, 'shared request budget held the wrong kind of value: replaced by an empty one');
      if (granted === -1) {
        log.warn('the fetch lock passed to another instance: this one sends nothing more');
        throw upstreamErrors.takenOver();
      }
      return granted === 1 ? { granted: true } : { granted: false, retryAfterMs: waitMs };
    },
  };
}
