/**
 * The snapshot store in Redis, shared by every instance (REDIS_URL): the same ids and the same
 * stored form as the folder store (boxscore/snapshot-store.ts), so an instance with an empty
 * DATA_DIR serves the newest copy at once.
 *
 * - `boxscore:snapshot:<id>` holds one copy; the sorted set `boxscore:snapshots` indexes them by
 *   fetch time. A save writes both, keeps one copy per publication day (the newest, as the folder
 *   store does), trims to the retention and publishes the id, in one Lua script:
 *   atomic, so no instance ever sees a copy the index lacks or an index entry without its copy.
 * - A copy that does not read back (bad JSON, not a boxscore, wrong type) is moved aside under
 *   `boxscore:corrupt:*`, reported and never served; an index of the wrong type is moved aside and
 *   rebuilt from the copies.
 * - Redis unreachable: reads fail (the live source keeps serving what it holds); a save is kept and
 *   written as soon as Redis is back, so a copy fetched meanwhile is not lost.
 */
import type { Logger } from '../logger.ts';
import { decodeSnapshot, encodeSnapshot, fetchedAtOf, fileName, isSnapshotId, type SnapshotStore, type StoredSnapshot } from '../boxscore/snapshot-store.ts';
import { latestDailyCutoff, nextDailyCutoff } from '../boxscore/refresh-policy.ts';
import { KEYS, TRIM_AND_ANNOUNCE } from './keys.ts';
import { describeRedisError, isWrongType, storeCommands, type RedisConnection } from './redis-connection.ts';

const DEFAULT_RETENTION = 400;

const SAVE = `
local kind = redis.call('TYPE', KEYS[1]).ok
if kind ~= 'none' and kind ~= 'zset' then return -1 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
-- One copy per publication day (ARGV[7] to ARGV[8]): the newest of the day is kept.
local day = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[7], '(' .. ARGV[8])
for i = 1, #day - 1 do
  redis.call('DEL', ARGV[6] .. day[i])
  redis.call('ZREM', KEYS[1], day[i])
end
${TRIM_AND_ANNOUNCE}
return math.max(excess, 0)
`;

const SET_ASIDE = `
local kind = redis.call('TYPE', KEYS[1]).ok
if kind == 'none' or kind == ARGV[1] then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
return 1
`;

export function createRedisSnapshotStore({ redis, logger, retain = DEFAULT_RETENTION }: { redis: RedisConnection; logger: Logger; retain?: number }): SnapshotStore {
  const log = logger.child({ state: 'snapshots' });
  const snapshotPrefix = KEYS.snapshot('');
  const pending = new Map<string, string>();

  const run = storeCommands(log, 'shared snapshot store unavailable');

  /**
   * Move a key that cannot be read out of the way (kept for inspection) and say so. `unless`: a
   * type that is fine after all (another instance has repaired it meanwhile), then nothing moves.
   */
  async function setAside(key: string, why: string, unless = ''): Promise<void> {
    const aside = KEYS.setAside(key);
    const moved = await run('set aside', () => redis.command.eval(SET_ASIDE, 2, key, aside, unless)).catch(() => 0);
    if (moved === 1) log.error({ key, movedTo: aside, reason: why.slice(0, 200) }, 'bad value in the shared snapshot store: moved aside, not served');
  }

  /** The index was not a sorted set: moved aside and rebuilt from the copies themselves. */
  async function rebuildIndex(): Promise<void> {
    await setAside(KEYS.snapshots, 'the index is not a sorted set', 'zset');
    let cursor = '0';
    let count = 0;
    do {
      const [next, keys] = await run('rebuild', () => redis.command.scan(cursor, 'MATCH', KEYS.snapshotPattern, 'COUNT', 200));
      cursor = next;
      const ids = keys.map((k) => k.slice(snapshotPrefix.length)).filter(isSnapshotId);
      for (const id of ids) await run('rebuild', () => redis.command.zadd(KEYS.snapshots, Date.parse(fetchedAtOf(id)), id));
      count += ids.length;
    } while (cursor !== '0');
    log.warn({ snapshots: count }, 'snapshot index rebuilt');
  }

  /** A read of the index, repaired once when the index is of the wrong type. */
  async function ids(): Promise<string[]> {
    try {
      return await run('list', () => redis.command.zrevrange(KEYS.snapshots, 0, -1));
    } catch (err) {
      if (!isWrongType(err)) throw err;
      await rebuildIndex();
      return run('list', () => redis.command.zrevrange(KEYS.snapshots, 0, -1));
    }
  }

  async function read(id: string): Promise<StoredSnapshot | undefined> {
    if (!isSnapshotId(id)) return undefined;
    const key = KEYS.snapshot(id);
    let text: string | null;
    try {
      text = await run('read', () => redis.command.get(key));
    } catch (err) {
      if (!isWrongType(err)) throw err;
      await setAside(key, 'not a string');
      await run('read', () => redis.command.zrem(KEYS.snapshots, id));
      return undefined;
    }
    if (text === null) {
      // Listed but gone (set aside by another instance, or trimmed): drop the dangling entry.
      await run('read', () => redis.command.zrem(KEYS.snapshots, id));
      return undefined;
    }
    try {
      return decodeSnapshot(id, text);
    } catch (err) {
      await setAside(key, err instanceof Error ? err.message : 'unreadable');
      await run('read', () => redis.command.zrem(KEYS.snapshots, id));
      return undefined;
    }
  }

  async function write(id: string, value: string): Promise<void> {
    const fetchedAt = new Date(fetchedAtOf(id));
    const dayStart = latestDailyCutoff(fetchedAt);
    const dayEnd = nextDailyCutoff(fetchedAt);
    const save = () =>
      run('save', () => redis.command.eval(SAVE, 2, KEYS.snapshots, KEYS.snapshot(id), id, fetchedAt.getTime(), value, retain, KEYS.newCopies, snapshotPrefix, dayStart.getTime(), dayEnd.getTime()));
    let trimmed = await save();
    if (trimmed === -1) {
      await rebuildIndex();
      trimmed = await save();
    }
    pending.delete(id);
    log.info({ id, removedByRetention: trimmed }, 'snapshot stored in Redis');
  }

  // Copies fetched while Redis was away are written first when it returns, then everyone catches up.
  redis.onReady(() => {
    for (const [id, value] of pending) write(id, value).catch((err: unknown) => log.warn({ id, reason: describeRedisError(err) }, 'stored copy still waiting for Redis'));
  });

  async function latest(): Promise<StoredSnapshot | undefined> {
    for (const id of await ids()) {
      const snapshot = await read(id);
      if (snapshot) return snapshot;
    }
    return undefined;
  }

  return {
    latest,

    async list() {
      return (await ids()).map((id) => ({ id, fetchedAt: fetchedAtOf(id) }));
    },

    read,

    async save(snapshot) {
      const id = fileName(snapshot.fetchedAt);
      const value = encodeSnapshot(snapshot);
      pending.set(id, value);
      await write(id, value);
      return { id, fetchedAt: snapshot.fetchedAt.toISOString() };
    },

    watch(listener) {
      const deliver = (id: string) =>
        void read(id).then(
          (snapshot) => snapshot && listener(snapshot),
          (err: unknown) => log.warn({ id, reason: describeRedisError(err) }, 'could not read a new copy announced by another instance'),
        );
      redis.subscriber.on('message', (channel: string, id: string) => {
        if (channel === KEYS.newCopies) deliver(id);
      });
      redis.subscriber.subscribe(KEYS.newCopies).catch((err: unknown) => log.warn({ reason: describeRedisError(err) }, 'could not subscribe to new copies yet'));
      // Announcements made while this instance could not hear them: the newest copy is read again.
      redis.onReady(() => {
        latest().then(
          (snapshot) => snapshot && listener(snapshot),
          (err: unknown) => log.warn({ reason: describeRedisError(err) }, 'could not catch up with the shared store'),
        );
      });
    },
  };
}
