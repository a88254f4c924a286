/**
 * The one place that understands Space-Track's satellite catalogue (`class/satcat`) rows.
 *
 * What the real format does (embedded/README.md): every value is a JSON string or null
 * (`"NORAD_CAT_ID": "1"`, `"LAUNCH": "1957-10-04"`); DECAY is null while the object is in orbit;
 * INTLDES (`1999-025ABC`) names the launch (`1999-025`) and the piece.
 *
 * Two kinds of bad input, treated differently:
 * - an answer that is not a catalogue (not an array, empty, a row that is not an object or lacks
 *   one of the fields we ask for) throws CatalogueFormatError: it is rejected whole and the
 *   previous catalogue kept, because counting over half a catalogue would be silently wrong;
 * - a single bad row (a bad date, decay before launch, an unknown type, no owner, a duplicate
 *   number) is left out and counted in `issues`: one odd object must not hide 67,000 good ones.
 *
 * The result is columnar (typed arrays and text columns, ordered by catalogue number): it is what
 * the index needs, it is compact (a few MB for 67,000 objects) and, packed (packed.ts), it crosses
 * a worker boundary without a copy.
 */
import type { DataIssue } from '../shared/contract.ts';
import { NEVER, toDay } from './day.ts';
import { arrayTexts, type TextColumn } from './text-column.ts';

/** The fields we use, and so the only ones asked of Space-Track (the `predicates` path segment). */
export const CATALOGUE_FIELDS = ['NORAD_CAT_ID', 'INTLDES', 'OBJECT_TYPE', 'SATNAME', 'COUNTRY', 'LAUNCH', 'DECAY'] as const;

/** OBJECT_TYPE values in the order of the type index. */
export const OBJECT_TYPES = ['PAYLOAD', 'ROCKET BODY', 'DEBRIS', 'UNKNOWN'] as const;
export const PAYLOAD = 0;
export const ROCKET_BODY = 1;
export const DEBRIS = 2;
export const UNKNOWN = 3;

export class CatalogueFormatError extends Error {
  override readonly name = 'CatalogueFormatError';
}

export interface CatalogueData {
  /** The day the catalogue was published (YYYY-MM-DD). */
  date: string;
  /** Owner codes (SATCAT COUNTRY), sorted; `owner` indexes into it. */
  codes: string[];
  /** Ascending. */
  noradId: Int32Array;
  type: Uint8Array;
  owner: Uint16Array;
  /** Day numbers (day.ts). */
  launch: Int32Array;
  /** Day numbers; NEVER while in orbit. */
  decay: Int32Array;
  name: TextColumn;
  intlDes: TextColumn;
  /** How many rows of the answer were left out, and why (grouped by reason, with examples). */
  leftOut: number;
  issues: DataIssue[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/** Rows per reason quoted in an issue: enough to find them, never a flood. */
const EXAMPLES = 3;

export function parseCatalogue(input: unknown, date: string): CatalogueData {
  if (!Array.isArray(input)) throw new CatalogueFormatError('The satellite catalogue answer is not a list of objects.');
  if (input.length === 0) throw new CatalogueFormatError('The satellite catalogue answer is empty.');
  if (toDay(date) === undefined) throw new CatalogueFormatError(`The catalogue date ${JSON.stringify(date).slice(0, 40)} is not a date.`);

  const reasons = new Map<string, { count: number; examples: string[] }>();
  let leftOut = 0;
  const reject = (row: number, id: string | undefined, reason: string) => {
    leftOut += 1;
    const entry = reasons.get(reason) ?? { count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < EXAMPLES) entry.examples.push(id ? `NORAD ${JSON.stringify(id.slice(0, 12))}` : `row ${row + 1}`);
    reasons.set(reason, entry);
  };

  interface Good { id: number; type: number; owner: string; launch: number; decay: number; name: string; intlDes: string }
  const good: Good[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < input.length; i++) {
    const raw: unknown = input[i];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CatalogueFormatError(`Catalogue row ${i + 1} is not an object.`);
    const row = raw as Record<string, unknown>;
    const absent = CATALOGUE_FIELDS.find((field) => !(field in row));
    if (absent) throw new CatalogueFormatError(`Catalogue row ${i + 1} has no ${absent} field: the answer is not the catalogue asked for.`);
    const idText = text(row.NORAD_CAT_ID);
    const id = idText !== undefined && /^\d{1,9}$/.test(idText) ? Number(idText) : undefined;
    if (id === undefined || id === 0) {
      reject(i, idText, 'no valid catalogue number');
      continue;
    }
    const type = OBJECT_TYPES.indexOf(text(row.OBJECT_TYPE) as (typeof OBJECT_TYPES)[number]);
    if (type < 0) {
      reject(i, idText, 'an unknown object type');
      continue;
    }
    const owner = text(row.COUNTRY);
    if (!owner) {
      reject(i, idText, 'no owner code');
      continue;
    }
    const launch = toDay(text(row.LAUNCH) ?? '');
    if (launch === undefined) {
      reject(i, idText, 'no valid launch date');
      continue;
    }
    const decayText = text(row.DECAY);
    const decay = decayText ? toDay(decayText) : NEVER;
    if (decay === undefined) {
      reject(i, idText, 'a decay date that is not a date');
      continue;
    }
    if (decay < launch) {
      reject(i, idText, 'a decay date before its launch');
      continue;
    }
    if (seen.has(id)) {
      reject(i, idText, 'a catalogue number already used by an earlier row');
      continue;
    }
    seen.add(id);
    good.push({ id, type, owner, launch, decay, name: text(row.SATNAME) || `NORAD ${id}`, intlDes: text(row.INTLDES) ?? '' });
  }
  if (good.length === 0) throw new CatalogueFormatError('No row of the satellite catalogue answer is usable.');

  good.sort((a, b) => a.id - b.id);
  const codes = [...new Set(good.map((g) => g.owner))].sort();
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const n = good.length;
  const data: CatalogueData = {
    date,
    codes,
    noradId: new Int32Array(n),
    type: new Uint8Array(n),
    owner: new Uint16Array(n),
    launch: new Int32Array(n),
    decay: new Int32Array(n),
    name: arrayTexts(good.map((g) => g.name)),
    intlDes: arrayTexts(good.map((g) => g.intlDes)),
    leftOut,
    issues: [...reasons].map(([reason, { count, examples }]) => ({
      row: 'catalogue',
      message: `Left out ${count === 1 ? '1 object' : `${count} objects`} with ${reason} (${examples.join(', ')}${count > examples.length ? ', …' : ''}).`,
    })),
  };
  good.forEach((g, i) => {
    data.noradId[i] = g.id;
    data.type[i] = g.type;
    data.owner[i] = codeIndex.get(g.owner)!;
    data.launch[i] = g.launch;
    data.decay[i] = g.decay;
  });
  return data;
}
