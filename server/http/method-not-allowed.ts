/**
 * 405 for a known /api path asked with a method it does not take, with the Allow header RFC 9110
 * requires and our JSON error shape. Routes end with `.all(methodNotAllowed([...]))`, so each path
 * lists exactly its own methods; app.ts answers methods the API never takes on any other path.
 */
import type { RequestHandler } from 'express';
import { AppError } from './app-error.ts';

/** Every method some /api path takes. */
export const API_METHODS = ['GET', 'HEAD', 'POST'] as const;

const listed = (methods: readonly string[]) => (methods.length > 1 ? `${methods.slice(0, -1).join(', ')} or ${methods.at(-1)}` : (methods[0] ?? ''));

export function methodNotAllowedError(method: string, path: string, allow: readonly string[]): AppError {
  const where = path ? ` on ${path.slice(0, 200)}` : '';
  return new AppError(405, 'METHOD_NOT_ALLOWED', `The API does not accept ${method.slice(0, 20)} requests${where}: use ${listed(allow)}.`, {
    Allow: allow.join(', '),
  });
}

export function methodNotAllowed(allow: readonly string[]): RequestHandler {
  return (req, _res, next) => next(methodNotAllowedError(req.method, req.originalUrl.split('?')[0] ?? '', allow));
}
