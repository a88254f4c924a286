/**
 * The timeline's settings, kept in the address with the rest of the view (view.ts reads and
 * writes them through these helpers), so a shared link restores the same timeline.
 */
import type { TIMELINE_MAX_CODES as SERVER_MAX_CODES, TimelineStep } from '../../../server/shared/contract.ts';
import { ISO_DATE } from '../../../server/shared/iso-date.ts';

/** The server's limit, typed from it (a value import of contract.ts would ship zod to the browser). */
export const TIMELINE_MAX_CODES: typeof SERVER_MAX_CODES = 12;

export type TimelineShow = 'orbital' | 'decayed' | 'both';
/** The count compared when lines are drawn (several countries): each type, or all of them. */
export type TimelineMeasure = 'total' | 'payload' | 'rocketBody' | 'debris';
export type TimelineScale = 'linear' | 'log';

export interface TimelineView {
  /** Owner codes drawn as lines (two or more) or as one country's stack (one); none: the world. */
  codes: string[];
  show: TimelineShow;
  measure: TimelineMeasure;
  scale: TimelineScale;
  step: TimelineStep;
  /** The brushed range (step end dates); null: from the first / to the last. */
  from: string | null;
  to: string | null;
}

export const DEFAULT_TIMELINE: TimelineView = { codes: [], show: 'orbital', measure: 'debris', scale: 'linear', step: 'year', from: null, to: null };

export const TIMELINE_SHOWS: readonly (readonly [TimelineShow, string])[] = [['orbital', 'In orbit'], ['decayed', 'Decayed'], ['both', 'Both']];
export const TIMELINE_MEASURES: readonly (readonly [TimelineMeasure, string])[] = [['total', 'All types'], ['payload', 'Payloads'], ['rocketBody', 'Rocket bodies'], ['debris', 'Debris']];
const oneOf = <T extends string>(options: readonly (readonly [T, string])[], value: string): value is T => options.some(([o]) => o === value);
const CODE = /^[A-Za-z0-9/&.-]{1,12}$/;

type Patch = Partial<TimelineView> | undefined;
/** URL parameter -> the timeline setting it holds (undefined: a value the page cannot use). */
export const TIMELINE_READERS: Record<string, (value: string) => Patch> = {
  tc: (v) => {
    const codes = [...new Set(v.split(',').filter(Boolean).map((c) => c.toUpperCase()))];
    return codes.length <= TIMELINE_MAX_CODES && codes.every((c) => CODE.test(c)) ? { codes } : undefined;
  },
  tshow: (v) => (oneOf(TIMELINE_SHOWS, v) ? { show: v } : undefined),
  tcount: (v) => (oneOf(TIMELINE_MEASURES, v) ? { measure: v } : undefined),
  tscale: (v) => (v === 'log' || v === 'linear' ? { scale: v } : undefined),
  tstep: (v) => (v === 'month' || v === 'year' ? { step: v } : undefined),
  tfrom: (v) => (ISO_DATE.test(v) ? { from: v } : undefined),
  tto: (v) => (ISO_DATE.test(v) ? { to: v } : undefined),
};

/** Lines compare countries; one country or the world is a stack by type. */
export const drawsLines = (t: TimelineView): boolean => t.codes.length >= 2;

/** Write the timeline's settings that differ from the default into `params`. */
export function writeTimeline(t: TimelineView, params: URLSearchParams): void {
  const d = DEFAULT_TIMELINE;
  params.set('timeline', '1');
  if (t.codes.length > 0) params.set('tc', t.codes.join(','));
  if (t.show !== d.show) params.set('tshow', t.show);
  if (t.measure !== d.measure) params.set('tcount', t.measure);
  if (t.scale !== d.scale) params.set('tscale', t.scale);
  if (t.step !== d.step) params.set('tstep', t.step);
  if (t.from) params.set('tfrom', t.from);
  if (t.to) params.set('tto', t.to);
}
