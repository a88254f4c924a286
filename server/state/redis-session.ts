/**
 * The Space-Track session cookie shared through Redis (see spacetrack/session-store.ts).
 *
 * Bad state (a value of the wrong type, or one that does not read as a cookie) is reported by key,
 * never by value, and removed: the next fetch logs in again. Redis unreachable: SHARED_STATE_UNAVAILABLE,
 * so nothing is sent (a login the other instances would not know of is a request they cannot count).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { SessionStore } from '../spacetrack/session-store.ts';
import { upstreamErrors } from '../spacetrack/errors.ts';
import { KEYS } from './keys.ts';
import { describeRedisError, isUnavailable, isWrongType, type RedisConnection } from './redis-connection.ts';

// Compare and delete in one step: a newer cookie another instance shared must survive.
const DISCARD = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** A cookie as tough-cookie serialises it: `name=value; ...` (no newline, bounded). */
const looksLikeCookie = (text: string) => text.length < 8192 && /^[^=\s;]+=[^\r\n]*$/.test(text);

/** Longer than a login can take (SPACETRACK_TIMEOUT_SECONDS is per request); a dead holder's lock expires after it. */
const LOGIN_LOCK_MS = 30_000;
const LOGIN_POLL_MS = 100;

// 1: taken; 0: held by another; -1: a lock without expiry (no instance sets one so) was removed.
const LOCK_LOGIN = `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
if redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('DEL', KEYS[1])
  return -1
end
return 0
`;

export function createRedisSessionStore({ redis, logger }: { redis: RedisConnection; logger: Logger }): SessionStore {
  const log = logger.child({ state: 'session' });

  async function run<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      log.warn({ what, reason: describeRedisError(err) }, 'shared session unavailable');
      if (isUnavailable(err)) throw upstreamErrors.stateUnavailable();
      throw err;
    }
  }

  return {
    shared: true,
    async load() {
      let text: string | null;
      try {
        text = await run('load', () => redis.command.get(KEYS.session));
      } catch (err) {
        if (!isWrongType(err)) throw err;
        text = '';
      }
      if (text === null) return undefined;
      if (looksLikeCookie(text)) return text;
      log.error({ key: KEYS.session }, 'the shared session in Redis is not a cookie: removed, the next fetch logs in again');
      await run('repair', () => redis.command.del(KEYS.session));
      return undefined;
    },
    async save(cookie, ttlMs) {
      await run('save', () => redis.command.set(KEYS.session, cookie, 'PX', Math.max(1000, Math.round(ttlMs))));
    },
    async discard(cookie) {
      await run('discard', () => redis.command.eval(DISCARD, 1, KEYS.session, cookie));
    },
    async exclusive(login) {
      const token = `${redis.instance}:${randomUUID()}`;
      for (;;) {
        const taken = await run('lock login', () => redis.command.eval(LOCK_LOGIN, 1, KEYS.loginLock, token, LOGIN_LOCK_MS));
        if (taken === 1) break;
        if (taken === -1) log.error({ key: KEYS.loginLock }, 'bad login lock state in Redis (no expiry): repaired');
        else await new Promise((r) => setTimeout(r, LOGIN_POLL_MS));
      }
      try {
        return await login();
      } finally {
        // Compare and delete, as for the cookie: a lock that expired and passed to another stays its.
        await redis.command.eval(DISCARD, 1, KEYS.loginLock, token).catch(() => undefined);
      }
    },
  };
}
