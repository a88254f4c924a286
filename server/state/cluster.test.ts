/**
 * Several instances on one Redis (issue 15), with real processes: three spawned servers, a real
 * redis-server started here on a free port, the fake Space-Track counting every request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSpaceTrack, type FakeSpaceTrack } from '../../e2e/fake-upstream/fake-space-track.ts';
import { startRedis, type TestRedis } from '../test-support/redis-server.ts';
import { spawnInstances, waitFor, type Instance } from '../test-support/spawn-server.ts';

let redis: TestRedis;
let fake: FakeSpaceTrack;

beforeEach(async () => {
  [redis, fake] = await Promise.all([startRedis(), startFakeSpaceTrack()]);
});
afterEach(async () => {
  await Promise.all([redis.close(), fake.close()]);
});

const env = (extra: Record<string, string> = {}) => ({
  SPACETRACK_IDENTITY: fake.identity,
  SPACETRACK_PASSWORD: fake.password,
  SPACETRACK_BASE_URL: fake.url,
  REDIS_URL: redis.url,
  API_RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'info',
  ...extra,
});

interface Answer {
  status: number;
  etag: string | null;
  kind?: string;
  fetchedAt?: string | null;
  message?: string | null;
}

async function boxscore(instance: Instance): Promise<Answer> {
  const res = await fetch(`${instance.url}/api/boxscore`, { headers: { 'accept-encoding': 'br' } });
  if (res.status !== 200) return { status: res.status, etag: null };
  const body = (await res.json()) as { source: { kind: string; fetchedAt: string | null; message: string | null } };
  return { status: res.status, etag: res.headers.get('etag'), ...body.source };
}

const stopAll = (instances: Instance[]) => Promise.all(instances.map((i) => i.stop()));

describe('three instances on one Redis', () => {
  it('300 concurrent cold requests on each make 1 login and 1 query in all, the same copy everywhere; a restart of all makes none', async () => {
    const instances = await spawnInstances(3, env());
    const answers = await Promise.all(instances.flatMap((instance) => Array.from({ length: 300 }, () => boxscore(instance))));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(fake.counts()).toMatchObject({ login: 1, query: 1 });
    // Every instance serves the one live copy with one ETag.
    expect(new Set(answers.map((a) => `${a.kind} ${a.fetchedAt} ${a.etag}`)).size).toBe(1);
    expect(answers[0]).toMatchObject({ kind: 'live', message: null });
    const first = answers[0]!;
    expect(await redis.cli('zcard', 'boxscore:snapshots')).toBe('1');

    expect(await stopAll(instances)).toEqual([0, 0, 0]);
    // Nobody logs out a session the others share.
    expect(fake.counts()).toMatchObject({ login: 1, query: 1, logout: 0 });

    // Fresh instances with empty DATA_DIRs serve the stored copy at once, asking Space-Track nothing.
    const restarted = await spawnInstances(3, env());
    const again = await Promise.all(restarted.map((i) => boxscore(i)));
    expect(again.map((a) => a.etag)).toEqual([first.etag, first.etag, first.etag]);
    expect(fake.counts()).toMatchObject({ login: 1, query: 1 });
    await stopAll(restarted);
  }, 120_000);
});
