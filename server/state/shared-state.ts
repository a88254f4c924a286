/**
 * The state several instances would have to share, behind one seam: the request budget, the
 * session cookie, the fetch gates (single flight with a lock: the boxscore's, the catalogue's), the
 * snapshot and catalogue stores and the per-client rate-limit counts. Without REDIS_URL all of it is local (memory and DATA_DIR), as
 * in one process; with it, all of it lives in Redis and the instances share it.
 */
import { join } from 'node:path';
import { localFetchGate, type FetchGate } from '../boxscore/fetch-gate.ts';
import { createFileSnapshotStore, type SnapshotStore } from '../boxscore/snapshot-store.ts';
import { createCatalogueStore, type CatalogueStore } from '../catalogue/catalogue-store.ts';
import type { RateLimitStores } from '../http/rate-limit.ts';
import type { Logger } from '../logger.ts';
import { createMemoryBudget, type RequestBudget } from '../spacetrack/budget.ts';
import { localSessionStore, type SessionStore } from '../spacetrack/session-store.ts';
import { createRedisBudget } from './redis-budget.ts';
import { connectRedis } from './redis-connection.ts';
import { createRedisCatalogueStore } from './redis-catalogue-store.ts';
import { CATALOGUE_GATE, createRedisFetchGate, type FenceHolder } from './redis-fetch-gate.ts';
import { redisRateLimitStore } from './redis-rate-limit-store.ts';
import { createRedisSessionStore } from './redis-session.ts';
import { createRedisSnapshotStore } from './redis-snapshot-store.ts';

export interface StateHealth {
  /** `degraded` while shared state cannot be reached: the copy held is served, nothing new is fetched. */
  status: 'ok' | 'degraded';
  /** Where the state lives, and whether it can be reached (absent when local). */
  redis?: 'up' | 'down';
}

export interface SharedState {
  budget(limits: { maxPerMinute: number; maxPerHour: number }): RequestBudget;
  readonly session: SessionStore;
  readonly gate: FetchGate;
  snapshots(dataDir: string): SnapshotStore;
  /** The satellite catalogue's own gate: its fetch does not wait for the boxscore's. */
  readonly catalogueGate: FetchGate;
  catalogues(dataDir: string): CatalogueStore;
  /** Shared per-client counts; undefined: each process counts its own. */
  readonly rateLimitStores?: RateLimitStores;
  health(): StateHealth;
  close(): Promise<void>;
}

export function localState(logger: Logger): SharedState {
  return {
    budget: (limits) => createMemoryBudget(limits),
    session: localSessionStore,
    gate: localFetchGate,
    snapshots: (dataDir) => createFileSnapshotStore({ dir: join(dataDir, 'boxscore'), logger }),
    catalogueGate: localFetchGate,
    catalogues: (dataDir) => createCatalogueStore({ dir: join(dataDir, 'catalogue'), logger }),
    health: () => ({ status: 'ok' }),
    close: async () => undefined,
  };
}

export async function redisState({ url, lockTtlMs }: RedisSettings, logger: Logger): Promise<SharedState> {
  const redis = await connectRedis(url, logger);
  const fence: FenceHolder = { tokens: new Map() };
  const gate = createRedisFetchGate({ redis, fence, ttlMs: lockTtlMs, logger });
  const catalogueGate = createRedisFetchGate({ redis, fence, ttlMs: lockTtlMs, logger, keys: CATALOGUE_GATE });
  return {
    budget: (limits) => createRedisBudget({ redis, ...limits, fence, logger }),
    session: createRedisSessionStore({ redis, logger }),
    gate: { ...gate, available: () => redis.isUp() },
    // DATA_DIR is not used: an instance may run with an empty, short-lived one.
    snapshots: () => createRedisSnapshotStore({ redis, logger }),
    catalogueGate: { ...catalogueGate, available: () => redis.isUp() },
    catalogues: () => createRedisCatalogueStore({ redis, logger }),
    rateLimitStores: redisRateLimitStore(redis),
    health: () => (redis.isUp() ? { status: 'ok', redis: 'up' } : { status: 'degraded', redis: 'down' }),
    close: () => redis.close(),
  };
}

export interface RedisSettings {
  url: string;
  lockTtlMs: number;
}

export function createState({ redisUrl, lockTtlMs }: { redisUrl?: string; lockTtlMs: number }, logger: Logger): Promise<SharedState> {
  return redisUrl === undefined ? Promise.resolve(localState(logger)) : redisState({ url: redisUrl, lockTtlMs }, logger);
}
