/**
 * Several instances on one Redis (issue 15): what reaches Space-Track with 1 and with 3 instances
 * for N concurrent cold viewers (goal: the same, one login and one query), and the cost of counting
 * per-client limits in Redis (rate-limit-redis) instead of in memory, on one instance's cached API.
 * Redis is a real redis-server on a free port in a temporary folder, stopped after.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis, type TestRedis } from '../../server/test-support/redis-server.ts';
import { startFakeSpaceTrack } from '../fake-upstream/fake-space-track.ts';
import { load, medianOf, startApp, type LoadFigures } from './api.ts';
import type { ChildServer } from './servers.ts';

export interface ClusterFigures {
  upstream: { instances: number; n: number; upstream: number; ms: number }[];
  limiter: { memory: LoadFigures; redis: LoadFigures };
}

/** High enough never to refuse the load generator, so the limiter counts every request but lets it through. */
const COUNTED = '1000000';
const START_MS = 90_000;

async function coldBurst(redis: TestRedis, instances: number, n: number) {
  await redis.cli('flushall');
  const fake = await startFakeSpaceTrack();
  const apps: ChildServer[] = [];
  try {
    const env = { SPACETRACK_IDENTITY: fake.identity, SPACETRACK_PASSWORD: fake.password, SPACETRACK_BASE_URL: fake.url, REDIS_URL: redis.url, LOG_LEVEL: 'warn' };
    // Three processes starting at once on a busy machine: more than the usual 20 s to answer.
    for (let i = 0; i < instances; i++) apps.push(await startApp({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'boxscore-bench-instance-')) }, [], START_MS));
    const t0 = performance.now();
    // Viewers spread over the instances as a round-robin balancer would.
    const answers = await Promise.all(Array.from({ length: n }, (_, i) => fetch(`${apps[i % instances]!.url}/api/boxscore`).then(async (r) => ({ status: r.status, kind: ((await r.json()) as { source?: { kind?: string } }).source?.kind }))));
    const ms = performance.now() - t0;
    const bad = answers.filter((a) => a.status !== 200 || a.kind !== 'live');
    if (bad.length > 0) throw new Error(`${bad.length} of ${n} viewers did not get live data with ${instances} instances.`);
    return { instances, n, upstream: fake.counts().login + fake.counts().query, ms };
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await fake.close();
  }
}

export async function measureCluster({ rounds, seconds }: { rounds: number; seconds: number }, log: (l: string) => void): Promise<ClusterFigures> {
  const redis = await startRedis();
  try {
    const upstream: ClusterFigures['upstream'] = [];
    for (const instances of [1, 3]) {
      for (const n of [1, 100, 1000]) {
        const figures = await coldBurst(redis, instances, n);
        log(`  ${instances} instance(s), ${n} cold viewers: ${figures.upstream} upstream requests, all answered in ${Math.round(figures.ms)} ms`);
        upstream.push(figures);
      }
    }
    await redis.cli('flushall');
    const memoryApp = await startApp({ API_RATE_LIMIT_PER_MINUTE: COUNTED }, [], START_MS);
    const redisApp = await startApp({ API_RATE_LIMIT_PER_MINUTE: COUNTED, REDIS_URL: redis.url }, [], START_MS);
    try {
      const runs = { memory: [] as LoadFigures[], redis: [] as LoadFigures[] };
      await load(`${memoryApp.url}/api/boxscore`, 2, {}, 200);
      await load(`${redisApp.url}/api/boxscore`, 2, {}, 200);
      for (let i = 1; i <= rounds; i++) {
        log(`  limiter round ${i}/${rounds}: 50 connections, ${seconds} s each`);
        runs.memory.push(await load(`${memoryApp.url}/api/boxscore`, seconds, {}, 200));
        runs.redis.push(await load(`${redisApp.url}/api/boxscore`, seconds, {}, 200));
      }
      return { upstream, limiter: { memory: medianOf(runs.memory), redis: medianOf(runs.redis) } };
    } finally {
      await Promise.all([memoryApp.stop(), redisApp.stop()]);
    }
  } finally {
    await redis.close();
  }
}
