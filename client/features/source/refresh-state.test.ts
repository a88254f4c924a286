import { describe, expect, it } from 'vitest';
import type { BoxscoreSourceInfo } from '../../../server/shared/contract.ts';
import { refreshState } from './refresh-state.ts';

const at = (iso: string) => Date.parse(iso);
const live = (over: Partial<BoxscoreSourceInfo>): BoxscoreSourceInfo => ({
  kind: 'live',
  asOf: '2026-11-26',
  fetchedAt: '2026-11-26T18:00:00.000Z',
  citation: 'Source: Space-Track.org',
  stale: false,
  message: null,
  nextFetchAt: '2026-11-27T17:00:00.000Z',
  ...over,
});

describe('refreshState', () => {
  it('a current copy cannot be refreshed, and says when the next copy comes, counting down', () => {
    expect(refreshState(live({}), at('2026-11-27T14:00:00Z'), null)).toEqual({ canRefresh: false, reason: 'Already current. Next copy in 3 h' });
    expect(refreshState(live({}), at('2026-11-27T16:00:14Z'), null).reason).toBe('Already current. Next copy in 59 min');
    expect(refreshState(live({}), at('2026-11-27T16:59:53Z'), null).reason).toBe('Already current. Next copy in 7 s');
    expect(refreshState(live({}), at('2026-11-27T16:59:56Z'), null).reason).toBe('Already current. Next copy in 4 s');
  });

  it('once the next copy is due, Refresh can fetch it', () => {
    expect(refreshState(live({}), at('2026-11-27T17:00:00Z'), null)).toEqual({ canRefresh: true, reason: null });
  });

  it('after a failure it waits out the interval the server gives, then may try again', () => {
    const stale = live({ stale: true, message: 'Space-Track could not be reached.', nextFetchAt: '2026-11-27T18:30:00.000Z' });
    expect(refreshState(stale, at('2026-11-27T17:30:14Z'), null)).toEqual({ canRefresh: false, reason: 'Try again in 59 min' });
    expect(refreshState(stale, at('2026-11-27T18:30:00Z'), null).canRefresh).toBe(true);
  });

  it('a refusal from the server (too many refreshes) holds until its Retry-After, with its own words', () => {
    const due = live({ nextFetchAt: '2026-11-27T17:00:00.000Z' });
    const refusal = { code: 'REFRESH_RATE_LIMITED', until: at('2026-11-27T17:31:00Z') };
    expect(refreshState(due, at('2026-11-27T17:30:20Z'), refusal)).toEqual({ canRefresh: false, reason: 'Too many refreshes. Try again in 40 s' });
    expect(refreshState(due, at('2026-11-27T17:31:00Z'), refusal).canRefresh).toBe(true);
  });

  it('with no live data yet (the embedded snapshot stands in), it waits for the retry like any failure', () => {
    const fallback = live({ kind: 'snapshot', asOf: '2015-03-05', fetchedAt: null, stale: true, nextFetchAt: '2026-11-27T18:00:00.000Z' });
    expect(refreshState(fallback, at('2026-11-27T17:00:00Z'), null).reason).toBe('Try again in 1 h');
  });
});
