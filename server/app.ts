/**
 * createApp(deps): the whole HTTP surface, testable without a port. Routes are thin; the source
 * behind them decides where the boxscore comes from.
 */
import compression from 'compression';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { BoxscoreSource } from './boxscore/source.ts';
import { AppError, notFound } from './http/app-error.ts';
import { staticClient } from './http/static-client.ts';
import type { Logger } from './logger.ts';
import { boxscoreRouter } from './routes/boxscore.ts';
import { healthRouter } from './routes/health.ts';

export interface AppDeps {
  source: BoxscoreSource;
  logger: Logger;
  /** Folder of the built client (vite's outDir). */
  clientDir: string;
}

export function createApp({ source, logger, clientDir }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // ETags are computed where the bodies are prepared, not per response
  app.use(compression());

  app.use('/api', healthRouter(source), boxscoreRouter(source));
  app.use('/api', (req, _res, next) => next(notFound(`There is no API endpoint ${req.method} ${req.originalUrl.split('?')[0]}.`)));
  app.use(staticClient(clientDir));

  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const known =
      err instanceof AppError
        ? err
        : isHttpError(err) && err.status < 500
          ? new AppError(err.status, err.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', err.status === 404 ? 'Not found.' : 'The request could not be read.')
          : undefined;
    if (!known) logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
    const error = known ?? new AppError(500, 'INTERNAL', 'Something went wrong on the dashboard server.');
    if (res.headersSent) return;
    res.status(error.status).set(error.headers).set('Cache-Control', 'no-store').json({ error: { code: error.code, message: error.message } });
  };
  app.use(onError);
  return app;
}

function isHttpError(err: unknown): err is { status: number } {
  return typeof err === 'object' && err !== null && 'status' in err && typeof (err as { status: unknown }).status === 'number';
}
