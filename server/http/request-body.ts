/**
 * Request bodies on /api: JSON only, small, and refused clearly otherwise. Runs before the routes,
 * so by the time validate() looks at req.body it is either parsed JSON or undefined (no body).
 * Methods the API does not use are not read at all: the route (or app.ts for an unknown path)
 * answers them 405 with the methods that path takes.
 */
import express, { type Request, type RequestHandler } from 'express';
import { AppError, badRequest } from './app-error.ts';
import { API_METHODS } from './method-not-allowed.ts';

/** Our API takes at most a tiny JSON object; anything bigger is not a mistake worth reading. */
const MAX_BODY_BYTES = 16 * 1024;
const ALLOWED_METHODS = new Set<string>(API_METHODS);

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function apiRequestBody(): RequestHandler {
  const json = express.json({ limit: MAX_BODY_BYTES, strict: true, type: () => true });
  return (req, res, next) => {
    if (!ALLOWED_METHODS.has(req.method) || !hasBody(req)) return next();
    if (req.method !== 'POST') {
      next(badRequest(`${req.method} requests take no body.`));
      return;
    }
    if (!req.is('application/json')) {
      next(badRequest('The request body must be JSON sent with Content-Type: application/json (or no body at all).'));
      return;
    }
    json(req, res, next);
  };
}

/** Errors raised by the body parser (and by URL decoding), as our JSON errors. */
export function bodyParserError(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status } = err as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', `The request body is too large (at most ${MAX_BODY_BYTES} bytes).`);
  if (type === 'entity.parse.failed') return badRequest('The request body is not valid JSON.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError(415, 'UNSUPPORTED_ENCODING', 'The request body uses an encoding or charset the server does not read (send UTF-8 JSON).');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return status === 404 ? new AppError(404, 'NOT_FOUND', 'Not found.') : new AppError(status, 'BAD_REQUEST', 'The request could not be read.');
  }
  return undefined;
}
