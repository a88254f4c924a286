/**
 * The satellite catalogue's copies in Redis, shared by every instance (REDIS_URL): the same names
 * and the same bytes (the answer as sent, gzip-compressed: ~1 MB a copy) as the folder store
 * (catalogue/catalogue-store.ts), so one fetch a day serves them all and an instance with an empty
 * DATA_DIR asks Space-Track nothing.
 *
 * - `boxscore:catalogue:<id>` holds one copy, the sorted set `boxscore:catalogues` indexes them by
 *   fetch time. A save writes both, trims to the newest two and publishes the id, in one Lua
 *   script: no instance ever sees an index entry without its copy.
 * - A copy of the wrong type is moved aside under `boxscore:corrupt:*` and reported; so is one the
 *   live catalogue could not read (setAside). An index of the wrong type is moved aside too: the
 *   next save starts a new one.
 * - Redis unreachable: reads fail with SHARED_STATE_UNAVAILABLE (the copy held keeps being
 *   served); a save is kept and written as soon as Redis is back.
 */
import type { Logger } from '../logger.ts';
import { catalogueId, compressCatalogue, fetchedAtOfCatalogue, type CatalogueStore, type StoredCatalogue } from '../catalogue/catalogue-store.ts';
import { KEYS, TRIM_AND_ANNOUNCE } from './keys.ts';
import { describeRedisError, isWrongType, storeCommands, type RedisConnection } from './redis-connection.ts';

const RETAIN = 2;

// KEYS: index, copy, set-aside name for a bad index. ARGV: id, score, bytes, retain, channel, copy prefix.
const SAVE = `
local moved = 0
local kind = redis.call('TYPE', KEYS[1]).ok
if kind ~= 'none' and kind ~= 'zset' then
  redis.call('RENAME', KEYS[1], KEYS[3])
  moved = 1
end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
${TRIM_AND_ANNOUNCE}
return moved
`;

// Moved only if still of the wrong type (`ARGV[1]`: the type that is fine; '' for any).
const SET_ASIDE = `
local kind = redis.call('TYPE', KEYS[1]).ok
if kind == 'none' or kind == ARGV[1] then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[2])
return 1
`;

export function createRedisCatalogueStore({ redis, logger }: { redis: RedisConnection; logger: Logger }): CatalogueStore {
  const log = logger.child({ state: 'catalogues' });
  const copyPrefix = KEYS.catalogue('');
  let pending: { id: string; fetchedAt: number; bytes: Buffer } | undefined;

  const run = storeCommands(log, 'shared catalogue store unavailable');

  async function setAside(id: string, why: string, unless = ''): Promise<void> {
    const key = KEYS.catalogue(id);
    const aside = KEYS.setAside(key);
    const moved = await run('set aside', () => redis.command.eval(SET_ASIDE, 3, key, aside, KEYS.catalogues, unless, id)).catch(() => 0);
    if (moved === 1) log.error({ key, movedTo: aside, reason: why.slice(0, 200) }, 'bad value in the shared catalogue store: moved aside, not served');
  }

  async function list(): Promise<StoredCatalogue[]> {
    let ids: string[];
    try {
      ids = await run('list', () => redis.command.zrevrange(KEYS.catalogues, 0, -1));
    } catch (err) {
      if (!isWrongType(err)) throw err;
      // Nothing to list until the next save replaces it (which sets it aside, saying so).
      log.error({ key: KEYS.catalogues }, 'the shared catalogue index is not a sorted set: ignored until the next copy is stored');
      return [];
    }
    return ids.flatMap((id) => {
      const fetchedAt = fetchedAtOfCatalogue(id);
      return fetchedAt === undefined ? [] : [{ id, fetchedAt }];
    });
  }

  async function write(copy: { id: string; fetchedAt: number; bytes: Buffer }): Promise<void> {
    const moved = await run('save', () =>
      redis.command.eval(SAVE, 3, KEYS.catalogues, KEYS.catalogue(copy.id), KEYS.setAside(KEYS.catalogues), copy.id, copy.fetchedAt, copy.bytes, RETAIN, KEYS.newCatalogues, copyPrefix),
    );
    if (moved === 1) log.error({ key: KEYS.catalogues }, 'bad value in the shared catalogue store: the index was not a sorted set, moved aside and started again');
    if (pending === copy) pending = undefined;
    log.info({ id: copy.id, bytes: copy.bytes.length }, 'satellite catalogue stored in Redis');
  }

  // A copy fetched just before Redis went away is written when it returns; the others then hear of it.
  redis.onReady(() => {
    if (pending) write(pending).catch((err: unknown) => log.warn({ reason: describeRedisError(err) }, 'fetched catalogue still waiting for Redis'));
  });

  return {
    list,

    async read(id) {
      if (fetchedAtOfCatalogue(id) === undefined) return undefined;
      try {
        return (await run('read', () => redis.command.getBuffer(KEYS.catalogue(id)))) ?? undefined;
      } catch (err) {
        if (!isWrongType(err)) throw err;
        await setAside(id, 'not a string', 'string');
        return undefined;
      }
    },

    async save(fetchedAt, text) {
      const copy = { id: catalogueId(fetchedAt), fetchedAt: fetchedAt.getTime(), bytes: await compressCatalogue(text) };
      pending = copy;
      await write(copy);
      return { id: copy.id, fetchedAt: fetchedAt.toISOString() };
    },

    setAside: (id) => setAside(id, 'could not be read as a satellite catalogue'),

    watch(listener) {
      redis.subscriber.on('message', (channel: string, id: string) => {
        const fetchedAt = fetchedAtOfCatalogue(id);
        if (channel === KEYS.newCatalogues && fetchedAt !== undefined) listener({ id, fetchedAt });
      });
      redis.subscriber.subscribe(KEYS.newCatalogues).catch((err: unknown) => log.warn({ reason: describeRedisError(err) }, 'could not subscribe to new catalogues yet'));
      // Announcements made while this instance could not hear them: the newest copy is offered again.
      redis.onReady(() => {
        list().then(
          (copies) => copies[0] && listener(copies[0]),
          (err: unknown) => log.warn({ reason: describeRedisError(err) }, 'could not catch up with the shared catalogue store'),
        );
      });
    },
  };
}
