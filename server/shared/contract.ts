/**
 * The HTTP contract of `/api/boxscore`, defined once. The server validates what it sends against
 * these schemas in tests; the client imports the types only (`import type`), so zod stays out of
 * the browser bundle.
 */
import { z } from 'zod';
import { COUNT_KEYS, type CountKey } from './counts.ts';
import { ISO_DATE } from './iso-date.ts';

export { COUNT_KEYS, type CountKey, type Counts } from './counts.ts';

const count = z.number().int().nonnegative();
export const countsSchema = z.object(
  Object.fromEntries(COUNT_KEYS.map((k) => [k, count])) as Record<CountKey, typeof count>,
);

export const countryRowSchema = z.object({
  /** Display name, HTML entities decoded and white space tidied; case kept as Space-Track sends it. */
  country: z.string().min(1),
  /** SPADOC code; null when Space-Track sends none. */
  code: z.string().nullable(),
  counts: countsSchema,
  /**
   * Counts that Space-Track sent as null. They are 0 in `counts` (so sums and charts work) and
   * listed here so the page can show them as unknown rather than as a real zero.
   */
  missing: z.array(z.enum(COUNT_KEYS)),
});
export type CountryRow = z.infer<typeof countryRowSchema>;

export const dataIssueSchema = z.object({
  /** The row concerned, as "NAME (CODE)", or "totals". */
  row: z.string(),
  message: z.string(),
});
export type DataIssue = z.infer<typeof dataIssueSchema>;

export const totalsSchema = z.object({
  /** The grand totals: the `ALL` row when Space-Track sent one, otherwise the sum of the rows. */
  counts: countsSchema,
  /** "upstream": taken from the `ALL` row; "computed": no `ALL` row came, so the rows were summed. */
  origin: z.enum(['upstream', 'computed']),
  /** The sum of the country rows, for the cross-check. */
  sumOfRows: countsSchema,
  /** Counts where the `ALL` row disagrees with the sum of the rows (empty when they agree). */
  mismatches: z.array(z.enum(COUNT_KEYS)),
});
export type Totals = z.infer<typeof totalsSchema>;

export const CITATION = 'Source: Space-Track.org';

/** The citation of figures rebuilt from a copy of the satellite catalogue. Zod-free, so the client may use it. */
export const catalogueCitation = (date: string): string => `${CITATION} (satellite catalogue of ${date})`;

/**
 * Where a boxscore comes from: "snapshot" an embedded real boxscore, "live" a copy fetched from
 * Space-Track, "rebuilt" counted from the satellite catalogue (server/catalogue/rule.ts).
 */
export const SOURCE_KINDS = ['snapshot', 'live', 'rebuilt'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The copy of the satellite catalogue a rebuilt figure was counted from. */
export const catalogueRefSchema = z.object({
  /** The day the catalogue was fetched from Space-Track (YYYY-MM-DD): the last day that can be rebuilt. */
  date: z.string().regex(ISO_DATE),
  /** The first day that can be rebuilt (Sputnik's launch, 1957-10-04). */
  firstDay: z.string().regex(ISO_DATE),
  /** Objects in the catalogue (rows left out as bad not included). */
  objects: z.number().int().nonnegative(),
  /** Rows of the catalogue left out as bad (each reason is in `issues`). */
  leftOut: z.number().int().nonnegative(),
  /** When this copy was fetched (ISO 8601); null for the catalogue shipped with the dashboard. */
  fetchedAt: z.string().datetime().nullable(),
  /** True when a newer catalogue should exist but could not be fetched. */
  stale: z.boolean(),
});
export type CatalogueRef = z.infer<typeof catalogueRefSchema>;

export const sourceSchema = z.object({
  kind: z.enum(SOURCE_KINDS),
  /** Date (UTC, YYYY-MM-DD) the figures describe. */
  asOf: z.string().regex(ISO_DATE),
  /** When this copy was fetched from Space-Track (ISO 8601); null for the embedded snapshot. */
  fetchedAt: z.string().datetime().nullable(),
  /** "Source: Space-Track.org", plus "(satellite catalogue of <date>)" for a rebuilt boxscore. */
  citation: z.string().startsWith(CITATION),
  /** True when a newer copy should exist but could not be fetched; `message` says why. */
  stale: z.boolean(),
  /** Plain words for the user: why the data is stale or why the snapshot is shown. */
  message: z.string().nullable(),
  /**
   * Live mode: the earliest time the server may fetch a copy from Space-Track (ISO 8601). For a
   * current copy, the next daily copy (after 17:00 UTC); after a failure, the end of the wait that
   * follows it (minimum interval, rate-limit backoff, spent request budget). In the past when a
   * fetch may start now (the next request starts it). Pages poll by it; Refresh is useless before
   * it. Null (or absent) where nothing is ever fetched (the embedded snapshot, a past snapshot).
   */
  nextFetchAt: z.string().datetime().nullable().optional(),
  /** A rebuilt boxscore only: the catalogue it was counted from, and what the count leaves out. */
  rebuilt: z
    .object({
      catalogue: catalogueRefSchema,
      /** Objects counted at that day: the boxscore's country total plus `decayedUnknown`. */
      counted: z.number().int().nonnegative(),
      /** Decayed objects of type UNKNOWN: counted, but in no count of the boxscore (as Space-Track's). */
      decayedUnknown: z.number().int().nonnegative(),
    })
    .optional(),
});
export type BoxscoreSourceInfo = z.infer<typeof sourceSchema>;

export const boxscoreResponseSchema = z.object({
  source: sourceSchema,
  rows: z.array(countryRowSchema),
  totals: totalsSchema,
  /** Rows that break the boxscore's arithmetic; shown to the user, never silently fixed. */
  issues: z.array(dataIssueSchema),
});
export type BoxscoreResponse = z.infer<typeof boxscoreResponseSchema>;

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** One snapshot of the history: the newest copy of each day. */
export const historyEntrySchema = z.object({
  asOf: z.string().regex(ISO_DATE),
  kind: z.enum(SOURCE_KINDS),
  fetchedAt: z.string().datetime().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyResponseSchema = z.object({
  /** Oldest first: the real boxscores, then the catalogue's newest day (kind "rebuilt") when it is newer than all of them. */
  snapshots: z.array(historyEntrySchema),
  /** The range of days any boxscore can be rebuilt for (`/api/boxscore?asOf=`); null while no catalogue is loaded. */
  catalogue: catalogueRefSchema.nullable(),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export const changeRowSchema = z.object({
  country: z.string(),
  code: z.string().nullable(),
  /** "added": only in `to`; "removed": only in `from`. */
  status: z.enum(['changed', 'unchanged', 'added', 'removed']),
  from: countsSchema.nullable(),
  to: countsSchema.nullable(),
  /** to - from for every count (a missing side counts as zeros). */
  delta: z.record(z.enum(COUNT_KEYS), z.number().int()),
});
export type ChangeRow = z.infer<typeof changeRowSchema>;

export const changesResponseSchema = z.object({
  from: historyEntrySchema,
  to: historyEntrySchema,
  rows: z.array(changeRowSchema),
  totals: z.object({ from: countsSchema, to: countsSchema, delta: z.record(z.enum(COUNT_KEYS), z.number().int()) }),
  citation: z.string().startsWith(CITATION),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
export type Deltas = ChangeRow['delta'];

export const trendResponseSchema = z.object({
  country: z.string(),
  code: z.string().nullable(),
  /**
   * Oldest first; counts null where the country is absent. The real boxscores (kind "snapshot" or
   * "live"), and with a catalogue the rebuilt counts (kind "rebuilt") at the end of each year since
   * the country's first object, and at the catalogue's date.
   */
  points: z.array(z.object({ asOf: z.string(), kind: z.enum(SOURCE_KINDS), counts: countsSchema.nullable() })),
  citation: z.string().startsWith(CITATION),
});
export type TrendResponse = z.infer<typeof trendResponseSchema>;

// ---- Rebuilt from the satellite catalogue (issue 11): timeline, objects, breakup events ----

/** Each of the ten counts as an array aligned with the timeline's `dates`. */
export const countSeriesSchema = z.object(
  Object.fromEntries(COUNT_KEYS.map((k) => [k, z.array(count)])) as Record<CountKey, z.ZodArray<typeof count>>,
);
export type CountSeries = z.infer<typeof countSeriesSchema>;

export const TIMELINE_STEPS = ['year', 'month'] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];
/** Most owner codes one timeline may ask for (plus the world). */
export const TIMELINE_MAX_CODES = 12;

/** `GET /api/timeline?codes=CIS,US&step=year|month&from&to` */
export const timelineResponseSchema = z.object({
  step: z.enum(TIMELINE_STEPS),
  /** The last day of each step (the last one is `to` when `to` ends a step early), oldest first. */
  dates: z.array(z.string().regex(ISO_DATE)),
  world: z.object({ counts: countSeriesSchema }),
  /** One per code asked for, in the order asked; a code with no object at all is a 404. */
  series: z.array(z.object({ code: z.string(), country: z.string(), counts: countSeriesSchema })),
  catalogue: catalogueRefSchema,
  citation: z.string().startsWith(CITATION),
});
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;

export const OBJECT_TYPE_KEYS = ['payload', 'rocketBody', 'debris', 'tba'] as const;
export type ObjectTypeKey = (typeof OBJECT_TYPE_KEYS)[number];
export const OBJECT_STATES = ['orbital', 'decayed'] as const;
export const OBJECT_SORT_FIELDS = ['noradId', 'name', 'intlDes', 'launch', 'decay'] as const;
export type ObjectSortField = (typeof OBJECT_SORT_FIELDS)[number];
/** Largest page of `GET /api/objects`. */
export const OBJECTS_MAX_LIMIT = 500;

export const catalogueObjectSchema = z.object({
  noradId: z.number().int().positive(),
  name: z.string(),
  /** International designator: launch year, launch number and piece (1999-025ABC). */
  intlDes: z.string(),
  launch: z.string().regex(ISO_DATE),
  /** Null while in orbit (at the catalogue's date; an object decayed after `asOf` was in orbit then). */
  decay: z.string().regex(ISO_DATE).nullable(),
});
export type CatalogueObject = z.infer<typeof catalogueObjectSchema>;

/** A launch's international designator without the piece letters: 1999-025. */
export const LAUNCH_DESIGNATOR = /^\d{4}-\d{3}$/;

/**
 * `GET /api/objects?code&type&state&launch&asOf&sort&offset&limit`: the objects behind one cell of the
 * rebuilt boxscore; `total` equals that cell's count (type "tba" is UNKNOWN in orbit; decayed
 * UNKNOWN objects, in no count of the boxscore, are listed with type "tba" and state "decayed").
 * `launch` (YYYY-NNN) keeps one launch's objects: with type "debris", the pieces of a breakup event.
 */
export const objectsResponseSchema = z.object({
  asOf: z.string().regex(ISO_DATE),
  code: z.string().nullable(),
  launch: z.string().regex(LAUNCH_DESIGNATOR).nullable(),
  type: z.enum(OBJECT_TYPE_KEYS).nullable(),
  state: z.enum(OBJECT_STATES).nullable(),
  /** The field sorted by, "-" first when descending. */
  sort: z.string(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  objects: z.array(catalogueObjectSchema),
  catalogue: catalogueRefSchema,
  citation: z.string().startsWith(CITATION),
});
export type ObjectsResponse = z.infer<typeof objectsResponseSchema>;

export const breakupEventSchema = z.object({
  /** The launch (international designator without the piece): 1999-025. */
  launch: z.string(),
  /** The object the pieces came from, read from their own names ("FENGYUN 1C DEB" -> "FENGYUN 1C"). */
  name: z.string(),
  /** Owner code of most pieces, and its name. */
  owner: z.string(),
  country: z.string(),
  /** Catalogued debris of that launch, and how many are still in orbit at the catalogue's date. */
  pieces: z.number().int().positive(),
  inOrbit: z.number().int().nonnegative(),
  /** The day the first piece counts as catalogued (K(n), the rule's), and the month most were. */
  firstCatalogued: z.string().regex(ISO_DATE),
  busiestMonth: z.string().regex(/^\d{4}-\d{2}$/),
  /** The launch's payloads, by name, in catalogue order. */
  payloads: z.array(z.string()),
});
export type BreakupEvent = z.infer<typeof breakupEventSchema>;

/** `GET /api/events?limit=10`: most pieces first. */
export const eventsResponseSchema = z.object({
  events: z.array(breakupEventSchema),
  catalogue: catalogueRefSchema,
  citation: z.string().startsWith(CITATION),
});
export type EventsResponse = z.infer<typeof eventsResponseSchema>;
