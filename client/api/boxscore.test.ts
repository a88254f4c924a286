import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { BoxscoreResponse } from '../../server/shared/contract.ts';
import { boxscoreKeys, boxscoreQuery, DUE_POLL_MS, IDLE_POLL_MS, pollDelay } from './boxscore.ts';

const copy = (fetchedAt: string) => ({ source: { asOf: '2026-11-24', fetchedAt } }) as unknown as BoxscoreResponse;

describe('query keys of the boxscore', () => {
  it('a day whose copy changed is another query: the old copy is never served for the new one', () => {
    const client = new QueryClient();
    client.setQueryData(boxscoreQuery('2026-11-24', '2026-11-25T10:00:00.000Z').queryKey, copy('2026-11-25T10:00:00.000Z'));
    // The same copy: found in the cache.
    expect(client.getQueryData(boxscoreQuery('2026-11-24', '2026-11-25T10:00:00.000Z').queryKey)?.source.fetchedAt).toBe('2026-11-25T10:00:00.000Z');
    // A newer copy of the same day: not in the cache, so it is fetched.
    expect(client.getQueryData(boxscoreQuery('2026-11-24', '2026-11-25T16:30:00.000Z').queryKey)).toBeUndefined();
  });

  it('comparisons and trends change key with the copies they span', () => {
    expect(boxscoreKeys.changes('2026-11-23', '2026-11-24', ['a', 'b'])).not.toEqual(boxscoreKeys.changes('2026-11-23', '2026-11-24', ['a', 'c']));
    expect(boxscoreKeys.trend('US', '2026-11-25T17:30:00.000Z')).not.toEqual(boxscoreKeys.trend('US', '2026-11-26T17:30:00.000Z'));
  });

  it('the current boxscore has one key, whatever its copy (it revalidates with the server instead)', () => {
    expect(boxscoreQuery(null, '2026-11-25T17:30:00.000Z').queryKey).toEqual(boxscoreKeys.snapshot(null));
  });
});

describe('pollDelay: live mode asks again by what the server says', () => {
  const now = Date.parse('2026-11-27T14:00:00Z');
  it('the embedded snapshot and past snapshots never change: no polling', () => {
    expect(pollDelay(undefined, now)).toBe(false);
    expect(pollDelay({ nextFetchAt: null }, now)).toBe(false);
    expect(pollDelay({}, now)).toBe(false);
  });
  it('while a fetch may be under way (due, or a retry allowed), every few seconds', () => {
    expect(pollDelay({ nextFetchAt: '2026-11-27T13:59:00.000Z' }, now)).toBe(DUE_POLL_MS);
    expect(pollDelay({ nextFetchAt: '2026-11-27T14:00:00.000Z' }, now)).toBe(DUE_POLL_MS);
  });
  it('otherwise just after the next fetch may start, and at least every five minutes', () => {
    expect(pollDelay({ nextFetchAt: '2026-11-27T14:01:00.000Z' }, now)).toBe(62_000);
    expect(pollDelay({ nextFetchAt: '2026-11-27T17:00:00.000Z' }, now)).toBe(IDLE_POLL_MS);
    expect(pollDelay({ nextFetchAt: '2026-11-27T14:00:00.500Z' }, now)).toBe(DUE_POLL_MS);
  });
});
