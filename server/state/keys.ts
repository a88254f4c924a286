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
