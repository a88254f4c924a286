/** Every key the dashboard keeps in Redis, in one place (all under `boxscore:`). */
const PREFIX = 'boxscore:';

export const KEYS = {
  budget: `${PREFIX}budget`,
  lock: `${PREFIX}fetch-lock`,
  fence: `${PREFIX}fetch-fence`,
  lastAttempt: `${PREFIX}last-attempt`,
  session: `${PREFIX}session`,
  /** Held by the instance logging in, so two fetches on two instances make one login. */
  loginLock: `${PREFIX}login-lock`,
  snapshots: `${PREFIX}snapshots`,
  snapshot: (id: string) => `${PREFIX}snapshot:${id}`,
  snapshotPattern: `${PREFIX}snapshot:*`,
  /** Values that could not be read are moved here, for inspection, rather than deleted. */
  setAside: (key: string) => `${PREFIX}corrupt:${Date.now()}:${key.slice(PREFIX.length)}`,
  rateLimit: (name: string) => `${PREFIX}rate:${name}:`,
  newCopies: `${PREFIX}new-copy`,
  /** The satellite catalogue: its own lock and attempt record (same fence, budget and session). */
  catalogueLock: `${PREFIX}catalogue-fetch-lock`,
  catalogueLastAttempt: `${PREFIX}catalogue-last-attempt`,
  catalogues: `${PREFIX}catalogues`,
  catalogue: (id: string) => `${PREFIX}catalogue:${id}`,
  newCatalogues: `${PREFIX}new-catalogue`,
} as const;

/**
 * The end of a store's save script (Lua): keep the newest ARGV[4] entries of the index KEYS[1]
 * (deleting the copies `ARGV[6] .. id` it drops; `excess` says how many), then announce the new
 * id ARGV[1] on the channel ARGV[5]. Run inside the save, so both happen with the write or not at all.
 */
export const TRIM_AND_ANNOUNCE = `local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if excess > 0 then
  for _, old in ipairs(redis.call('ZRANGE', KEYS[1], 0, excess - 1)) do redis.call('DEL', ARGV[6] .. old) end
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, excess - 1)
end
redis.call('PUBLISH', ARGV[5], ARGV[1])`;
