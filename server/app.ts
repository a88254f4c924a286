/**
 * createApp(deps): the whole HTTP surface, testable without a port. Routes are thin; the source
 * behind them decides where the boxscore comes from.
 *
 * Order matters: request id and security headers on everything; then, for /api only, the access
 * token, the rate limits and the body parser, before any route does work; errors last.
 */
import express, { type Express } from 'express';
import { createHistory, type BoxscoreHistory } from './boxscore/history.ts';
import type { BoxscoreSource } from './boxscore/source.ts';
import type { RebuiltBoxscores } from './catalogue/rebuilt.ts';
import type { TrustProxy } from './config.ts';
import { requireAccessToken } from './http/access-token.ts';
import { notFound } from './http/app-error.ts';
import { API_METHODS, methodNotAllowedError } from './http/method-not-allowed.ts';
import { errorHandler } from './http/error-handler.ts';
import { apiRateLimit, DEFAULT_RATE_LIMITS, refreshRateLimit, type RateLimits, type RateLimitStores } from './http/rate-limit.ts';
import { apiRequestBody } from './http/request-body.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticClient } from './http/static-client.ts';
import type { Logger } from './logger.ts';
import { createPageRenderer } from './render/page.ts';
import { boxscoreRouter } from './routes/boxscore.ts';
import { catalogueRouter } from './routes/catalogue.ts';
import { healthRouter } from './routes/health.ts';
import type { StateHealth } from './state/shared-state.ts';

export interface AppDeps {
  source: BoxscoreSource;
  /** Past snapshots; built over the source (and `rebuilt`) when omitted. */
  history?: BoxscoreHistory;
  /** Boxscores of any day rebuilt from the satellite catalogue, with the timeline, objects and events routes; none when omitted. */
  rebuilt?: RebuiltBoxscores;
  logger: Logger;
  /** Folder of the built client (vite's outDir). */
  clientDir: string;
  /** DASHBOARD_TOKEN: when set, every /api request needs it (README, "Access token"). */
  dashboardToken?: string;
  /** Per-client limits; the defaults of the configuration when omitted. */
  rateLimits?: RateLimits;
  /** Where per-client counts live when several instances share them (REDIS_URL); in memory when omitted. */
  rateLimitStores?: RateLimitStores;
  /** Whether the shared state can be reached (health says degraded when not); always ok when omitted. */
  stateHealth?: () => StateHealth;
  /** TRUST_PROXY: which proxies' X-Forwarded-For gives the client address; none when omitted. */
  trustProxy?: TrustProxy;
}

export type App = Express & {
  /**
   * Prepares ahead what the first reader would wait for, so the first page after start is served
   * from memory: without credentials, the first view is rendered (resolves once done or given up,
   * never rejects). In live mode only the render thread is started, as the first copy may need
   * Space-Track. The app answers without it; index.ts calls it before listening.
   */
  warm(waitMs?: number): Promise<void>;
  /** Stop what the app runs besides requests (the render thread). */
  close(): Promise<void>;
};

/** How long a start waits for the first view to be rendered ahead (~0.5 s on a quiet machine, seconds on a busy one). */
export const WARM_MS = 3000;

export function createApp({ source, rebuilt, history = createHistory({ source, rebuilt }), logger, clientDir, dashboardToken, rateLimits = DEFAULT_RATE_LIMITS, rateLimitStores, stateHealth, trustProxy = false }: AppDeps): App {
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy every request comes from the proxy: without this, all users would share one rate-limit bucket.
  app.set('trust proxy', trustProxy);
  if (trustProxy === true) logger.warn('TRUST_PROXY=true believes any X-Forwarded-For: make sure the proxy in front overwrites it, or name the proxy instead');
  app.set('etag', false); // ETags are computed where the bodies are prepared, not per response
  app.use(requestLog(logger));
  app.use(securityHeaders());
  // No app-wide compression(): API bodies are compressed once per snapshot (prepared-json.ts), and
  // static files carry build-time copies (static-client.ts); wrapping every response cost ~10%.

  // Rate limit first: wrong-token attempts count too.
  app.use('/api', apiRateLimit(rateLimits, logger, rateLimitStores), requireAccessToken(dashboardToken));
  app.post('/api/boxscore/refresh', refreshRateLimit(rateLimits, logger, rateLimitStores));
  app.use('/api', apiRequestBody());
  app.use('/api', healthRouter(source, stateHealth), boxscoreRouter(source, history, rebuilt));
  if (rebuilt) app.use('/api', catalogueRouter(rebuilt));
  app.use('/api', (req, _res, next) => {
    const path = req.originalUrl.split('?')[0]?.slice(0, 200) ?? '';
    // A method no endpoint takes is refused as such; otherwise the path itself is unknown.
    if (!(API_METHODS as readonly string[]).includes(req.method)) return next(methodNotAllowedError(req.method, '', API_METHODS));
    next(notFound(`There is no API endpoint ${req.method.slice(0, 20)} ${path}.`));
  });
  // A protected dashboard's data is not the public's: its page is the shell, which asks for the token.
  const pages = dashboardToken === undefined ? createPageRenderer({ source, history, clientDir, logger }) : null;
  app.use(staticClient(clientDir, pages));
  app.use(errorHandler(logger));
  return Object.assign(app, {
    async warm(waitMs = WARM_MS) {
      if (!pages) return;
      if (source.mode !== 'snapshot') return pages.prepare();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pages.warm(), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
    },
    async close() {
      await pages?.close();
    },
  });
}
