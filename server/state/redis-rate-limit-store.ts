/**
 * Per-client limits counted in Redis (rate-limit-redis), so a client's limit is the same whichever
 * instance answers. rate-limit-redis loads its scripts once at start and keeps the promise: had
 * Redis been down then, every later count would fail for good. This store loads them again after
 * a failure, so counting resumes by itself when Redis is back (meanwhile http/rate-limit.ts lets
 * requests through: serving goes on).
 */
import type { Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { KEYS } from './keys.ts';
import type { RedisConnection } from './redis-connection.ts';

class RecoveringRedisStore extends RedisStore {
  private async recovering<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const increment = this.loadIncrementScript();
      const get = this.loadGetScript();
      // Handled here so a failed reload is not an unhandled rejection; the next call awaits them again.
      increment.catch(() => undefined);
      get.catch(() => undefined);
      this.incrementScriptSha = increment;
      this.getScriptSha = get;
      throw err;
    }
  }

  override increment(key: string) {
    return this.recovering(() => super.increment(key));
  }

  override get(key: string) {
    return this.recovering(() => super.get(key));
  }
}

export function redisRateLimitStore(redis: RedisConnection): (name: string) => Store {
  return (name) =>
    new RecoveringRedisStore({
      prefix: KEYS.rateLimit(name),
      // ioredis's generic command; rate-limit-redis builds the commands itself.
      sendCommand: (command: string, ...args: string[]) => redis.command.call(command, ...args) as Promise<number | string>,
    });
}
