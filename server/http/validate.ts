/**
 * Input validation for routes, in one line each; anything unexpected answers 400 with a message
 * naming what is wrong. Strict by default: a route that declares no query accepts no query
 * parameters, one that declares no body accepts no body, and unknown keys are refused.
 *
 *   router.get('/health', validate(), handler);                              // nothing accepted
 *   router.post('/boxscore/refresh', validate({ body: emptyJsonBody }), handler);
 *   // typed, inside a handler (query.ts; keep the shape in a module constant: compiled once):
 *   const CHANGES_QUERY = { from: isoDate, to: isoDate };
 *   const { from, to } = parseQuery(req, CHANGES_QUERY);
 *   const { note } = parseBody(req, z.object({ note: z.string().max(200) }));
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

export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const strict = schema instanceof z.ZodObject ? schema.strict() : schema;
  const result = strict.safeParse(req.body);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0];
  if ((schema as z.ZodType) === noBody) throw badRequest('This request takes no body.');
  if (issue?.code === 'unrecognized_keys') throw badRequest(`Unknown field${issue.keys.length > 1 ? 's' : ''} in the request body: ${issue.keys.map((k) => k.slice(0, 40)).join(', ')}.`);
  const path = issue?.path.map(String).join('.');
  throw badRequest(`The request body ${path ? `field ${path.slice(0, 40)} ` : ''}${issue?.message ?? 'is invalid'}.`);
}

/** Middleware form: validates and passes on; omitted parts must be absent. */
export function validate(schemas: { query?: z.ZodRawShape; body?: z.ZodType } = {}): RequestHandler {
  const query = schemas.query ?? {};
  const body = schemas.body ?? noBody;
  return (req, _res, next) => {
    parseQuery(req, query);
    parseBody(req, body);
    next();
  };
}
