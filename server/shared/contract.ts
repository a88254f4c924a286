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

export const sourceSchema = z.object({
  kind: z.enum(['snapshot', 'live']),
  /** Date (UTC, YYYY-MM-DD) the figures describe. */
  asOf: z.string().regex(ISO_DATE),
  /** When this copy was fetched from Space-Track (ISO 8601); null for the embedded snapshot. */
  fetchedAt: z.string().datetime().nullable(),
  citation: z.literal(CITATION),
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
  kind: z.enum(['snapshot', 'live']),
  fetchedAt: z.string().datetime().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyResponseSchema = z.object({
  /** Oldest first. */
  snapshots: z.array(historyEntrySchema),
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
  citation: z.literal(CITATION),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
export type Deltas = ChangeRow['delta'];

export const trendResponseSchema = z.object({
  country: z.string(),
  code: z.string().nullable(),
  /** One point per snapshot, oldest first; counts null where the country is absent. */
  points: z.array(z.object({ asOf: z.string(), counts: countsSchema.nullable() })),
  citation: z.literal(CITATION),
});
export type TrendResponse = z.infer<typeof trendResponseSchema>;
