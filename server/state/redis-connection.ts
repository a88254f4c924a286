/**
 * The connections to the shared Redis (REDIS_URL): one for commands, one for publish/subscribe
 * (a subscribed connection can do nothing else).
 *
 * Commands fail at once while Redis is unreachable (no offline queue): a caller that would wait on
 * a queue could not tell the page that nothing new can be fetched, and a queued budget check could
 * be granted long after the fact. ioredis reconnects by itself; `onReady` listeners run after every
 * reconnection so the instance can catch up on what it missed.
 *
 * Errors are never logged as objects: ioredis errors carry the command's arguments (a session
 * cookie, a snapshot), so only their code and first words are.
 */
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { upstreamErrors } from '../spacetrack/errors.ts';

export interface RedisConnection {
  readonly command: Redis;
  readonly subscriber: Redis;
  /** Names this process in locks it holds (host and PID), so an operator can tell whose lock it is. */
  readonly instance: string;
  /** True while the command connection can be used. */
  isUp(): boolean;
  /** Called after every (re)connection, the first included. */
  onReady(listener: () => void): void;
  close(): Promise<void>;
}

/** Wait at most this long for Redis at start; after that the instance starts degraded and keeps trying. */
const START_WAIT_MS = 5000;

export async function connectRedis(url: string, logger: Logger): Promise<RedisConnection> {
  const log = logger.child({ state: 'redis' });
  const options = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // Reconnect for ever, at most every 2 s: Redis coming back must be noticed without a restart.
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
    lazyConnect: true,
  };
  const command = new Redis(url, { ...options, connectionName: 'boxscore' });
  const subscriber = new Redis(url, { ...options, connectionName: 'boxscore-subscriber', enableOfflineQueue: true });
  const listeners: (() => void)[] = [];
  let up = false;
  let downSince: number | undefined;
  let closing = false;

  command.on('ready', () => {
    up = true;
    if (downSince !== undefined) log.info({ downForMs: Date.now() - downSince }, 'Redis is back: shared state restored');
    downSince = undefined;
    for (const listener of listeners) listener();
  });
  const down = (err?: unknown) => {
    if (!closing && (up || downSince === undefined)) {
      log.warn({ reason: describeRedisError(err) }, 'Redis is unreachable: serving what this instance holds, fetching nothing new');
      downSince = Date.now();
    }
    up = false;
  };
  command.on('error', (err: unknown) => down(err));
  command.on('close', () => down());
  command.on('end', () => down());
  // The subscriber reports through the command connection's state; its own errors would repeat them.
  subscriber.on('error', () => undefined);

  const started = Promise.all([command.connect(), subscriber.connect()]);
  const ready = await Promise.race([
    started.then(() => true, () => false),
    new Promise<boolean>((r) => setTimeout(() => r(false), START_WAIT_MS).unref()),
  ]);
  if (!ready) log.warn('Redis did not answer at start: starting degraded, reconnecting in the background');
  // A failed first connect leaves ioredis in 'end' with lazyConnect: keep trying by hand then.
  started.catch(() => {
    const retry = setInterval(() => {
      if (command.status === 'end') command.connect().catch(() => undefined);
      if (subscriber.status === 'end') subscriber.connect().catch(() => undefined);
      if (command.status === 'ready' && subscriber.status === 'ready') clearInterval(retry);
    }, 1000);
    retry.unref();
  });

  return {
    command,
    subscriber,
    instance: `${hostname()}:${process.pid}`,
    isUp: () => up && command.status === 'ready',
    onReady: (listener) => void listeners.push(listener),
    async close() {
      closing = true;
      await Promise.allSettled([command.quit(), subscriber.quit()]);
      command.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * Run a store's command: Redis unreachable is logged (`unavailable`) and becomes
 * SHARED_STATE_UNAVAILABLE; a key of the wrong type passes through for the store to repair; any
 * other failure becomes an Error in plain words, never the error itself (ioredis puts the
 * command's arguments in it: a copy, a catalogue).
 */
export function storeCommands(log: Logger, unavailable: string) {
  return async function run<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isWrongType(err)) throw err;
      log.warn({ what, reason: describeRedisError(err) }, unavailable);
      if (isUnavailable(err)) throw upstreamErrors.stateUnavailable();
      // eslint-disable-next-line preserve-caught-error -- see above: the cause would carry the arguments
      throw new Error(`Redis refused to ${what}: ${describeRedisError(err)}`);
    }
  };
}

/** A Redis failure in words fit for a log line: code and message, never the command's arguments. */
export function describeRedisError(err: unknown): string {
  if (!(err instanceof Error)) return 'connection closed';
  const code = (err as { code?: unknown }).code;
  return `${typeof code === 'string' ? `${code}: ` : ''}${err.message.split('\n')[0]?.slice(0, 160) ?? ''}`;
}

/** Redis answered, but the key holds something other than what we keep there. */
export function isWrongType(err: unknown): boolean {
  return err instanceof Error && /^WRONGTYPE\b/.test(err.message);
}

/** Redis could not be asked at all (down, restarting, loading its data). */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'ReplyError') return /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|READONLY)\b/.test(err.message);
  return true;
}
