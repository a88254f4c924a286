/**
 * Per-client (IP address) rate limits on /api, so a runaway tab or script cannot keep the server
 * busy, and — stricter — on the manual refresh, which is what could spend the Space-Track budget.
 * A limit of 0 switches it off (the benchmark does that). Memory store: one process, one counter;
 * with REDIS_URL the counts live in Redis (state/redis-rate-limit-store.ts), one per client for all
 * instances, and a Redis that cannot be reached lets requests through rather than failing them.
 *
 * The client address is req.ip: the socket's peer, or — only when TRUST_PROXY says which proxies to
 * believe (app.ts sets Express's `trust proxy`) — the address those proxies put in X-Forwarded-For.
 */
import { rateLimit, type Store } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { waitWords } from '../shared/time-words.ts';
import { AppError } from './app-error.ts';

export interface RateLimits {
  /** Requests per client per minute on all of /api; 0 = no limit. */
  apiPerMinute: number;
  /** POST /api/boxscore/refresh per client per minute; 0 = no limit. */
  refreshPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { apiPerMinute: 300, refreshPerMinute: 6 };

/** A shared store for the limit of that name (`api`, `refresh`); the library's memory store when omitted. */
export type RateLimitStores = (name: string) => Store;

/** While a shared store is down every request would log its failure: once a minute is enough, without the error's command. */
const STORE_ERROR_EVERY_MS = 60_000;

function storeErrorLog(logger: Logger, name: string): Pick<Logger, 'warn' | 'error'> {
  let lastAt = 0;
  return {
    warn: logger.warn.bind(logger),
    error: ((err: unknown, what?: string) => {
      const now = Date.now();
      if (now - lastAt < STORE_ERROR_EVERY_MS) return;
      lastAt = now;
      const reason = err instanceof Error ? err.message.slice(0, 160) : 'unknown';
      logger.warn({ limit: name, what, reason }, 'per-client limit store failed: requests pass uncounted until it answers again');
    }) as Logger['error'],
  };
}

function limiter(perMinute: number, code: string, what: string, logger: Logger, name: string, stores?: RateLimitStores): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    ...(stores && { store: stores(name), passOnStoreError: true }),
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The library's own misconfiguration checks go to our log, not the console. Two are off: an
    // X-Forwarded-For without TRUST_PROXY is ignored on purpose (any client can send one, and it
    // must not write an error line), and TRUST_PROXY=true is the operator's choice, warned about
    // at startup (app.ts).
    logger: stores ? storeErrorLog(logger, name) : logger,
    validate: { xForwardedForHeader: false, trustProxy: false },
    handler: (_req, res, next) => {
      // The library has set Retry-After (seconds until the window resets); keep it on the error.
      const retryAfter = String(res.getHeader('Retry-After') ?? 60);
      next(new AppError(429, code, `Too many ${what} from this browser: at most ${perMinute} a minute. Try again in ${waitWords(Number(retryAfter) * 1000)}.`, { 'Retry-After': retryAfter }));
    },
  });
}

export function apiRateLimit(limits: RateLimits, logger: Logger, stores?: RateLimitStores): RequestHandler {
  return limiter(limits.apiPerMinute, 'RATE_LIMITED', 'requests', logger, 'api', stores);
}

export function refreshRateLimit(limits: RateLimits, logger: Logger, stores?: RateLimitStores): RequestHandler {
  return limiter(limits.refreshPerMinute, 'REFRESH_RATE_LIMITED', 'refresh requests', logger, 'refresh', stores);
}
