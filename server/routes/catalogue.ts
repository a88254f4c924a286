/**
 * What the satellite catalogue tells beyond one boxscore: the timeline of counts, the objects
 * behind a count, the breakups that left the most debris (server/catalogue/rebuilt.ts).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { RebuiltBoxscores } from '../catalogue/rebuilt.ts';
import { MAX_EVENTS } from '../catalogue/events.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { sendPrepared } from '../http/prepared-json.ts';
import { isoDate, parseQuery } from '../http/query.ts';
import { LAUNCH_DESIGNATOR, OBJECT_SORT_FIELDS, OBJECT_STATES, OBJECT_TYPE_KEYS, OBJECTS_MAX_LIMIT, TIMELINE_MAX_CODES, TIMELINE_STEPS, type ObjectSortField } from '../shared/contract.ts';

const READ = ['GET', 'HEAD'];

/** A whole number written in digits, within [min, max]. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be from ${min} to ${max}`);

const ownerCode = z.string().trim().regex(/^[A-Za-z0-9/&.-]{1,12}$/, 'must be an owner code such as US or CIS');

const TIMELINE_QUERY = {
  codes: z
    .string()
    .transform((s) => s.split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== ''))
    .refine((codes) => codes.length <= TIMELINE_MAX_CODES, `must name at most ${TIMELINE_MAX_CODES} owner codes`)
    .refine((codes) => codes.every((c) => ownerCode.safeParse(c).success), 'must be owner codes separated by commas, such as CIS,US')
    .refine((codes) => new Set(codes).size === codes.length, 'must not name a code twice')
    .optional(),
  step: z.enum(TIMELINE_STEPS, 'must be year or month').default('year'),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

const SORT = new RegExp(`^-?(${OBJECT_SORT_FIELDS.join('|')})$`);
const OBJECTS_QUERY = {
  code: ownerCode.optional(),
  type: z.enum(OBJECT_TYPE_KEYS, `must be one of ${OBJECT_TYPE_KEYS.join(', ')}`).optional(),
  state: z.enum(OBJECT_STATES, 'must be orbital or decayed').optional(),
  launch: z.string().regex(LAUNCH_DESIGNATOR, 'must be a launch such as 1999-025 (year and launch number)').optional(),
  asOf: isoDate.optional(),
  sort: z.string().regex(SORT, `must be one of ${OBJECT_SORT_FIELDS.join(', ')}, with "-" first for descending order`).default('noradId'),
  offset: wholeNumber(0, 1_000_000).default(0),
  limit: wholeNumber(1, OBJECTS_MAX_LIMIT).default(100),
};

const EVENTS_QUERY = { limit: wholeNumber(1, MAX_EVENTS).default(10) };

export function catalogueRouter(rebuilt: RebuiltBoxscores): Router {
  const router = Router();

  router
    .route('/timeline')
    .get(async (req, res) => {
      const { codes = [], step, from, to } = parseQuery(req, TIMELINE_QUERY);
      sendPrepared(req, res, await rebuilt.timeline({ codes, step, from, to }));
    })
    .all(methodNotAllowed(READ));

  router
    .route('/objects')
    .get(async (req, res) => {
      const { sort, ...query } = parseQuery(req, OBJECTS_QUERY);
      const descending = sort.startsWith('-');
      sendPrepared(req, res, await rebuilt.objects({ ...query, code: query.code?.toUpperCase(), sort: sort.replace(/^-/, '') as ObjectSortField, descending }));
    })
    .all(methodNotAllowed(READ));

  router
    .route('/events')
    .get(async (req, res) => {
      const { limit } = parseQuery(req, EVENTS_QUERY);
      sendPrepared(req, res, await rebuilt.events(limit));
    })
    .all(methodNotAllowed(READ));

  return router;
}
