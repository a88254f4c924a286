/**
 * The one place that understands Space-Track's boxscore rows.
 *
 * What the real format does (see server/boxscore/snapshots/README.md):
 * - every scalar is a JSON string ("12"); we also accept plain JSON numbers;
 * - the nine counts and SPADOC_CD may be null (modeldef: nullable). A null count becomes 0 in
 *   `counts`, so sums and charts work, and is listed in the row's `missing` so it is never passed
 *   off as a real zero. An arithmetic check that involves a missing count is skipped;
 * - one pseudo-row `ALL` holds the grand totals, usually last but found wherever it is. Without it
 *   the totals are computed from the rows and marked `origin: "computed"`;
 * - names mix case and may carry HTML entities; they are decoded and white space is tidied.
 *
 * Anything that is not a boxscore (not an array, empty, a row without a country, a count that is
 * not a whole number) throws BoxscoreFormatError: such an answer must never be served as data.
 * A row whose arithmetic is off is kept and reported in `issues`, never silently fixed.
 */
import { z } from 'zod';
import { COUNT_KEYS, type CountKey, type CountryRow, type DataIssue, type Totals } from '../shared/contract.ts';
import { escapeBidiControls, stripBidiControls } from '../shared/bidi.ts';
import { sumCounts, zeroCounts } from '../shared/counts.ts';

/** Upstream field name of each of our count keys. */
const UPSTREAM_FIELDS: Record<CountKey, string> = {
  orbitalTba: 'ORBITAL_TBA',
  orbitalPayload: 'ORBITAL_PAYLOAD_COUNT',
  orbitalRocketBody: 'ORBITAL_ROCKET_BODY_COUNT',
  orbitalDebris: 'ORBITAL_DEBRIS_COUNT',
  orbitalTotal: 'ORBITAL_TOTAL_COUNT',
  decayedPayload: 'DECAYED_PAYLOAD_COUNT',
  decayedRocketBody: 'DECAYED_ROCKET_BODY_COUNT',
  decayedDebris: 'DECAYED_DEBRIS_COUNT',
  decayedTotal: 'DECAYED_TOTAL_COUNT',
  countryTotal: 'COUNTRY_TOTAL',
};

export class BoxscoreFormatError extends Error {
  override readonly name = 'BoxscoreFormatError';
}

/** Longest piece of an upstream value echoed in an error: enough to recognise it, never a flood. */
const ECHO_MAX_CHARS = 40;

/**
 * An upstream value as shown in an error message (which reaches the API, the page and the logs):
 * JSON-quoted, so control characters are escaped, and cut to ECHO_MAX_CHARS with an ellipsis.
 */
function echoValue(value: unknown): string {
  const json = typeof value === 'string' ? JSON.stringify(value.slice(0, ECHO_MAX_CHARS + 1)) : (JSON.stringify(value) ?? String(value));
  // JSON leaves bidi controls as they are; escaped, they cannot reverse the message around them.
  const text = escapeBidiControls(json);
  return text.length > ECHO_MAX_CHARS ? `${text.slice(0, ECHO_MAX_CHARS - 1)}…` : text;
}

/**
 * A count: a string of digits (the real format), a whole JSON number, or null. Beyond 2^53 a
 * number is rounded ("99999999999999999999" would read as 100000000000000000000): such a count is
 * refused like any other invalid one, never served changed.
 */
const upstreamCount = z.unknown().transform((value, ctx): number | null => {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
  if (number !== undefined && Number.isSafeInteger(number)) return number;
  ctx.addIssue({ code: 'custom', message: number === undefined ? `is not a whole number (${echoValue(value)})` : `is too large to be counted exactly (${echoValue(value)})` });
  return z.NEVER;
});

const upstreamRow = z.object({
  COUNTRY: z.string().trim().min(1, 'is empty'),
  SPADOC_CD: z.string().nullable().optional(),
  ...(Object.fromEntries(Object.values(UPSTREAM_FIELDS).map((f) => [f, upstreamCount])) as Record<string, typeof upstreamCount>),
});

export interface ParsedBoxscore {
  rows: CountryRow[];
  totals: Totals;
  issues: DataIssue[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decode HTML entities, drop bidirectional controls (shared/bidi.ts), fold runs of white space, trim. */
export function cleanName(raw: string): string {
  const decoded = raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
  // After decoding: &#x202E; is the same override as the character itself.
  return stripBidiControls(decoded).replace(/\s+/g, ' ').trim();
}


const LABELS: Record<CountKey, string> = {
  orbitalTba: 'orbital TBA',
  orbitalPayload: 'orbital payload',
  orbitalRocketBody: 'orbital rocket body',
  orbitalDebris: 'orbital debris',
  orbitalTotal: 'orbital total',
  decayedPayload: 'decayed payload',
  decayedRocketBody: 'decayed rocket body',
  decayedDebris: 'decayed debris',
  decayedTotal: 'decayed total',
  countryTotal: 'country total',
};

/** The boxscore's arithmetic: each total is the sum of its parts. */
const INVARIANTS: { total: CountKey; parts: CountKey[] }[] = [
  { total: 'orbitalTotal', parts: ['orbitalTba', 'orbitalPayload', 'orbitalRocketBody', 'orbitalDebris'] },
  { total: 'decayedTotal', parts: ['decayedPayload', 'decayedRocketBody', 'decayedDebris'] },
  { total: 'countryTotal', parts: ['orbitalTotal', 'decayedTotal'] },
];

function checkInvariants(row: Pick<CountryRow, 'counts' | 'missing'>): string[] {
  const problems: string[] = [];
  for (const { total, parts } of INVARIANTS) {
    if ([total, ...parts].some((k) => row.missing.includes(k))) continue;
    const sum = parts.reduce((acc, k) => acc + row.counts[k], 0);
    if (sum !== row.counts[total]) {
      problems.push(
        `${LABELS[total]} is ${row.counts[total]} but ${parts.map((k) => LABELS[k]).join(' + ')} = ${sum}`,
      );
    }
  }
  return problems;
}

function describe(row: Pick<CountryRow, 'country' | 'code'>): string {
  return row.code ? `${row.country} (${row.code})` : row.country;
}

function isAllRow(row: Pick<CountryRow, 'country' | 'code'>): boolean {
  return row.code?.toUpperCase() === 'ALL' || row.country.toUpperCase() === 'ALL';
}

/**
 * A SPADOC code is how a country is recognised across snapshots: one that several rows carry is
 * reported (every row is kept and shown as sent; row-key.ts then matches them by name too).
 */
function duplicateCodes(rows: readonly CountryRow[]): DataIssue[] {
  const byCode = new Map<string, CountryRow[]>();
  for (const row of rows) if (row.code) byCode.set(row.code.toUpperCase(), [...(byCode.get(row.code.toUpperCase()) ?? []), row]);
  return [...byCode.values()]
    .filter((shared) => shared.length > 1)
    .map((shared) => ({
      row: `SPADOC code ${shared[0]!.code!}`,
      message: `is sent for ${shared.length} rows (${shared.map((r) => r.country).join(', ')}); they are kept apart, matched across snapshots by name and code.`,
    }));
}

export function parseBoxscore(input: unknown): ParsedBoxscore {
  if (!Array.isArray(input)) throw new BoxscoreFormatError('The boxscore answer is not a list of rows.');
  if (input.length === 0) throw new BoxscoreFormatError('The boxscore answer is empty.');

  const rows: CountryRow[] = [];
  const allRows: CountryRow[] = [];
  const issues: DataIssue[] = [];

  input.forEach((raw, index) => {
    const parsed = upstreamRow.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? first.path.join('.') : 'row';
      throw new BoxscoreFormatError(`Boxscore row ${index + 1} is invalid: ${where} ${first?.message ?? 'is malformed'}.`);
    }
    const data = parsed.data as Record<string, unknown> & { COUNTRY: string; SPADOC_CD?: string | null };
    const counts = zeroCounts();
    const missing: CountKey[] = [];
    for (const key of COUNT_KEYS) {
      const value = data[UPSTREAM_FIELDS[key]] as number | null | undefined;
      if (value === null || value === undefined) missing.push(key);
      else counts[key] = value;
    }
    const code = data.SPADOC_CD == null ? null : cleanName(data.SPADOC_CD) || null;
    const country = cleanName(data.COUNTRY);
    // Entities and controls only (e.g. "&nbsp;" or a lone U+202E) leave no name to show.
    if (!country) throw new BoxscoreFormatError(`Boxscore row ${index + 1} is invalid: COUNTRY has no visible name (${echoValue(data.COUNTRY)}).`);
    const row: CountryRow = { country, code, counts, missing };
    for (const problem of checkInvariants(row)) issues.push({ row: describe(row), message: problem });
    (isAllRow(row) ? allRows : rows).push(row);
  });

  if (rows.length === 0) throw new BoxscoreFormatError('The boxscore answer has no country rows.');
  issues.push(...duplicateCodes(rows));
  if (allRows.length > 1) {
    issues.push({ row: 'totals', message: `${allRows.length} ALL rows were sent; the first one is used.` });
  }

  const sumOfRows = sumCounts(rows);
  const inexact = COUNT_KEYS.find((k) => !Number.isSafeInteger(sumOfRows[k]));
  if (inexact) throw new BoxscoreFormatError(`The rows' ${LABELS[inexact]} counts add up to more than can be counted exactly.`);
  const all = allRows[0];
  let totals: Totals;
  if (all) {
    const mismatches = COUNT_KEYS.filter((k) => !all.missing.includes(k) && all.counts[k] !== sumOfRows[k]);
    for (const k of mismatches) {
      issues.push({
        row: 'totals',
        message: `The ALL row's ${LABELS[k]} is ${all.counts[k]} but the rows add up to ${sumOfRows[k]}.`,
      });
    }
    // A count the ALL row leaves null is filled from the rows rather than shown as 0.
    const counts = { ...all.counts };
    for (const k of all.missing) counts[k] = sumOfRows[k];
    totals = { counts, origin: 'upstream', sumOfRows, mismatches };
  } else {
    totals = { counts: sumOfRows, origin: 'computed', sumOfRows, mismatches: [] };
  }
  return { rows, totals, issues };
}
