/**
 * Input validation for routes, in one line each; anything unexpected answers 400 with a message
 * naming what is wrong. Strict: a route that uses validate() accepts no query parameters, and
 * no body unless it names a (strict) body schema.
 *
 *   router.get('/health', validate(), handler);                              // nothing accepted
 *   router.post('/boxscore/refresh', validate({ body: emptyJsonBody }), handler);
 *   // a typed query, inside a handler (query.ts; keep the shape in a module constant: compiled once):
 *   const CHANGES_QUERY = { from: isoDate, to: isoDate };
 *   const { from, to } = parseQuery(req, CHANGES_QUERY);
 *
 * Bodies reach the routes already limited to JSON of a few kilobytes (request-body.ts), and GET
 * requests with a body are refused there, so GET routes only need to check their query.
 * Express 5's req.query is read-only, so parsed values are returned, not written back.
 */
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { badRequest } from './app-error.ts';
import { parseQuery } from './query.ts';

/** For actions that take no parameters: no body, or an empty JSON object. */
export const emptyJsonBody = z.strictObject({}).optional();

/** No body at all (the JSON body parser leaves req.body undefined when nothing was sent). */
const noBody = z.undefined();

/** No query parameters (a module constant: parseQuery compiles a shape once). */
const NO_QUERY: z.ZodRawShape = {};

function checkBody(req: Request, schema: z.ZodType): void {
  const result = schema.safeParse(req.body);
  if (result.success) return;
  const issue = result.error.issues[0];
  if (schema === noBody) throw badRequest('This request takes no body.');
  if (issue?.code === 'unrecognized_keys') throw badRequest(`Unknown field${issue.keys.length > 1 ? 's' : ''} in the request body: ${issue.keys.map((k) => k.slice(0, 40)).join(', ')}.`);
  const path = issue?.path.map(String).join('.');
  throw badRequest(`The request body ${path ? `field ${path.slice(0, 40)} ` : ''}${issue?.message ?? 'is invalid'}.`);
}

/** Middleware: no query parameters, and the body `body` describes (none when omitted). */
export function validate({ body = noBody }: { body?: z.ZodType } = {}): RequestHandler {
  return (req, _res, next) => {
    parseQuery(req, NO_QUERY);
    checkBody(req, body);
    next();
  };
}
