/**
 * Query-string validation for routes: one zod schema per route, unknown parameters refused, and
 * the first problem answered as a 400 in plain words.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { ISO_DATE } from '../shared/iso-date.ts';
import { badRequest } from './app-error.ts';

/** A calendar date written YYYY-MM-DD (2015-02-30 is refused, not rolled over). */
export const isoDate = z
  .string()
  .regex(ISO_DATE, 'must be a date written YYYY-MM-DD, e.g. 2015-03-05')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !ISO_DATE.test(value) || (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value));
  }, 'is not a real calendar date');

// Building a zod schema costs far more than using one: each shape is compiled once. Routes keep
// their shapes in module constants so the cache is hit.
const compiled = new WeakMap<z.ZodRawShape, z.ZodObject>();

export function parseQuery<T extends z.ZodRawShape>(req: Request, shape: T): z.infer<z.ZodObject<T>> {
  let schema = compiled.get(shape);
  if (!schema) compiled.set(shape, (schema = z.strictObject(shape)));
  const result = (schema as z.ZodObject<T>).safeParse(req.query);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw badRequest(`Unknown query parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}. Allowed: ${Object.keys(shape).join(', ') || 'none'}.`);
  }
  const name = issue?.path.join('.') ?? 'query';
  const given = (req.query as Record<string, unknown>)[name];
  const message =
    issue?.code !== 'invalid_type' ? issue?.message : given === undefined ? 'is required' : 'must be given once, as text';
  throw badRequest(`The query parameter ${name} ${message ?? 'is invalid'}.`);
}
