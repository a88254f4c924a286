/** The endpoints over the satellite catalogue (issue 11): timeline, objects behind a count, breakup events. */
import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { EventsResponse, ObjectsResponse, TimelineResponse, TimelineStep } from '../../server/shared/contract.ts';
import { apiFetch } from './client.ts';

export interface TimelineRequest {
  codes: readonly string[];
  step: TimelineStep;
}

export interface ObjectsRequest {
  /** Owner code; null for every owner (the world). */
  code: string | null;
  type: 'payload' | 'rocketBody' | 'debris' | 'tba' | null;
  state: 'orbital' | 'decayed' | null;
  /** One launch (YYYY-NNN) only; null for any. */
  launch: string | null;
  asOf: string;
  /** Field, "-" first when descending. */
  sort: string;
  offset: number;
  limit: number;
}

export const catalogueKeys = {
  all: ['catalogue'] as const,
  timeline: (r: TimelineRequest) => [...catalogueKeys.all, 'timeline', r.step, r.codes.join(',')] as const,
  objects: (r: ObjectsRequest) => [...catalogueKeys.all, 'objects', r] as const,
  events: (limit: number) => [...catalogueKeys.all, 'events', limit] as const,
};

/** The query string of an objects request (also used to fetch every page for the CSV). */
export function objectsPath(r: ObjectsRequest): string {
  const params = new URLSearchParams({ asOf: r.asOf, sort: r.sort, offset: String(r.offset), limit: String(r.limit) });
  if (r.code) params.set('code', r.code);
  if (r.type) params.set('type', r.type);
  if (r.state) params.set('state', r.state);
  if (r.launch) params.set('launch', r.launch);
  return `/api/objects?${params.toString()}`;
}

// The catalogue changes at most once a day; a view's answer is reused for the session.
const CATALOGUE_STALE_MS = 10 * 60_000;

export const timelineQuery = (r: TimelineRequest) =>
  queryOptions({
    queryKey: catalogueKeys.timeline(r),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ step: r.step });
      if (r.codes.length > 0) params.set('codes', r.codes.join(','));
      return apiFetch<TimelineResponse>(`/api/timeline?${params.toString()}`, { signal });
    },
    staleTime: CATALOGUE_STALE_MS,
  });

export function useTimeline(r: TimelineRequest) {
  // A change of countries or step keeps the previous chart on screen until the next arrives.
  return useQuery({ ...timelineQuery(r), placeholderData: keepPreviousData });
}

export function useObjects(r: ObjectsRequest, enabled = true) {
  return useQuery({
    queryKey: catalogueKeys.objects(r),
    queryFn: ({ signal }) => apiFetch<ObjectsResponse>(objectsPath(r), { signal }),
    staleTime: CATALOGUE_STALE_MS,
    placeholderData: keepPreviousData,
    enabled,
  });
}

const eventsQuery = (limit: number) =>
  queryOptions({
    queryKey: catalogueKeys.events(limit),
    queryFn: ({ signal }) => apiFetch<EventsResponse>(`/api/events?limit=${limit}`, { signal }),
    staleTime: CATALOGUE_STALE_MS,
  });

export function useEvents(limit: number, enabled = true) {
  return useQuery({ ...eventsQuery(limit), enabled });
}

/** The debris events the timeline marks: the largest few. */
export const TIMELINE_EVENTS = 5;

/**
 * Ask for a timeline's data (and its events) now, while its code loads, rather than once the panel
 * has rendered: the two would otherwise come one after the other.
 */
export function prefetchTimeline(queryClient: QueryClient, r: TimelineRequest): void {
  void queryClient.prefetchQuery(timelineQuery(r));
  void queryClient.prefetchQuery(eventsQuery(TIMELINE_EVENTS));
}
