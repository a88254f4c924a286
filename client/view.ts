/**
 * The dashboard's view: what the table shows, and so what the chart, the PNG and the CSV show.
 * It lives in the URL, so a reload or a shared link restores it; a value that makes no sense is
 * dropped for the default and reported, never a blank page.
 */
import { CHART_MEASURES, CHART_MODES, CHART_SCALES, chartSubject, OBJECT_TYPES, type ChartMeasure, type ChartMode, type ChartScale, type Choices, type ObjectType } from './features/chart/chart-data.ts';
import { COLUMN_BY_KEY, COUNT_COLUMNS, DIRECTION_WORDS, DEFAULT_SORT, isCountKey, isDeltaKey, isSortKey, type SortState } from './features/table/columns.ts';
import type { CountKey } from '../server/shared/contract.ts';
import { ISO_DATE } from '../server/shared/iso-date.ts';
import { slugify } from './lib/text.ts';
import { readObjects, writeObjects, type ObjectsView } from './features/objects/objects-view.ts';
import { DEFAULT_TIMELINE, TIMELINE_READERS, writeTimeline, type TimelineView } from './features/timeline/timeline-view.ts';

export const MAX_LIMIT = 200;

export interface View {
  filter: string;
  sort: SortState;
  limit: number;
  mode: ChartMode;
  scale: ChartScale;
  measure: ChartMeasure;
  types: readonly ObjectType[];
  /** Aggregate the countries past the first N into one "Others" bar. */
  others: boolean;
  /** The snapshot shown (null: the current one). */
  asOf: string | null;
  /** The snapshot compared with (null: no comparison). */
  compare: string | null;
  onlyChanged: boolean;
  /** Count columns hidden from the table (and the CSV). */
  hidden: CountKey[];
  /** SPADOC code of the country whose detail is open. */
  country: string | null;
  /** The timeline's settings when it is open (null: closed). */
  timeline: TimelineView | null;
  /** The count whose objects are listed (null: none). */
  objects: ObjectsView | null;
}

export const DEFAULT_VIEW: View = {
  filter: '',
  sort: DEFAULT_SORT,
  limit: 15,
  // What is up there now: decayed objects are one click away.
  mode: 'orbital',
  scale: 'linear',
  measure: 'absolute',
  types: [...OBJECT_TYPES],
  others: false,
  asOf: null,
  compare: null,
  onlyChanged: false,
  hidden: [],
  country: null,
  timeline: null,
  objects: null,
};

/** A reader for a setting with a fixed list of values. */
const choice =
  <K extends 'mode' | 'scale' | 'measure'>(key: K, options: Choices<View[K]>) =>
  (value: string): Partial<View> | undefined =>
    options.some(([option]) => option === value) ? ({ [key]: value } as Partial<View>) : undefined;
const list = <T extends string>(value: string, valid: (v: string) => v is T): T[] | undefined => {
  const items = value.split(',').filter(Boolean);
  return items.every(valid) ? [...new Set(items)] : undefined;
};

/** URL parameter -> how to read it into the view. Each returns undefined for a value it rejects. */
const READERS: Record<string, (value: string, view: View) => Partial<View> | undefined> = {
  q: (v) => ({ filter: v.slice(0, 100) }),
  sort: (v, view) => (isSortKey(v) ? { sort: { ...view.sort, key: v } } : undefined),
  dir: (v, view) => (v === 'asc' || v === 'desc' ? { sort: { ...view.sort, direction: v } } : undefined),
  n: (v) => (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_LIMIT ? { limit: Number(v) } : undefined),
  show: choice('mode', CHART_MODES),
  scale: choice('scale', CHART_SCALES),
  measure: choice('measure', CHART_MEASURES),
  types: (v) => {
    const types = list(v, (t): t is ObjectType => (OBJECT_TYPES as readonly string[]).includes(t));
    return types && types.length > 0 ? { types: OBJECT_TYPES.filter((t) => types.includes(t)) } : undefined;
  },
  others: (v) => (v === '1' ? { others: true } : undefined),
  asOf: (v) => (ISO_DATE.test(v) ? { asOf: v } : undefined),
  compare: (v) => (ISO_DATE.test(v) ? { compare: v } : undefined),
  changed: (v) => (v === '1' ? { onlyChanged: true } : undefined),
  hide: (v) => {
    const hidden = list(v, isCountKey);
    return hidden && { hidden };
  },
  country: (v) => (/^[\w/.-]{1,12}$/.test(v) ? { country: v } : undefined),
  timeline: (v, view) => (v === '1' ? { timeline: view.timeline ?? DEFAULT_TIMELINE } : undefined),
  // The timeline's own settings (tc, tshow, ...) open it too, whatever their order in the address.
  ...Object.fromEntries(
    Object.entries(TIMELINE_READERS).map(([name, read]) => [
      name,
      (v: string, view: View) => {
        const patch = read(v);
        return patch && { timeline: { ...(view.timeline ?? DEFAULT_TIMELINE), ...patch } };
      },
    ]),
  ),
  objects: (v) => {
    const objects = readObjects(v);
    return objects && { objects };
  },
};

export interface ParsedView {
  view: View;
  /** Parameters that were ignored, as "name=value". */
  invalid: string[];
}

export function parseView(search: string): ParsedView {
  const params = new URLSearchParams(search);
  let view: View = { ...DEFAULT_VIEW };
  const invalid: string[] = [];
  for (const [name, value] of params) {
    const read = READERS[name];
    if (!read) continue; // Unknown parameters (e.g. from other tools) are left alone.
    const patch = read(value, view);
    if (patch) view = { ...view, ...patch };
    else invalid.push(`${name}=${value}`);
  }
  if (isDeltaKey(view.sort.key) && !view.compare) invalid.push(`sort=${view.sort.key}`);
  if (view.measure === 'change' && !view.compare) invalid.push('measure=change');
  return { view: normalizeView(view), invalid };
}

/** What only makes sense with a comparison (a change column's sort, "only changed", a chart of changes) goes with it. */
export function normalizeView(view: View): View {
  if (view.compare || (!isDeltaKey(view.sort.key) && !view.onlyChanged && view.measure !== 'change')) return view;
  return { ...view, sort: isDeltaKey(view.sort.key) ? DEFAULT_SORT : view.sort, onlyChanged: false, measure: view.measure === 'change' ? DEFAULT_VIEW.measure : view.measure };
}

/** The URL query for a view: only what differs from the default, so the plain page has a plain URL. */
export function serializeView(view: View): string {
  const params = new URLSearchParams();
  const d = DEFAULT_VIEW;
  if (view.filter) params.set('q', view.filter);
  if (view.sort.key !== d.sort.key) params.set('sort', view.sort.key);
  if (view.sort.direction !== d.sort.direction) params.set('dir', view.sort.direction);
  if (view.limit !== d.limit) params.set('n', String(view.limit));
  if (view.mode !== d.mode) params.set('show', view.mode);
  if (view.scale !== d.scale) params.set('scale', view.scale);
  if (view.measure !== d.measure) params.set('measure', view.measure);
  if (view.types.length !== d.types.length) params.set('types', view.types.join(','));
  if (view.others) params.set('others', '1');
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.compare) params.set('compare', view.compare);
  if (view.onlyChanged) params.set('changed', '1');
  if (view.hidden.length > 0) params.set('hide', COUNT_COLUMNS.filter((c) => view.hidden.includes(c.key)).map((c) => c.key).join(','));
  if (view.country) params.set('country', view.country);
  if (view.timeline) writeTimeline(view.timeline, params);
  if (view.objects) params.set('objects', writeObjects(view.objects));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The next view, reusing the previous view's values (arrays, the sort object, the view itself)
 * where they are equal, so memoised parts of the page (table rows, the chart) see no change when
 * there is none.
 */
export function reuseUnchanged(previous: View, next: View): View {
  let changed = false;
  const merged = { ...next };
  for (const key of Object.keys(next) as (keyof View)[]) {
    const same = previous[key] === next[key] || JSON.stringify(previous[key]) === JSON.stringify(next[key]);
    if (same) (merged as Record<keyof View, unknown>)[key] = previous[key];
    else changed = true;
  }
  return changed ? merged : previous;
}


/**
 * The chart's title: what the bars are (chart-data.ts: "Objects in orbit", "Decayed debris, log
 * scale"), which countries and in what order. `shown`: the countries with a bar of their own;
 * `others`: how many more the "Others" bar adds up (0 without one).
 */
export function chartTitle(view: View, shown: number, others = 0): string {
  const by = `${COLUMN_BY_KEY[view.sort.key].label.toLowerCase()}, ${DIRECTION_WORDS[view.sort.direction]}`;
  const which = view.filter.trim() ? ` matching “${view.filter.trim()}”` : '';
  const changed = view.onlyChanged ? ' that changed' : '';
  const countries = shown === 1 ? 'first country' : `first ${shown} countries`;
  const rest = others > 0 ? `, and “Others”: the other ${others} added up` : '';
  return `${chartSubject(view, view.compare)}: ${countries}${changed}${which} by ${by}${rest}`;
}

/** "boxscore-2015-03-05.png" for the default view; the comparison, sort and filter are added when set. */
export function exportFileName(view: View, asOf: string, extension: 'png' | 'csv'): string {
  const parts = ['boxscore', asOf];
  if (view.compare) parts.push('vs', view.compare);
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.direction !== DEFAULT_SORT.direction) {
    parts.push('by', slugify(COLUMN_BY_KEY[view.sort.key].label), view.sort.direction);
  }
  const filter = slugify(view.filter);
  if (filter) parts.push(filter);
  if (view.onlyChanged) parts.push('changed');
  return `${parts.join('-')}.${extension}`;
}
