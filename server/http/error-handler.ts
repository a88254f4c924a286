/**
 * The last middleware: every error becomes `{ error: { code, message } }` with the right status.
 * AppErrors are answered as they are; client errors raised by Express itself (bad URL encoding,
 * body parser) get a stable code; anything else is logged with the request id and answered as a
 * plain 500 that reveals nothing.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { AppError } from './app-error.ts';
import { bodyParserError } from './request-body.ts';

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = err instanceof AppError ? err : bodyParserError(err);
    if (!known) logger.error({ err, reqId: req.id, method: req.method, path: req.path }, 'unhandled error');
    const error = known ?? new AppError(500, 'INTERNAL', 'Something went wrong on the dashboard server.');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(error.status).set(error.headers).set('Cache-Control', 'no-store').json({ error: { code: error.code, message: error.message } });
  };
}
